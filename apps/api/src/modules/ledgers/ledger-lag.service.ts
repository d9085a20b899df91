import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ADMIN_LEVELS, decideAutoSupervise, isHigherLevel, levelAbove, type AdminLevel } from '@ecoloop/workflow';
import { AppConfig } from '../../core/config/app-config.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CaseChange } from '../cases/writer/case-change.js';
import { CaseWriter } from '../cases/writer/case-writer.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadlines/deadline-scheduler.js';
import { DeadlinePlanner } from '../deadlines/deadline-planner.service.js';
import { TimersConfig } from '../deadlines/timers.config.js';
import { LedgerItemsRepository, type LagRow } from './ledger-items.repository.js';
import { rowLag, shanghaiToday, type Lag } from './ledger-lag.js';
import { LedgersRepository } from './ledgers.repository.js';

const SYSTEM = { actorId: null, actorName: '系统', actorRole: 'system', actorUnitId: null } as const;
const LEVEL_LABEL: Record<string, string> = { province: '省级', city: '市级', county: '县级', town: '镇级' };
/** How often a worker process looks for rows that fell behind their 序时 (they change by the day). */
const EVERY_MS = 3_600_000;

export interface LagSweepResult {
  rows: number;
  yellow: number;
  red: number;
  cleared: number;
  supervisedCases: number;
}

/**
 * 序时滞后 (DESIGN §15). A row whose 序时节点 passed without its planned progress turns yellow and
 * gets a 督办: the machine's automatic supervision on each of its open cases, at the level that
 * handed the ledger down (or one above the case's owner when that is not higher). After the grace
 * (LEDGER_LAG_GRACE_DAYS) it turns red. The row's lag, the ledger event and the case changes are
 * one transaction. Worker processes sweep every hour; tests call sweep() with their clock.
 */
@Injectable()
export class LedgerLagService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerLagService.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly appConfig: AppConfig,
    private readonly config: TimersConfig,
    private readonly cases: CasesRepository,
    private readonly items: LedgerItemsRepository,
    private readonly ledgers: LedgersRepository,
    private readonly writer: CaseWriter,
    private readonly planner: DeadlinePlanner,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
  ) {}

  onApplicationBootstrap(): void {
    if (this.appConfig.role === 'api') return;
    const run = () => {
      if (this.current) return;
      this.current = this.sweep()
        .then((r) => r.yellow + r.red + r.cleared > 0 && this.logger.log(`序时: ${r.yellow} yellow, ${r.red} red, ${r.cleared} cleared, ${r.supervisedCases} cases supervised`))
        .catch((err: Error) => this.logger.error(`ledger lag sweep: ${err.message}`))
        .finally(() => (this.current = null));
    };
    this.timer = setInterval(run, EVERY_MS);
    this.timer.unref();
    run();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  /** Re-reads every open row with passed milestones (or a lag) and writes what changed. */
  async sweep(now = new Date(), ledgerId?: string): Promise<LagSweepResult> {
    const result: LagSweepResult = { rows: 0, yellow: 0, red: 0, cleared: 0, supervisedCases: 0 };
    const today = shanghaiToday(now);
    const newDeadlines: string[] = [];
    await this.db.transaction(async (m) => {
      const rows = await this.items.lagCandidates(m, today, ledgerId);
      result.rows = rows.length;
      const changes: CaseChange[] = [];
      for (const row of rows) {
        const lag = rowLag({ milestones: row.milestones, percents: row.percents, reports: row.reports, today, graceDays: this.config.ledgerLagGraceDays, signedOff: row.openCaseIds.length === 0, submitted: row.submitted });
        if (!lag) {
          if (row.lagLevel) {
            result.cleared++;
            await this.setLag(m, row, null, now);
          }
          continue;
        }
        if (lag.level === row.lagLevel && lag.milestone === row.lagMilestone) continue;
        result[lag.level]++;
        const fresh = lag.milestone !== row.lagMilestone; // a newly missed milestone opens a 督办
        if (fresh) {
          const supervised = await this.supervise(m, row, lag, now);
          changes.push(...supervised.changes);
          newDeadlines.push(...supervised.deadlineIds);
          result.supervisedCases += supervised.changes.length;
        }
        await this.setLag(m, row, lag, now);
      }
      const { stale } = await this.writer.write(changes, m);
      if (stale.length) throw new Error(`ledger lag: cases changed while locked: ${stale.join(', ')}`);
    });
    if (newDeadlines.length) void this.scheduler.scheduleDeadlines(newDeadlines).catch(() => undefined);
    return result;
  }

  private async supervise(m: EntityManager, row: LagRow, lag: Lag, at: Date): Promise<{ changes: CaseChange[]; deadlineIds: string[] }> {
    const changes: CaseChange[] = [];
    const deadlineIds: string[] = [];
    await this.cases.lock(m, row.openCaseIds);
    for (const head of await this.cases.findHeads(m, row.openCaseIds)) {
      const c = head.row;
      const candidate = isHigherLevel(row.ledgerLevel, c.ownerLevel) ? row.ledgerLevel : levelAbove(c.ownerLevel);
      if (!candidate || !isAdminLevel(candidate)) continue;
      const level: AdminLevel = candidate;
      const plan = await this.planner.plan('supervision', { source: c.source, category: c.category, severity: c.severity }, at);
      const change = CaseChange.of(head);
      const decided = decideAutoSupervise(change.snapshot, { level, dueAt: plan.dueAt, now: at });
      if (!decided) continue;
      const id = randomUUID();
      change.record(decided.next, decided.effects, [{ ...plan, id }], {
        ...SYSTEM,
        action: 'auto_supervise',
        fromState: c.state,
        toState: decided.next.state,
        comment: `${row.ledgerTitle} 第 ${row.seq} 项序时滞后：序时节点 ${lag.milestone} 应完成 ${lag.planned}%，实际 ${lag.actual}%，${LEVEL_LABEL[level] ?? ''}督办`,
        payload: { ledgerId: row.ledgerId, ledgerItemId: row.id, milestone: lag.milestone, planned: lag.planned, actual: lag.actual, supervisionDeadlineId: id, level, dueAt: plan.dueAt.toISOString() },
        attachmentIds: [],
        at,
      });
      changes.push(change);
      deadlineIds.push(id);
    }
    return { changes, deadlineIds };
  }

  private async setLag(m: EntityManager, row: LagRow, lag: Lag | null, at: Date): Promise<void> {
    await this.items.setLag(m, row.id, lag, at);
    await this.ledgers.insertEvent(m, row.ledgerId, {
      kind: lag ? 'lag' : 'lag_cleared',
      regionCode: null,
      actorId: SYSTEM.actorId,
      actorName: SYSTEM.actorName,
      actorRole: SYSTEM.actorRole,
      comment: lag ? `第 ${row.seq} 项「${row.title}」序时滞后（${lag.level === 'red' ? '红色' : '黄色'}）` : `第 ${row.seq} 项「${row.title}」已赶上序时进度`,
      payload: { itemId: row.id, seq: row.seq, ...(lag ?? {}) },
      at,
    });
  }
}

function isAdminLevel(level: string): level is AdminLevel {
  return (ADMIN_LEVELS as readonly string[]).includes(level);
}
