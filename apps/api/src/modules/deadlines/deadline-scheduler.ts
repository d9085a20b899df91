/**
 * Wakes the timers of new deadline rows after their transaction commits. The database is the
 * source of truth: a lost wake-up is recovered by the reconciler (DESIGN §7).
 */
export interface DeadlineScheduler {
  scheduleDeadlines(deadlineIds: string[]): Promise<void>;
}

export const DEADLINE_SCHEDULER = Symbol('DEADLINE_SCHEDULER');
