import { useEffect } from 'react';

export const APP_NAME = 'EcoLoop';

/**
 * The browser tab's title for this page: "JX-2026-000337 案件详情 – EcoLoop" (just "EcoLoop" while
 * unknown). `enabled` false leaves the title to someone else (a page that names itself).
 */
export function usePageTitle(title: string | null | undefined, enabled = true): void {
  useEffect(() => {
    if (enabled) document.title = title ? `${title} – ${APP_NAME}` : APP_NAME;
  }, [title, enabled]);
}
