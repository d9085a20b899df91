import { Injectable } from '@nestjs/common';
import { asCase, asLedger } from '@ecoloop/auth';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { LedgerProgressDto } from './dto/ledger.dto.js';
import type { CreateQuarterlyReportDto, TaskActionDto, TaskRowDto, TaskTableDto } from './dto/ledger-task.dto.js';
import { itemStatus, quarterOf } from './ledger-progress.js';
import { reportedProgress, reportingUnit } from './ledger-reporting.js';
import { caseSubject, toItemDto, type ItemView, type Refs } from './ledger-views.js';
import { ALL_CASES, LedgersRepository, type ItemCaseRow } from './ledgers.repository.js';
import { LedgersService, type LedgerClock } from './ledgers.service.js';

/** The quarter a calendar date (YYYY-MM-DD, Asia/Shanghai) falls in. */
export function quarterOfDate(date: string): string {
  return quarterOf(new Date(`${date}T00:00:00+08:00`));
}

/** Every quarter from `from` to `to` (both YYYY-Qn), in order. */
export function quartersBetween(from: string, to: string): string[] {
  const index = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/**
 * 811-style task tables (DESIGN §15): 专项行动 (led by one unit) → 主要任务 (units, the first leads),
 * and the quarterly reports (季度报告) the task units send to the action's lead office. A report is a
 * 序时进展 of the quarter (so it also counts for 序时), one per task, unit and quarter.
 */
@Injectable()
export class LedgerTasksService {
  constructor(
    private readonly ledgers: LedgersService,
    private readonly repo: LedgersRepository,
  ) {}

  /** The table as the caller may see it, with which tasks have not reported for `quarter` (default: now). */
  async table(user: RequestUser, id: string, quarter: string | undefined, now = new Date()): Promise<TaskTableDto> {
    const ledger = await this.ledgers.visibleLedger(user, id);
    if (ledger.kind !== 'task_plan') throw AppError.unprocessable('not_a_task_table', '该台账不是任务清单');
    const currentQuarter = quarterOf(now);
    const first = quarterOfDate(ledger.issuedDate);
    const asked = quarter ?? currentQuarter;
    this.checkQuarter(asked, first, currentQuarter);
    const [views, actions, refs] = await Promise.all([this.ledgers.readableViews(user, ledger, now), this.repo.actions(ledger.id), this.refs()]);
    const whole = user.ability.can('read', asLedger(ledger));
    const tasksByAction = new Map<string, TaskRowDto[]>();
    const ungrouped: TaskRowDto[] = [];
    for (const v of views) {
      if (v.item.kind !== 'task') continue;
      const row = this.taskRow(user, v, refs, asked, now);
      if (!v.item.parentId) {
        ungrouped.push(row);
        continue;
      }
      const list = tasksByAction.get(v.item.parentId) ?? [];
      list.push(row);
      tasksByAction.set(v.item.parentId, list);
    }
    // An action shows with the tasks the caller may see; one without tasks yet only to whoever sees the whole ledger.
    const actionDtos: TaskActionDto[] = actions
      .filter((a) => tasksByAction.has(a.id) || (whole && a.taskCount === 0))
      .map((a) => {
        const tasks = tasksByAction.get(a.id) ?? [];
        return { id: a.id, seq: a.seq, title: a.title, leadUnit: { id: a.leadUnitId, name: a.leadUnitName }, tasks, missing: tasks.filter((t) => t.reportDue && !t.reported).length };
      });
    return {
      ledgerId: ledger.id,
      quarter: asked,
      currentQuarter,
      quarters: quartersBetween(first, currentQuarter),
      actions: actionDtos,
      ungrouped,
      tasks: actionDtos.reduce((n, a) => n + a.tasks.length, 0) + ungrouped.length,
      missing: actionDtos.reduce((n, a) => n + a.missing, 0) + ungrouped.filter((t) => t.reportDue && !t.reported).length,
    };
  }

  /** POST /ledgers/:id/items/:itemId/quarterly-reports: a unit of the task reports on a quarter. */
  async report(user: RequestUser, id: string, itemId: string, dto: CreateQuarterlyReportDto, clock: LedgerClock = {}): Promise<LedgerProgressDto> {
    const at = clock.at ?? new Date();
    const ledger = await this.ledgers.visibleLedger(user, id);
    const item = await this.repo.item(id, itemId);
    if (!item) throw AppError.notFound('台账事项');
    if (ledger.kind !== 'task_plan' || item.kind !== 'task') {
      throw AppError.unprocessable('not_a_task', '只有任务清单中的任务可以报送季度报告');
    }
    const cases = await this.repo.cases(id, ALL_CASES, itemId);
    const mine = this.mine(user, cases);
    const unit = reportingUnit(user, cases, mine, { notAUnit: '只有该任务的责任单位可以报送季度报告', signedOff: '该任务已销号，不能再报送季度报告' });
    this.checkQuarter(dto.quarter, quarterOfDate(ledger.issuedDate), quarterOf(at));
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    if (attachmentIds.length && (await this.repo.countAttachments(attachmentIds)) !== attachmentIds.length) {
      throw AppError.unprocessable('unknown_attachment', '附件中有不存在的文件', [{ field: 'attachmentIds', message: '附件不存在' }]);
    }
    const percent = dto.percent ?? null;
    const actorRole = user.roles.includes('handler' as never) ? 'handler' : user.roles[0];
    const progressId = await this.repo.insertQuarterly(
      { ledgerId: id, itemId, quarter: dto.quarter, note: dto.note, percent, attachmentIds, ...unit, authorId: user.id, authorName: user.displayName, at },
      {
        kind: 'quarterly_report',
        regionCode: null,
        actorId: user.id,
        actorName: user.displayName,
        actorRole,
        comment: dto.note,
        payload: { itemId, seq: item.seq, actionId: item.parentId, quarter: dto.quarter, unitId: unit.unitId, percent, attachmentIds },
        at,
      },
    );
    return reportedProgress(user, { id: progressId, itemId, period: dto.quarter, note: dto.note, percent, at, quarterly: true, attachmentIds }, unit);
  }

  private taskRow(user: RequestUser, v: ItemView, refs: Refs, quarter: string, now: Date): TaskRowDto {
    const dto = toItemDto(v, refs, now);
    const reports = dto.progress.filter((p) => p.quarterly);
    const inQuarter = reports.filter((p) => p.period === quarter);
    const leads = dto.leadUnits;
    const missingUnits = leads.filter((u) => !inQuarter.some((r) => r.unitId === u.id));
    const signedOff = itemStatus(v.statuses) === 'signed_off';
    const reportDue = !signedOff;
    const mine = this.mine(user, v.cases);
    return {
      id: dto.id,
      seq: dto.seq,
      title: dto.title,
      target: dto.target,
      leadUnits: leads,
      coUnits: dto.coUnits,
      dueDate: dto.dueDate,
      status: dto.status,
      signedOff,
      lagLevel: dto.lagLevel,
      reports,
      reportDue,
      reported: missingUnits.length === 0,
      missingUnits,
      canReport: reportDue && !!user.unitId && mine.length > 0 && !inQuarter.some((r) => r.unitId === user.unitId),
    };
  }

  /** The cases of a task the caller's unit may report progress on. */
  private mine(user: RequestUser, cases: ItemCaseRow[]): ItemCaseRow[] {
    return cases.filter((c) => c.state !== 'closed' && user.ability.can('report_progress', asCase(caseSubject(c))));
  }

  private checkQuarter(quarter: string, first: string, current: string): void {
    if (quarter > current) throw AppError.unprocessable('invalid_quarter', `${quarter} 尚未开始（当前为 ${current}）`, [{ field: 'quarter', message: '不能晚于当前季度' }]);
    if (quarter < first) throw AppError.unprocessable('invalid_quarter', `${quarter} 早于台账下达的季度（${first}）`, [{ field: 'quarter', message: '不能早于台账下达的季度' }]);
  }

  private async refs(): Promise<Refs> {
    const [regions, units] = await Promise.all([this.repo.regionRefs(), this.repo.unitRefs()]);
    return { regions: new Map(regions.map((r) => [r.code, r])), units: new Map(units.map((u) => [u.id, u])) };
  }
}
