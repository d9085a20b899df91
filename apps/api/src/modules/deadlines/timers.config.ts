import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from '../../core/config/app-config.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * How the deadline timers run (DESIGN §7). Read from the environment once, validated, frozen;
 * a bad value stops the process like AppConfig does. The queue's Redis key prefix is
 * AppConfig.redisPrefix; whether this process runs the workers is AppConfig.role.
 */
export class TimersConfig {
  /** RECONCILE_INTERVAL_MS: how often the reconciler re-reads the deadlines from the database. */
  @Transform(toInt) @IsInt() @Min(1000) reconcileIntervalMs = 60_000;

  /**
   * RECONCILE_HORIZON_MS: the reconciler re-enqueues the wake-ups of deadlines (and reminders)
   * falling due within this window; later ones are re-enqueued once they come within it.
   * 0 = every pending deadline on every pass.
   */
  @Transform(toInt) @IsInt() @Min(0) reconcileHorizonMs = 3_600_000;

  /** TIMER_BATCH_SIZE: cases locked and processed per transaction by the reconciler. */
  @Transform(toInt) @IsInt() @Min(1) @Max(5000) batchSize = 500;

  /** TIMER_BATCH_CONCURRENCY: batch transactions the reconciler runs side by side. */
  @Transform(toInt) @IsInt() @Min(1) @Max(16) batchConcurrency = 2;

  /** TIMER_WORKER_CONCURRENCY: BullMQ jobs one worker process runs at the same time. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100) workerConcurrency = 5;

  /**
   * TIMER_GRACE_MS: a deadline (or reminder) whose time is not after its creation — back-dated data
   * from an import or the demo seed — is acted on this long after its creation, so that the run of
   * actions creating it can finish first. Deadlines created ahead of their time are unaffected.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(600_000) graceMs = 10_000;

  /** LEDGER_LAG_GRACE_DAYS: days a ledger row may stay behind a missed 序时节点 (yellow) before it turns red. */
  @Transform(toInt) @IsInt() @Min(0) @Max(365) ledgerLagGraceDays = 7;

  /** LEDGER_NOTICE_DAYS: days an inspection row's sign-off is publicly noticed (公示) before the higher-level review. */
  @Transform(toInt) @IsInt() @Min(1) @Max(60) ledgerNoticeDays = 5;
}

export function loadTimersConfig(env: NodeJS.ProcessEnv): TimersConfig {
  const raw: Record<string, unknown> = {
    reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
    reconcileHorizonMs: env.RECONCILE_HORIZON_MS,
    batchSize: env.TIMER_BATCH_SIZE,
    batchConcurrency: env.TIMER_BATCH_CONCURRENCY,
    workerConcurrency: env.TIMER_WORKER_CONCURRENCY,
    graceMs: env.TIMER_GRACE_MS,
    ledgerLagGraceDays: env.LEDGER_LAG_GRACE_DAYS,
    ledgerNoticeDays: env.LEDGER_NOTICE_DAYS,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined || raw[key] === '') delete raw[key];
  const config = plainToInstance(TimersConfig, raw);
  const problems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${envName(e.property)}: ${m}`));
  if (problems.length) throw new ConfigError(`Invalid configuration:\n - ${problems.join('\n - ')}`);
  return Object.freeze(config);
}

const ENV_NAMES: Record<string, string> = {
  reconcileIntervalMs: 'RECONCILE_INTERVAL_MS',
  reconcileHorizonMs: 'RECONCILE_HORIZON_MS',
  batchSize: 'TIMER_BATCH_SIZE',
  batchConcurrency: 'TIMER_BATCH_CONCURRENCY',
  workerConcurrency: 'TIMER_WORKER_CONCURRENCY',
  graceMs: 'TIMER_GRACE_MS',
};
const envName = (property: string) => ENV_NAMES[property] ?? property;
