import { useCallback, useEffect, useRef, useState } from 'react';
import { newUuid } from '../../../lib/uuid';
import type { ReportDraft } from '../types';

const keyFor = (userId: string) => `ecoloop.report-draft.${userId}`;

export function newDraft(defaults: Partial<ReportDraft> = {}): ReportDraft {
  return { idempotencyKey: newUuid(), severity: 'general', source: 'grid_patrol', photos: [], ...defaults };
}

function load(userId: string): ReportDraft | null {
  try {
    const raw = localStorage.getItem(keyFor(userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as ReportDraft;
    return d.idempotencyKey ? { ...d, photos: d.photos ?? [] } : null;
  } catch {
    return null;
  }
}

/** The draft of a report, saved as the user types so a lost signal or a reload loses nothing. */
export function useReportDraft(userId: string, defaults: Partial<ReportDraft>) {
  const [draft, setDraft] = useState<ReportDraft>(() => load(userId) ?? newDraft(defaults));
  const restored = useRef(load(userId) !== null);

  useEffect(() => {
    localStorage.setItem(keyFor(userId), JSON.stringify({ ...draft, updatedAt: new Date().toISOString() }));
  }, [draft, userId]);

  const update = useCallback((patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  /** Drop the draft (after the case is created, or on "重新填写"): the next draft gets a new key. */
  const reset = useCallback(() => {
    localStorage.removeItem(keyFor(userId));
    restored.current = false;
    setDraft(newDraft(defaults));
    // `defaults` are read when the reset happens, not watched.
  }, [userId]);

  return { draft, update, reset, restored: restored.current };
}
