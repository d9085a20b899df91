import { Injectable, Logger } from '@nestjs/common';
import type { DeadlineScheduler } from '../deadline-scheduler.js';
import { TimersConfig } from '../timers.config.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlineTimersRepository } from './deadline-timers.repository.js';
import { wakeUpsOf, withTimeout } from './wake-ups.js';

/**
 * DEADLINE_SCHEDULER on BullMQ: after the transaction that created deadline rows has committed,
 * adds a delayed job at each due time and at each reminder time. It never fails its caller:
 * when Redis is slow or down the reconciler enqueues the same jobs later from the database.
 */
@Injectable()
export class BullDeadlineScheduler implements DeadlineScheduler {
  private readonly logger = new Logger('DeadlineScheduler');

  constructor(
    private readonly queue: DeadlineQueue,
    private readonly timers: DeadlineTimersRepository,
    private readonly config: TimersConfig,
  ) {}

  async scheduleDeadlines(deadlineIds: string[]): Promise<void> {
    if (deadlineIds.length === 0) return;
    // While Redis is away a write does not wait for it at all: the reconciler enqueues (and, when
    // due, settles from SQL) these deadlines on its next pass.
    if (!this.queue.available) {
      this.logger.warn(`deadline jobs not enqueued, Redis unavailable (the reconciler will): ${deadlineIds.length} deadline(s)`);
      return;
    }
    try {
      await withTimeout(
        (async () => {
          const rows = await this.timers.deadlineStates(deadlineIds);
          await this.queue.wake(wakeUpsOf(rows, this.config.graceMs), Date.now(), 1000);
        })(),
        1500,
        'enqueueing deadline jobs',
      );
    } catch (err) {
      this.logger.warn(`deadline jobs not enqueued (the reconciler will): ${(err as Error).message}`);
    }
  }
}
