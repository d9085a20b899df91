import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config.js';
import { TimersConfig } from '../timers.config.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlineTimersRepository, type TimerSelector } from './deadline-timers.repository.js';
import { DeadlineTimersService, type TimerRunResult } from './deadline-timers.service.js';
import { wakeUpsOf } from './wake-ups.js';

/** One reconciler pass at a time across all replicas (a session advisory lock). */
const LOCK_KEY = 'ecoloop:deadline-reconciler';

export interface ReconcileReport {
  /** Deadlines marked overdue straight from the database. */
  overdue: number;
  /** Reminders sent straight from the database. */
  reminded: number;
  /** Wake-up jobs (re-)added for deadlines and reminders coming within the horizon. */
  enqueued: number;
  ms: number;
}

/**
 * No timer is lost (DESIGN §7): at start and every RECONCILE_INTERVAL_MS the database — the source
 * of truth — is read again. Deadlines and reminders whose time has passed are processed at once,
 * in batches of cases locked with SKIP LOCKED (same per-case transaction semantics as a job, a
 * batch per transaction); those coming within the horizon get their wake-up job again (adding an
 * existing job id is a no-op). So after a Redis flush, or with every process down across a due
 * time, each deadline still fires, once.
 */
@Injectable()
export class DeadlineReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineReconciler.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly appConfig: AppConfig,
    private readonly config: TimersConfig,
    private readonly timers: DeadlineTimersService,
    private readonly rows: DeadlineTimersRepository,
    private readonly queue: DeadlineQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (this.appConfig.role === 'api') return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.reconcileIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  private tick(): void {
    if (this.current || this.stopping) return;
    this.current = this.runOnce()
      .then((r) => {
        if (r && (r.overdue || r.reminded)) this.logger.log(`reconciled: ${r.overdue} overdue, ${r.reminded} reminded, ${r.enqueued} wake-ups in ${r.ms} ms`);
      })
      .catch((err: Error) => this.logger.error(`deadline reconciler: ${err.message}`))
      .finally(() => (this.current = null));
  }

  /**
   * One pass. Returns null when another process holds the pass (unless `waitForLock`). With
   * `lockHeld` the caller already holds the advisory lock (tests keeping other passes away).
   */
  async runOnce(opts: { waitForLock?: boolean; lockHeld?: boolean } = {}): Promise<ReconcileReport | null> {
    if (opts.lockHeld) return this.pass();
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(
        opts.waitForLock ? `SELECT pg_advisory_lock(hashtext($1)) IS NOT NULL AS locked` : `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
        [LOCK_KEY],
      );
      if (!locked) return null;
      try {
        return await this.pass();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /** The key of the advisory lock, for callers that hold it themselves. */
  static readonly lockKey = LOCK_KEY;

  private async pass(): Promise<ReconcileReport> {
    const started = Date.now();
    // Overdue first: a deadline that is both past its reminder and past due only goes overdue.
    // The supervision orders it raises are woken up after the batches, not between them.
    const orders: string[] = [];
    const overdue = await this.drain(
      async (sel) => {
        const r = await this.timers.processOverdue(sel, { wakeNewDeadlines: false });
        orders.push(...r.newDeadlineIds);
        return r;
      },
      (limit) => this.rows.firingDeadlineIds(limit, this.config.graceMs),
    );
    const reminded = await this.drain(
      (sel) => this.timers.processReminders(sel),
      (limit) => this.rows.firingReminderIds(limit, this.config.graceMs),
    );
    // Wake-ups are an optimisation over the database: while Redis is away (or slow) they are skipped
    // with a warning, never awaited without bound, so that the next pass still runs and settles
    // what falls due from SQL.
    let enqueued = 0;
    try {
      for (let i = 0; i < orders.length && !this.stopping; i += 5000) {
        const wakeUps = wakeUpsOf(await this.rows.deadlineStates(orders.slice(i, i + 5000)), this.config.graceMs);
        await this.queue.wake(wakeUps);
        enqueued += wakeUps.length;
      }
      if (!this.stopping && this.queue.available) {
        const horizon = this.config.reconcileHorizonMs;
        const until = horizon > 0 ? new Date(Date.now() + horizon) : null;
        const wakeUps = wakeUpsOf(await this.rows.upcoming(until, this.config.graceMs), this.config.graceMs, until);
        await this.queue.wake(wakeUps);
        enqueued += wakeUps.length;
      }
    } catch (err) {
      this.logger.warn(`wake-ups not enqueued, deadlines are settled from the database meanwhile: ${(err as Error).message}`);
    }
    return { overdue, reminded, enqueued, ms: Date.now() - started };
  }

  /**
   * Runs batches side by side until none finds a case left to lock. A batch that fails (one bad
   * case rolls back its whole transaction) is redone one deadline at a time, so the others go on.
   */
  private async drain(run: (sel: TimerSelector) => Promise<TimerRunResult>, firing: (limit: number) => Promise<string[]>): Promise<number> {
    let total = 0;
    const loop = async () => {
      while (!this.stopping) {
        let r: TimerRunResult;
        try {
          r = await run({ batchSize: this.config.batchSize });
        } catch (err) {
          this.logger.error(`deadline batch failed, retrying one by one: ${(err as Error).message}`);
          let done = 0;
          for (const id of await firing(this.config.batchSize)) {
            if (this.stopping) break;
            try {
              done += (await run({ deadlineIds: [id] })).processed;
            } catch (e) {
              this.logger.error(`deadline ${id}: ${(e as Error).message}`);
            }
          }
          total += done;
          if (done === 0) return;
          continue;
        }
        total += r.processed;
        if (r.cases === 0) return;
      }
    };
    await Promise.all(Array.from({ length: this.config.batchConcurrency }, loop));
    return total;
  }
}
