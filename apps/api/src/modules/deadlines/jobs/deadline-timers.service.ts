import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ADMIN_LEVELS, OPEN_STATES, isHigherLevel, levelAbove, type AdminLevel, type Role } from '@ecoloop/workflow';
import { CasesRepository, type NewEvent } from '../../cases/cases.repository.js';
import { NotificationsRepository, type AudienceNotification, type InsertedNotification } from '../../notifications/notifications.repository.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import type { OutboundMessage } from '../../notifications/outbound/outbound-channel.js';
import { DeadlinePlanner } from '../deadline-planner.service.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadline-scheduler.js';
import { TimersConfig } from '../timers.config.js';
import { DeadlineTimersRepository, type NewSupervisionDeadline, type TimerCase, type TimerDeadline, type TimerSelector } from './deadline-timers.repository.js';
import { FAST_TRACK_CATEGORY, KIND_LABEL, LEVEL_LABEL, SYSTEM_ACTOR, shanghaiTime } from './timer-messages.js';

export interface TimerRunResult {
  /** Cases locked by the run; 0 means there was nothing (left) to do. */
  cases: number;
  /** Deadlines acted on: marked overdue, or reminded. */
  processed: number;
  /** Supervision orders raised. */
  supervised: number;
  /** The orders' new deadline rows (already woken up unless the caller asked to do it itself). */
  newDeadlineIds: string[];
}

/** An automatic supervision order (督办) one level up, raised by an overdue deadline. */
interface Order {
  level: AdminLevel;
  because: TimerDeadline;
  deadline?: { id: string; dueAt: Date };
}

const STAFF: Role[] = ['dispatcher', 'supervisor'];
const UNIT_KINDS = ['sign_for', 'rectify', 'supervision'];
const iso = (d: Date) => new Date(d).toISOString();
const isAdminLevel = (level: string | null): level is AdminLevel => level !== null && (ADMIN_LEVELS as readonly string[]).includes(level);

/**
 * What happens when a deadline's time comes (DESIGN §7). Each run is one transaction that locks the
 * case rows first, then changes only the deadlines a compare-and-set still finds pending, so a job
 * that runs twice — or a job and the reconciler at once, on any replica — acts once.
 */
