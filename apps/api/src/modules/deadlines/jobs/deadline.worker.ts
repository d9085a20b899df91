import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Worker, type Job } from 'bullmq';
import { AppConfig } from '../../../core/config/app-config.js';
import { TimersConfig } from '../timers.config.js';
import { DeadlineJobName, QueueName, type DeadlineJobData } from './deadline-queue.js';
import { DeadlineTimersRepository } from './deadline-timers.repository.js';
import { DeadlineTimersService } from './deadline-timers.service.js';
import { fireTime } from './wake-ups.js';
import { logRedisEvents } from '../../../core/redis/redis-events.js';
import { isUuid } from '../../../core/http/uuid.js';

/** The subset of a BullMQ job the handler uses (so tests can hand it a stand-in). */
export type DeadlineJob = Pick<Job<DeadlineJobData, unknown, DeadlineJobName>, 'name' | 'data' | 'moveToDelayed'>;

/**
 * Runs the deadline jobs in this process (roles `all` and `worker`; `api` runs none). A job only
 * wakes things up: it re-reads the database and acts through DeadlineTimersService. A job that
 * wakes too early — the due time moved later by an extension — goes back to sleep until then.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineWorker.name);
  private worker: Worker<DeadlineJobData, void, DeadlineJobName> | null = null;

  constructor(
    private readonly appConfig: AppConfig,
    private readonly config: TimersConfig,
    private readonly timers: DeadlineTimersService,
    private readonly rows: DeadlineTimersRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.appConfig.role === 'api') return;
    this.worker = new Worker<DeadlineJobData, void, DeadlineJobName>(QueueName.Deadlines, (job, token) => this.handle(job, token), {
      connection: { url: this.appConfig.redisUrl },
      prefix: this.appConfig.redisPrefix,
      concurrency: this.config.workerConcurrency,
    });
    logRedisEvents(this.worker, 'deadline-worker', this.logger);
    this.worker.on('failed', (job, err) => this.logger.warn(`deadline job ${job?.id ?? '?'} failed: ${err.message}`));
  }

  async handle(job: DeadlineJob, token?: string): Promise<void> {
    const { deadlineId } = job.data ?? {};
    if (!isUuid(deadlineId)) return;
    const due = job.name === DeadlineJobName.Due;
    if (!due && job.name !== DeadlineJobName.Remind) return;
    const done = due ? await this.timers.processOverdue({ deadlineIds: [deadlineId] }) : await this.timers.processReminders({ deadlineIds: [deadlineId] });
    if (done.processed > 0) return;

    // Nothing to do now: settled (done), or not yet due (sleep again until it is).
    const d = await this.rows.deadlineState(deadlineId);
    if (!d || d.status !== 'pending') return;
    const time = due ? d.dueAt : d.remindedAt ? null : d.remindAt;
    if (!time) return;
    const at = fireTime(time, d.createdAt, this.config.graceMs).getTime();
    // Later, or just now (the database's clock may lag this one a little): sleep until then.
    // Long past yet still pending (clocks far apart) is left to the reconciler.
    if (at > Date.now() - 2000) {
      await job.moveToDelayed(Math.max(at, Date.now()) + 250, token);
      throw new DelayedError();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.close().catch((err: Error) => this.logger.warn(`closing the deadline worker: ${err.message}`));
  }
}
