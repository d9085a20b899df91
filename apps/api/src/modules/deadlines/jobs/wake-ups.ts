import { DeadlineJobName, type WakeUp } from './deadline-queue.js';
import type { DeadlineState } from './deadline-timers.repository.js';

/**
 * When a time of a deadline fires: its due (or reminder) time; for a row born already due (the
 * time not after its creation: back-dated data), `graceMs` after its creation (TimersConfig.graceMs).
 */
export function fireTime(time: Date, createdAt: Date, graceMs: number): Date {
  const t = new Date(time).getTime();
  const created = new Date(createdAt).getTime();
  return new Date(t > created ? t : created + graceMs);
}

/** The jobs that wake these pending deadlines: due, and reminder when one is still to be sent. */
export function wakeUpsOf(rows: DeadlineState[], graceMs: number, until: Date | null = null): WakeUp[] {
  const within = (t: Date) => until === null || new Date(t).getTime() <= until.getTime();
  return rows.flatMap((d) => {
    if (d.status !== 'pending') return [];
    const out: WakeUp[] = [];
    if (within(d.dueAt)) out.push({ name: DeadlineJobName.Due, deadlineId: d.id, at: fireTime(d.dueAt, d.createdAt, graceMs) });
    if (d.remindAt && !d.remindedAt && within(d.remindAt)) {
      out.push({ name: DeadlineJobName.Remind, deadlineId: d.id, at: fireTime(d.remindAt, d.createdAt, graceMs) });
    }
    return out;
  });
}

export { withTimeout } from '../../../core/redis/with-timeout.js';