@Injectable()
export class DeadlineTimersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly timers: DeadlineTimersRepository,
    private readonly cases: CasesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly notify: NotificationsService,
    private readonly planner: DeadlinePlanner,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
    private readonly config: TimersConfig,
  ) {}

  /**
   * Overdue: mark the deadline overdue and the case with it (version bumped), write the system
   * `overdue` event, raise an automatic supervision order one level above the owner (or above the
   * overdue order's level) when that level exists, and notify the lead unit's handlers and the
   * owning region's dispatchers and supervisors (and those of the ordering level).
   */
  async processOverdue(sel: TimerSelector, opts: { wakeNewDeadlines?: boolean } = {}): Promise<TimerRunResult> {
    const outcome = await this.db.transaction(async (m) => {
      const start = await this.moment(m);
      const caseIds = await this.timers.lockCasesForDue(m, sel, ...start);
      // Now that the cases are ours (a job may have waited for their lock), the time of the change.
      const [at, createdBefore] = 'deadlineIds' in sel ? await this.moment(m, true) : start;
      const overdue = await this.timers.markOverdue(m, caseIds, at, createdBefore, 'deadlineIds' in sel ? sel.deadlineIds : undefined);
      if (overdue.length === 0) return { caseIds, overdue, orders: new Map<string, Order>(), byCase: new Map<string, TimerCase>(), inserted: [] as InsertedNotification[] };

      const affected = [...new Set(overdue.map((d) => d.caseId))];
      const facts = await this.timers.cases(m, affected);
      const byCase = new Map(facts.map((c) => [c.id, c]));
      const pending = await this.timers.pendingSupervisionLevels(m, affected);

      // At most one order per case and run: the highest level any of its overdue deadlines calls for.
      const orders = new Map<string, Order>();
      const overdueOf = groupBy(overdue, (d) => d.caseId);
      const pendingOf = groupBy(pending, (p) => p.caseId);
      for (const c of facts) {
        const order = orderFor(c, overdueOf.get(c.id) ?? [], (pendingOf.get(c.id) ?? []).map((p) => p.level));
        if (order) orders.set(c.id, order);
      }
      const planned: NewSupervisionDeadline[] = [];
      for (const [caseId, order] of orders) {
        const c = byCase.get(caseId)!;
        const p = await this.planner.plan('supervision', { source: c.source, category: c.category, severity: c.severity }, at);
        planned.push({ caseId, dueAt: p.dueAt, remindAt: p.remindAt, level: order.level });
      }
      const inserted = await this.timers.insertSupervisionDeadlines(m, planned, at);
      const plannedByCase = new Map(planned.map((p) => [p.caseId, p]));
      for (const row of inserted) orders.get(row.caseId)!.deadline = { id: row.id, dueAt: plannedByCase.get(row.caseId)!.dueAt };

      await this.timers.touchCases(
        m,
        facts.map((c) => {
          const order = orders.get(c.id);
          const raise = order && (c.supervisionLevel === null || isHigherLevel(order.level, c.supervisionLevel));
          return { id: c.id, supervisionLevel: raise ? order.level : null };
        }),
        at,
      );
      await this.cases.refreshDeadlineSummaries(m, affected);

      const events: { caseId: string; event: NewEvent }[] = [];
      const audiences: AudienceNotification[] = [];
      for (const d of overdue) {
        const c = byCase.get(d.caseId)!;
        const order = orders.get(c.id);
        const raised = order?.because.id === d.id ? order : undefined;
        events.push({
          caseId: c.id,
          event: {
            ...SYSTEM_ACTOR,
            action: 'overdue',
            fromState: c.state,
            toState: c.state,
            comment: `${KIND_LABEL[d.kind]}期限（${shanghaiTime(d.dueAt)}）已过，已超期`,
            payload: { deadlineId: d.id, kind: d.kind, dueAt: iso(d.dueAt), originalDueAt: iso(d.originalDueAt) },
            attachmentIds: [],
            at,
          },
        });
        audiences.push({
          dedupePrefix: `overdue:${d.id}`,
          caseId: c.id,
          kind: 'overdue',
          title: `【超期】${c.code} ${KIND_LABEL[d.kind]}已超期`,
          body: `${c.title}：${KIND_LABEL[d.kind]}期限 ${shanghaiTime(d.dueAt)} 已过${raised ? `，已自动提级${LEVEL_LABEL[raised.level]}督办` : ''}。`,
          handlersOfUnitId: c.leadUnitId,
          staffRegionCodes: present([c.regionByLevel[c.ownerLevel]]),
          staffRoles: STAFF,
        });
      }
      for (const [caseId, order] of orders) {
        const c = byCase.get(caseId)!;
        const due = order.deadline!.dueAt;
        events.push({
          caseId,
          event: {
            ...SYSTEM_ACTOR,
            action: 'auto_supervise',
            fromState: c.state,
            toState: c.state,
            comment: `${KIND_LABEL[order.because.kind]}超期，自动提级${LEVEL_LABEL[order.level]}督办，限 ${shanghaiTime(due)} 前办结`,
            payload: { deadlineId: order.because.id, supervisionDeadlineId: order.deadline!.id, level: order.level, dueAt: iso(due) },
            attachmentIds: [],
            at,
          },
        });
        audiences.push({
          dedupePrefix: `overdue:${order.because.id}`,
          caseId,
          kind: 'auto_supervise',
          title: `【督办】${c.code} 超期自动${LEVEL_LABEL[order.level]}督办`,
          body: `${c.title}：${KIND_LABEL[order.because.kind]}期限 ${shanghaiTime(order.because.dueAt)} 已过，已自动提级${LEVEL_LABEL[order.level]}督办，限 ${shanghaiTime(due)} 前办结。`,
          handlersOfUnitId: null,
          staffRegionCodes: present([c.regionByLevel[order.level]]),
          staffRoles: STAFF,
        });
      }
      // Per case: overdue events (by due time) first, then its order.
      events.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
      await this.cases.appendEvents(m, events);
      const notified = await this.notifications.insertForAudiences(m, audiences);
      return { caseIds, overdue, orders, byCase, inserted: notified };
    });

    const newDeadlines = [...outcome.orders.values()].flatMap((o) => (o.deadline ? [o.deadline.id] : []));
    if (newDeadlines.length && opts.wakeNewDeadlines !== false) await this.scheduler.scheduleDeadlines(newDeadlines);
    await this.notify.sendOutbound(
      outcome.overdue.flatMap((d) => {
        const c = outcome.byCase.get(d.caseId)!;
        if (c.category !== FAST_TRACK_CATEGORY) return [];
        const order = outcome.orders.get(c.id);
        const raised = order?.because.id === d.id ? `，已自动提级${LEVEL_LABEL[order.level]}督办` : '';
        return message('overdue', c, `【1530超期】${c.code} ${c.title}：${KIND_LABEL[d.kind]}期限 ${shanghaiTime(d.dueAt)} 已过${raised}`, outcome.inserted, `overdue:${d.id}:`);
      }),
    );
    return { cases: outcome.caseIds.length, processed: outcome.overdue.length, supervised: newDeadlines.length, newDeadlineIds: newDeadlines };
  }

  /** Reminder: once per pending deadline, a `reminder_sent` system event and notifications. */
  async processReminders(sel: TimerSelector): Promise<TimerRunResult> {
    const outcome = await this.db.transaction(async (m) => {
      const start = await this.moment(m);
      const caseIds = await this.timers.lockCasesForReminders(m, sel, ...start);
      const [at, createdBefore] = 'deadlineIds' in sel ? await this.moment(m, true) : start;
      const reminded = await this.timers.markReminded(m, caseIds, at, createdBefore, 'deadlineIds' in sel ? sel.deadlineIds : undefined);
      if (reminded.length === 0) return { caseIds, reminded, byCase: new Map<string, TimerCase>(), inserted: [] as InsertedNotification[] };
      const facts = await this.timers.cases(m, [...new Set(reminded.map((d) => d.caseId))]);
      const byCase = new Map(facts.map((c) => [c.id, c]));
      const events: { caseId: string; event: NewEvent }[] = [];
      const audiences: AudienceNotification[] = [];
      for (const d of reminded) {
        const c = byCase.get(d.caseId)!;
        events.push({
          caseId: c.id,
          event: {
            ...SYSTEM_ACTOR,
            action: 'reminder_sent',
            fromState: c.state,
            toState: c.state,
            comment: `${KIND_LABEL[d.kind]}期限将于 ${shanghaiTime(d.dueAt)} 到期`,
            payload: { deadlineId: d.id, kind: d.kind, dueAt: iso(d.dueAt) },
            attachmentIds: [],
            at,
          },
        });
        const toUnit = c.leadUnitId !== null && UNIT_KINDS.includes(d.kind);
        audiences.push({
          dedupePrefix: `remind:${d.id}`,
          caseId: c.id,
          kind: 'reminder',
          title: `【提醒】${c.code} ${KIND_LABEL[d.kind]}即将到期`,
          body: `${c.title}：${KIND_LABEL[d.kind]}期限 ${shanghaiTime(d.dueAt)}，请抓紧办理。`,
          handlersOfUnitId: toUnit ? c.leadUnitId : null,
          staffRegionCodes: toUnit ? [] : present([c.regionByLevel[c.ownerLevel]]),
          staffRoles: STAFF,
        });
      }
      events.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
      await this.cases.appendEvents(m, events);
      const notified = await this.notifications.insertForAudiences(m, audiences);
      return { caseIds, reminded, byCase, inserted: notified };
    });

    await this.notify.sendOutbound(
      outcome.reminded.flatMap((d) => {
        const c = outcome.byCase.get(d.caseId)!;
        if (c.category !== FAST_TRACK_CATEGORY) return [];
        return message('reminder', c, `【1530提醒】${c.code} ${c.title}：${KIND_LABEL[d.kind]}期限 ${shanghaiTime(d.dueAt)} 即将到期`, outcome.inserted, `remind:${d.id}:`);
      }),
    );
    return { cases: outcome.caseIds.length, processed: outcome.reminded.length, supervised: 0, newDeadlineIds: [] };
  }

  /** [now, the creation time before which a row born due has had its grace] on the database's clock. */
  private async moment(m: EntityManager, wall = false): Promise<[Date, Date]> {
    const at = await this.timers.now(m, wall);
    return [at, new Date(at.getTime() - this.config.graceMs)];
  }
}

