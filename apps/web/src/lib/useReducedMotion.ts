import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia?.(QUERY);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

const reduced = () => window.matchMedia?.(QUERY).matches === true;

/**
 * Whether the user asked the system for less motion (WCAG 2.3.3). Then nothing animates: Ant Design's
 * transitions are off, charts draw at once, and map markers do not pulse. An endless animation (an
 * alert marker's ripple) also keeps a phone's or laptop's processor busy for as long as the page is open.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reduced, () => false);
}
