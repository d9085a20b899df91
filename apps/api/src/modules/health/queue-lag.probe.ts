/** How far behind the job queues are; provided by the deadlines module. */
export interface QueueLagProbe {
  lag(): Promise<{ waiting: number; delayedDue: number; oldestDueMs: number | null } | null>;
}

export const QUEUE_LAG_PROBE = Symbol('QUEUE_LAG_PROBE');
