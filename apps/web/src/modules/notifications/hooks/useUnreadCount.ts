import { useEffect, useState } from 'react';
import { isRead, notificationsApi } from '../../../api/notifications';

const EVENT = 'ecoloop:notifications-changed';

/** Tell the header badge to re-count (after marking notifications read). */
export function notifyNotificationsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Unread notifications for the header badge; polls every minute, silent on errors (the badge is a hint). */
export function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const load = async () => {
      try {
        const res = await notificationsApi.list({ unread: true, pageSize: 1 });
        if (alive) setCount(res.unread ?? res.total ?? res.items.filter((n) => !isRead(n)).length);
      } catch {
        if (alive) setCount(0);
      }
    };
    void load();
    const t = window.setInterval(load, 60_000);
    window.addEventListener(EVENT, load);
    return () => {
      alive = false;
      window.clearInterval(t);
      window.removeEventListener(EVENT, load);
    };
  }, [enabled]);
  return count;
}
