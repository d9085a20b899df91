import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { decideAutoSupervise, openStateSql } from '@ecoloop/workflow';
import { CasesRepository } from '../cases/cases.repository.js';
import { CaseChange } from '../cases/writer/case-change.js';
import { CaseWriter } from '../cases/writer/case-writer.js';
import { DeadlinePlanner } from '../deadlines/deadline-planner.service.js';
import { SYSTEM_ACTOR, shanghaiTime } from '../deadlines/jobs/timer-messages.js';
import type { AudienceNotification } from '../notifications/notifications.repository.js';
import { monthStart } from '../../core/months.js';

/** What issuing a warning set off (stored on the warning, shown with it). */
export interface WarningConsequence {
  kind: 'city_supervision' | 'assistance';
  /** zh-CN, for people. */
  note: string;
  /** city_supervision: the cases put under the city's order. */
  caseIds: string[];
  dueAt: string | null;
}

const LEVEL_NAME: Record<string, string> = { red: '红色', orange: '橙色' };

/**
 * The consequences of a red warning, or orange two months running (DESIGN §12): a city 督办 order
 * (the machine's `auto_supervise` at city level, written by CaseWriter) on the county's open cases
 * of the month and those overdue that the city does not already supervise, and a 定点帮扶 task for
 * the city. Runs inside the issuing transaction; the cases are locked first.
 */
@Injectable()
export class WarningConsequences {
  constructor(
    private readonly cases: CasesRepository,
    private readonly writer: CaseWriter,
    private readonly planner: DeadlinePlanner,
  ) {}

  async apply(
    m: EntityManager,
    county: { code: string; name: string; path: string },
    cityCode: string | null,
    month: string,
    level: string,
    at: Date,
  ): Promise<{ consequences: WarningConsequence[]; audiences: AudienceNotification[] }> {
    const reason = `${county.name}${month}风险预警为${LEVEL_NAME[level] ?? level}${level === 'orange' ? '（连续两个月橙色及以上）' : ''}`;
    const locked: { id: string }[] = await m.query(
      `SELECT c.id FROM "case" c
        WHERE (c.region_path = $1 OR c.region_path LIKE $1 || '.%')
          AND ${openStateSql('c.state')}
          AND (c.supervision_level IS NULL OR c.supervision_level = 'county')
          AND (c.overdue OR (c.created_at >= $2::timestamptz AND c.created_at < ($2::timestamptz + interval '1 month')))
        ORDER BY c.id
          FOR UPDATE OF c`,
      [county.path, monthStart(month)],
    );
    const changes: CaseChange[] = [];
    const audiences: AudienceNotification[] = [];
    let dueAt: Date | null = null;
    for (const head of await this.cases.findHeads(m, locked.map((r) => r.id))) {
      const c = head.row;
      const plan = await this.planner.plan('supervision', { source: c.source, category: c.category, severity: c.severity }, at);
      const decided = decideAutoSupervise(head.snapshot, { level: 'city', dueAt: plan.dueAt, now: at });
      if (!decided) continue;
      dueAt = plan.dueAt;
      const id = randomUUID();
      const change = CaseChange.of(head);
      change.record(decided.next, decided.effects, [{ ...plan, id }], {
        ...SYSTEM_ACTOR,
        action: 'auto_supervise',
        fromState: c.state,
        toState: decided.next.state,
        comment: `${reason}，市级督办，限 ${shanghaiTime(plan.dueAt)} 前办结`,
        payload: { supervisionDeadlineId: id, level: 'city', dueAt: plan.dueAt.toISOString(), riskWarning: { regionCode: county.code, month, level } },
        attachmentIds: [],
        at,
      });
      changes.push(change);
      audiences.push({
        dedupePrefix: `risk-warning:${county.code}:${month}:case:${c.id}`,
        caseId: c.id,
        kind: 'auto_supervise',
        title: `【督办】${c.code} 市级督办`,
        body: `${c.title}：${reason}，已列入市级督办，限 ${shanghaiTime(plan.dueAt)} 前办结。`,
        handlersOfUnitId: c.leadUnitId,
        staffRegionCodes: [county.code],
        staffRoles: ['dispatcher', 'supervisor'],
      });
    }
    const { stale } = await this.writer.write(changes, m);
    if (stale.length) throw new Error(`risk warnings: cases changed while locked: ${stale.join(', ')}`);
    const caseIds = changes.map((c) => c.id);
    const consequences: WarningConsequence[] = [
      { kind: 'city_supervision', note: `${reason}，市级督办问题${caseIds.length}件`, caseIds, dueAt: dueAt?.toISOString() ?? null },
      { kind: 'assistance', note: `${reason}，列入市级定点帮扶，由市生态环境局派员驻点指导整改`, caseIds: [], dueAt: null },
    ];
    audiences.push({
      dedupePrefix: `risk-warning:${county.code}:${month}:assistance`,
      caseId: null,
      kind: 'assistance_task',
      title: `【定点帮扶】${county.name} ${month}`,
      body: `${consequences[1].note}；市级督办问题${caseIds.length}件。`,
      handlersOfUnitId: null,
      staffRegionCodes: [county.code, ...(cityCode ? [cityCode] : [])],
      staffRoles: ['leader', 'dispatcher', 'supervisor'],
    });
    return { consequences, audiences };
  }
}
