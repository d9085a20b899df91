import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentSignoffLevel, type CaseAction, type CaseLevel, type CaseSnapshot, type Role } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { NotificationsRepository, type AudienceNotification } from '../notifications/notifications.repository.js';
import type { CaseRow } from './case-row.js';

/** Notification kinds of the work flow (besides the timers' overdue / auto_supervise / reminder). */
export const WORK_NOTIFICATION_KINDS = ['assigned', 'returned', 'rework', 'signoff', 'accepted', 'rejected', 'closed'] as const;
export type WorkNotificationKind = (typeof WORK_NOTIFICATION_KINDS)[number];

/** Who is told: the handlers of a unit, the staff of some roles at a level above the case, or one user. */
export type Recipient =
  | { handlersOf: string }
  | { roles: Role[]; level: CaseLevel }
  | { userId: string };

export interface PlannedNotification {
  kind: WorkNotificationKind;
  title: string;
  body: string;
  to: Recipient;
}

const LEVEL_LABEL: Record<CaseLevel, string> = { province: '省级', city: '市级', county: '县级', town: '镇（街道）' };

/**
 * Who must hear of a transition, and what: the next person at every step (the lead unit's handlers
 * on dispatch and rework, the dispatcher on a return, the supervisors of the sign-off level due) and
 * the reporter when the report is accepted, turned down or closed. Pure: decided from the case before
 * and after.
 */
export function planCaseNotifications(before: Pick<CaseRow, 'code' | 'title' | 'reporterId' | 'leadUnitId' | 'state'>, action: CaseAction, after: CaseSnapshot, actorName: string): PlannedNotification[] {
  const out: PlannedNotification[] = [];
  const name = `${before.code} ${before.title}`;
  const lead = after.leadUnitId;
  const add = (kind: WorkNotificationKind, title: string, body: string, to: Recipient | null | undefined) => {
    if (to) out.push({ kind, title, body, to });
  };
  switch (action) {
    case 'dispatch':
    case 'reassign':
    case 'review_fail':
      if (lead && after.state === 'assigned')
        add('assigned', `新交办：${name}`, `${actorName}将案件交办给你单位，请及时签收办理。`, { handlersOf: lead });
      break;
    case 'reject_completion':
      if (lead) add('rework', `整改被退回：${name}`, `${actorName}退回了办结申请，请按意见重新整改。`, { handlersOf: lead });
      break;
    case 'return':
      add('returned', `案件被退回：${name}`, `${actorName}退回了交办，请重新研判交办。`, { roles: ['dispatcher'], level: after.ownerLevel });
      break;
    case 'escalate':
      add('returned', `案件上报待交办：${name}`, `${actorName}将案件提级，请研判交办。`, { roles: ['dispatcher'], level: after.ownerLevel });
      break;
    default:
      break;
  }
  if (action === 'submit_completion' || action === 'approve') {
    const level = currentSignoffLevel(after);
    if (level)
      add('signoff', `待核查销号：${name}`, `${actorName}${action === 'approve' ? '已核查通过，' : '已提交办结，'}请${LEVEL_LABEL[level]}核查销号。`, {
        roles: ['supervisor'],
        level,
      });
  }
  if (before.reporterId) {
    if (action === 'accept')
      add('accepted', `您的上报已受理：${name}`, `${actorName}已受理您上报的问题，将尽快交办处理。`, { userId: before.reporterId });
    else if (after.state === 'rejected' && before.state !== 'rejected')
      add('rejected', `您的上报未予受理：${name}`, `${actorName}决定不予受理。`, { userId: before.reporterId });
    else if (after.state === 'merged' && before.state !== 'merged')
      add('closed', `您的上报已并案处理：${name}`, `该问题已并入同一问题的案件一并办理。`, { userId: before.reporterId });
    else if (after.state === 'closed' && before.state !== 'closed')
      add('closed', `您上报的问题已办结：${name}`, `问题已整改完毕并核查销号，感谢您的上报。`, { userId: before.reporterId });
  }
  return out;
}

/** Writes the work-flow notifications of a case action (after its transaction committed). */
@Injectable()
export class CaseNotifications {
  private readonly logger = new Logger(CaseNotifications.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsRepository,
  ) {}

  /**
   * Best effort: the action has already been recorded, so a failure here is logged, never thrown.
   * `seq` (the event's number) makes each notification unique, so a retried call writes nothing twice.
   */
  async afterAct(row: CaseRow, action: CaseAction, after: CaseSnapshot, seq: number, actor: RequestUser): Promise<void> {
    try {
      const planned = planCaseNotifications(row, action, after, actor.displayName);
      if (!planned.length) return;
      const byLevel = await this.regionsByLevel(row.regionPath);
      const items = planned.flatMap((p, i): AudienceNotification[] => {
        const base = { dedupePrefix: `case:${row.id}:${seq}:${i}`, caseId: row.id, kind: p.kind, title: p.title, body: p.body, exceptUserId: actor.id };
        if ('handlersOf' in p.to) return [{ ...base, handlersOfUnitId: p.to.handlersOf, staffRegionCodes: [], staffRoles: [] }];
        if ('userId' in p.to) return [{ ...base, handlersOfUnitId: null, staffRegionCodes: [], staffRoles: [], userIds: [p.to.userId] }];
        const code = byLevel.get(p.to.level);
        return code ? [{ ...base, handlersOfUnitId: null, staffRegionCodes: [code], staffRoles: p.to.roles }] : [];
      });
      await this.notifications.insertForAudiences(this.db.manager, items);
    } catch (err) {
      this.logger.error(`notifications for ${action} on case ${row.code} failed: ${(err as Error)?.message ?? err}`);
    }
  }

  /** The case's region and its ancestors, by level. */
  private async regionsByLevel(regionPath: string): Promise<Map<string, string>> {
    const rows: { code: string; level: string }[] = await this.db.query(`SELECT code, level FROM region WHERE code = ANY ($1::text[])`, [regionPath.split('.')]);
    return new Map(rows.map((r) => [r.level, r.code]));
  }
}
