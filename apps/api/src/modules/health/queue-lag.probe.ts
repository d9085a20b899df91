/** How far behind the job queues are; provided by the deadlines module once it runs jobs. */
export interface QueueLagProbe {
  lag(): Promise<{ waiting: number; delayedDue: number; oldestDueMs: number | null } | null>;
}

export const QUEUE_LAG_PROBE = Symbol('QUEUE_LAG_PROBE');

export const noQueueLag: QueueLagProbe = { lag: async () => null };
