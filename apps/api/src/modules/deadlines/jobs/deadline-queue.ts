import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../../../core/config/app-config.js';
import { REDIS } from '../../../core/redis/redis.tokens.js';
import { logRedisEvents } from '../../../core/redis/redis-events.js';
import { withTimeout } from '../../../core/redis/with-timeout.js';

/** Queues of this module (STYLE "Jobs": names are enums, payloads carry ids only). */
export enum QueueName {
  Deadlines = 'deadlines',
}

export enum DeadlineJobName {
  /** The deadline's due time: mark it overdue (and supervise, notify) if still pending. */
  Due = 'deadline.due',
  /** The deadline's reminder time: remind once if still pending. */
  Remind = 'deadline.remind',
}

export interface DeadlineJobData {
  deadlineId: string;
}

/** Deterministic job ids, so adding a wake-up twice is a no-op (BullMQ forbids ':' in custom ids). */
export const jobIdFor = (name: DeadlineJobName, deadlineId: string) => `${name === DeadlineJobName.Due ? 'due' : 'remind'}-${deadlineId}`;

export interface WakeUp {
  name: DeadlineJobName;
  deadlineId: string;
  /** When the job should run. */
  at: Date;
}

/**
 * Options of every deadline job. Finished jobs are removed at once (completed or failed), so that
 * the reconciler can add the same job id again; the database, not Redis, remembers what happened.
 */
const JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
};

/** How long one chunk of wake-ups may take to reach Redis before the caller goes on without it. */
export const WAKE_TIMEOUT_MS = 2000;

/** Redis is not reachable now: nothing was enqueued (the reconciler enqueues from the database later). */
export class QueueUnavailableError extends Error {
  constructor() {
    super('Redis is not connected; deadline jobs not enqueued');
  }
}

/** The producer side of the deadline queue: one BullMQ Queue under AppConfig.redisPrefix. */
@Injectable()
export class DeadlineQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineQueue.name);
  readonly queue: Queue<DeadlineJobData, unknown, DeadlineJobName>;

  constructor(
    config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    this.queue = new Queue<DeadlineJobData, unknown, DeadlineJobName>(QueueName.Deadlines, {
      connection: { url: config.redisUrl },
      prefix: config.redisPrefix,
      defaultJobOptions: JOB_OPTIONS,
    });
    logRedisEvents(this.queue, 'deadline-queue', this.logger);
  }

  /** Whether Redis answers now (the shared command connection's state; no round trip). */
  get available(): boolean {
    return this.redis.status === 'ready';
  }

  /**
   * Adds the jobs (one Redis round trip per chunk); ids already present are left as they are.
   * Never waits for Redis: throws QueueUnavailableError at once while it is disconnected, and a
   * timeout error when a chunk takes longer than `timeoutMs` (BullMQ would otherwise wait forever).
   */
  async wake(wakeUps: WakeUp[], now = Date.now(), timeoutMs = WAKE_TIMEOUT_MS): Promise<void> {
    if (wakeUps.length === 0) return;
    if (!this.available) throw new QueueUnavailableError();
    for (let i = 0; i < wakeUps.length; i += 1000) {
      await withTimeout(this.queue.addBulk(
        wakeUps.slice(i, i + 1000).map((w) => ({
          name: w.name,
          data: { deadlineId: w.deadlineId },
          opts: { jobId: jobIdFor(w.name, w.deadlineId), delay: Math.max(0, w.at.getTime() - now) },
        })),
      ), timeoutMs, 'enqueueing deadline jobs');
    }
  }

  /** For the health check: jobs waiting, delayed jobs already due. */
  async counts(now = Date.now()): Promise<{ waiting: number; delayedDue: number }> {
    const [waiting, delayedDue] = await Promise.all([this.queue.getWaitingCount(), this.queue.getDelayedCount(now)]);
    return { waiting, delayedDue };
  }

  // After every module's onModuleDestroy (the worker and reconciler stop there).
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close().catch((err: Error) => this.logger.warn(`closing the deadline queue: ${err.message}`));
  }
}