/**
 * The automatic order an overdue run raises on a case, or null: one level above the owner (for an
 * overdue order: above the order's level), only when the case is open, that level exists above the
 * case's region (city → province does not exist in a city deployment), and no pending order at that
 * level or higher already covers the case.
 */
export function orderFor(c: TimerCase, overdue: TimerDeadline[], pendingLevels: (AdminLevel | null)[]): Order | null {
  if (!OPEN_STATES.includes(c.state)) return null;
  let best: Order | null = null;
  for (const d of overdue) {
    const base = d.kind === 'supervision' ? (d.level ?? c.ownerLevel) : c.ownerLevel;
    const above = levelAbove(base);
    if (!isAdminLevel(above) || !c.regionByLevel[above]) continue;
    if (!best || isHigherLevel(above, best.level)) best = { level: above, because: d };
  }
  if (!best) return null;
  const level = best.level;
  if (pendingLevels.some((l) => l !== null && (l === level || isHigherLevel(l, level)))) return null;
  return best;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function present(codes: (string | undefined)[]): string[] {
  return codes.filter((c): c is string => !!c);
}

/** One outbound message, naming the people notified in-app about the same deadline. */
function message(kind: OutboundMessage['kind'], c: TimerCase, text: string, inserted: InsertedNotification[], keyPrefix: string): OutboundMessage[] {
  const recipients = inserted.filter((n) => n.dedupeKey.startsWith(keyPrefix)).map((n) => ({ userId: n.userId, username: n.username, displayName: n.displayName }));
  return [{ kind, caseId: c.id, caseCode: c.code, text, recipients, at: new Date().toISOString() }];
}
