import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ADMIN_LEVELS, OPEN_STATES, decideAutoSupervise, isHigherLevel, levelAbove, type AdminLevel, type Role } from '@ecoloop/workflow';
import type { CaseRow } from '../../cases/case-row.js';
import { CasesRepository } from '../../cases/cases.repository.js';
import { CaseChange } from '../../cases/writer/case-change.js';
import { CaseWriter } from '../../cases/writer/case-writer.js';
import { NotificationsRepository, type AudienceNotification, type InsertedNotification } from '../../notifications/notifications.repository.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import type { OutboundMessage } from '../../notifications/outbound/outbound-channel.js';
import { DeadlinePlanner } from '../deadline-planner.service.js';
import { DEADLINE_SCHEDULER, type DeadlineScheduler } from '../deadline-scheduler.js';
import { TimersConfig } from '../timers.config.js';
import { DeadlineTimersRepository, type TimerCase, type TimerDeadline, type TimerSelector } from './deadline-timers.repository.js';
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
    private readonly writer: CaseWriter,
    private readonly notifications: NotificationsRepository,
    private readonly notify: NotificationsService,
    private readonly planner: DeadlinePlanner,
    @Inject(DEADLINE_SCHEDULER) private readonly scheduler: DeadlineScheduler,
    private readonly config: TimersConfig,
  ) {}

  /**
   * Overdue: mark the deadline overdue and the case with it (version bumped), write the system
   * `overdue` event, raise an automatic supervision order (the machine's `auto_supervise`) one
   * level above the owner (or above the overdue order's level) when that level exists, and notify
   * the lead unit's handlers and the owning region's dispatchers and supervisors (and those of the
   * ordering level). Everything is written by CaseWriter in the run's transaction.
   */
  async processOverdue(sel: TimerSelector, opts: { wakeNewDeadlines?: boolean } = {}): Promise<TimerRunResult> {
    const outcome = await this.db.transaction(async (m) => {
      const start = await this.moment(m);
      const caseIds = await this.timers.lockCasesForDue(m, sel, ...start);
      // Now that the cases are ours (a job may have waited for their lock), the time of the change.
      const [at, createdBefore] = 'deadlineIds' in sel ? await this.moment(m, true) : start;
      const overdue = await this.timers.dueDeadlines(m, caseIds, at, createdBefore, 'deadlineIds' in sel ? sel.deadlineIds : undefined);
      const none = { caseIds, overdue, orders: new Map<string, Order>(), byCase: new Map<string, TimerCase>(), inserted: [] as InsertedNotification[], changes: [] as CaseChange[] };
      if (overdue.length === 0) return none;

      const overdueOf = groupBy(overdue, (d) => d.caseId);
      const orders = new Map<string, Order>();
      const byCase = new Map<string, TimerCase>();
      const changes: CaseChange[] = [];
      const audiences: AudienceNotification[] = [];
      for (const head of await this.cases.findHeads(m, [...overdueOf.keys()])) {
        const c = await this.timerCase(head.row);
        byCase.set(c.id, c);
        const change = CaseChange.of(head);
        const missed = overdueOf.get(c.id)!;
        const pendingLevels = head.deadlines.filter((d) => d.kind === 'supervision' && d.status === 'pending').map((d) => d.level);
        const order = orderFor(c, missed, pendingLevels);
        for (const d of missed) {
          const raised = order?.because.id === d.id ? order : undefined;
          change.record(change.snapshot, [{ type: 'mark_overdue', deadlineId: d.id }], [], {
            ...SYSTEM_ACTOR,
            action: 'overdue',
            fromState: c.state,
            toState: c.state,
            comment: `${KIND_LABEL[d.kind]}期限（${shanghaiTime(d.dueAt)}）已过，已超期`,
            payload: { deadlineId: d.id, kind: d.kind, dueAt: iso(d.dueAt), originalDueAt: iso(d.originalDueAt) },
            attachmentIds: [],
            at,
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
        if (order) {
          const plan = await this.planner.plan('supervision', { source: c.source, category: c.category, severity: c.severity }, at);
          const decided = decideAutoSupervise(change.snapshot, { level: order.level, dueAt: plan.dueAt, now: at });
          if (decided) {
            const id = randomUUID();
            order.deadline = { id, dueAt: plan.dueAt };
            orders.set(c.id, order);
            change.record(decided.next, decided.effects, [{ ...plan, id }], {
              ...SYSTEM_ACTOR,
              action: 'auto_supervise',
              fromState: c.state,
              toState: decided.next.state,
              comment: `${KIND_LABEL[order.because.kind]}超期，自动提级${LEVEL_LABEL[order.level]}督办，限 ${shanghaiTime(plan.dueAt)} 前办结`,
              payload: { deadlineId: order.because.id, supervisionDeadlineId: id, level: order.level, dueAt: iso(plan.dueAt) },
              attachmentIds: [],
              at,
            });
            audiences.push({
              dedupePrefix: `overdue:${order.because.id}`,
              caseId: c.id,
              kind: 'auto_supervise',
              title: `【督办】${c.code} 超期自动${LEVEL_LABEL[order.level]}督办`,
              body: `${c.title}：${KIND_LABEL[order.because.kind]}期限 ${shanghaiTime(order.because.dueAt)} 已过，已自动提级${LEVEL_LABEL[order.level]}督办，限 ${shanghaiTime(plan.dueAt)} 前办结。`,
              handlersOfUnitId: null,
              staffRegionCodes: present([c.regionByLevel[order.level]]),
              staffRoles: STAFF,
            });
          }
        }
        changes.push(change);
      }
      await this.writeLocked(m, changes);
      const notified = await this.notifications.insertForAudiences(m, audiences);
      return { caseIds, overdue, orders, byCase, inserted: notified, changes };
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
      const reminded = await this.timers.dueReminders(m, caseIds, at, createdBefore, 'deadlineIds' in sel ? sel.deadlineIds : undefined);
      if (reminded.length === 0) return { caseIds, reminded, byCase: new Map<string, TimerCase>(), inserted: [] as InsertedNotification[] };
      const remindedOf = groupBy(reminded, (d) => d.caseId);
      const byCase = new Map<string, TimerCase>();
      const changes: CaseChange[] = [];
      const audiences: AudienceNotification[] = [];
      for (const head of await this.cases.findHeads(m, [...remindedOf.keys()])) {
        const c = await this.timerCase(head.row);
        byCase.set(c.id, c);
        const change = CaseChange.of(head);
        for (const d of remindedOf.get(c.id)!) {
          change.record(change.snapshot, [{ type: 'mark_reminded', deadlineId: d.id }], [], {
            ...SYSTEM_ACTOR,
            action: 'reminder_sent',
            fromState: c.state,
            toState: c.state,
            comment: `${KIND_LABEL[d.kind]}期限将于 ${shanghaiTime(d.dueAt)} 到期`,
            payload: { deadlineId: d.id, kind: d.kind, dueAt: iso(d.dueAt) },
            attachmentIds: [],
            at,
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
        changes.push(change);
      }
      await this.writeLocked(m, changes);
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

  /** The cases are locked by this run, so every compare-and-set holds; anything else is a bug. */
  private async writeLocked(m: EntityManager, changes: CaseChange[]): Promise<void> {
    const { stale } = await this.writer.write(changes, m);
    if (stale.length) throw new Error(`timers: cases changed while locked: ${stale.join(', ')}`);
  }

  private async timerCase(row: CaseRow): Promise<TimerCase> {
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      state: row.state,
      category: row.category,
      source: row.source,
      severity: row.severity,
      ownerLevel: row.ownerLevel,
      supervisionLevel: row.supervisionLevel,
      leadUnitId: row.leadUnitId,
      regionByLevel: await this.timers.regionByLevel(row.regionPath),
    };
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
