import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Effect } from '@ecoloop/workflow';
import { CaseExtensions, type CaseExtension, type TransitionContext } from '../cases/case-extensions.js';
import { NotificationsRepository, type AudienceNotification } from '../notifications/notifications.repository.js';

const LEADER_ACTIONS = new Set(['instruct', 'take_charge']);

/**
 * Leaders who act (DESIGN §13): 批示 (`instruct`) and 包案 (`take_charge`) are case actions of the
 * machine, written like any other; this part notifies the people on the case — the lead and co-units'
 * handlers and the dispatchers and supervisors of the owning level — in the same transaction.
 */
@Injectable()
export class LeaderActions implements CaseExtension {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly notifications: NotificationsRepository,
  ) {
    // At construction, not on module init: the demo seeders run before app.init() at startup (main.ts).
    this.extensions.register(this);
  }

  handles(): boolean {
    return false; // instruct and take_charge are the machine's actions, not this extension's own
  }

  async act(): Promise<void> {
    throw new Error('LeaderActions handles no action of its own');
  }

  async decorate(): Promise<void> {}

  async effects(): Promise<Effect[]> {
    return [];
  }

  takesPart(t: TransitionContext): boolean {
    return LEADER_ACTIONS.has(t.action);
  }

  async onTransition(m: EntityManager, t: TransitionContext): Promise<void> {
    const { row } = t;
    const [owner]: { code: string }[] = await m.query(`SELECT code FROM region WHERE level = $1 AND ($2 = path OR $2 LIKE path || '.%')`, [row.ownerLevel, row.regionPath]);
    const [actor]: { name: string }[] = await m.query(
      `SELECT actor_name AS name FROM case_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`,
      [row.id],
    );
    const leader = actor?.name ?? '领导';
    const what = t.action === 'instruct' ? `${leader}批示：${t.payload.comment ?? ''}` : `${leader}已包案${t.payload.comment ? `：${t.payload.comment}` : ''}`;
    const base = {
      caseId: row.id,
      kind: t.action,
      title: `【${t.action === 'instruct' ? '领导批示' : '领导包案'}】${row.code} ${row.title}`.slice(0, 200),
      body: `${row.title}：${what}`,
    };
    const prefix = `${t.action}:${row.id}:${row.version}`;
    const audiences: AudienceNotification[] = [
      { ...base, dedupePrefix: `${prefix}:staff`, handlersOfUnitId: row.leadUnitId, staffRegionCodes: owner ? [owner.code] : [], staffRoles: ['dispatcher', 'supervisor'] },
      ...row.coUnitIds.map((unitId) => ({ ...base, dedupePrefix: `${prefix}:co:${unitId}`, handlersOfUnitId: unitId, staffRegionCodes: [], staffRoles: [] })),
    ];
    await this.notifications.insertForAudiences(m, audiences);
  }
}
