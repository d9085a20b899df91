import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { AppConfig } from '../../../core/config/app-config.js';

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

/** The producer side of the deadline queue: one BullMQ Queue under AppConfig.redisPrefix. */
@Injectable()
export class DeadlineQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineQueue.name);
  readonly queue: Queue<DeadlineJobData, unknown, DeadlineJobName>;

  constructor(config: AppConfig) {
    this.queue = new Queue<DeadlineJobData, unknown, DeadlineJobName>(QueueName.Deadlines, {
      connection: { url: config.redisUrl },
      prefix: config.redisPrefix,
      defaultJobOptions: JOB_OPTIONS,
    });
    this.queue.on('error', (err) => this.logger.warn(`deadline queue: ${err.message}`));
  }

  /** Adds the jobs (one Redis round trip per chunk); ids already present are left as they are. */
  async wake(wakeUps: WakeUp[], now = Date.now()): Promise<void> {
    for (let i = 0; i < wakeUps.length; i += 1000) {
      await this.queue.addBulk(
        wakeUps.slice(i, i + 1000).map((w) => ({
          name: w.name,
          data: { deadlineId: w.deadlineId },
          opts: { jobId: jobIdFor(w.name, w.deadlineId), delay: Math.max(0, w.at.getTime() - now) },
        })),
      );
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
