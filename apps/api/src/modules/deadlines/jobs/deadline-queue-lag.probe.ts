import { Injectable } from '@nestjs/common';
import type { QueueLagProbe } from '../../health/queue-lag.probe.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlineTimersRepository } from './deadline-timers.repository.js';
import { withTimeout } from './wake-ups.js';

/**
 * For GET /health: jobs waiting for a worker, delayed jobs whose time has come but that no worker
 * has taken yet, and the age of the oldest pending deadline already past due (the real lag of the
 * timers, whatever Redis holds). null when it cannot be measured within 1.5 s.
 */
@Injectable()
export class DeadlineQueueLagProbe implements QueueLagProbe {
  constructor(
    private readonly queue: DeadlineQueue,
    private readonly timers: DeadlineTimersRepository,
  ) {}

  async lag() {
    try {
      const [counts, oldestDueMs] = await withTimeout(Promise.all([this.queue.counts(), this.timers.oldestDueAgeMs()]), 1500, 'queue lag');
      return { ...counts, oldestDueMs };
    } catch {
      return null;
    }
  }
}
