import { Injectable } from '@nestjs/common';
import {
  computeDueAt,
  reminderAt,
  resolvePolicy,
  statutoryCalendarYear,
  WorkCalendar,
  type AdminLevel,
  type DeadlineKind,
  type DeadlinePolicy,
  type Effect,
  type PolicySubject,
  type RegionLevel,
} from '@ecoloop/workflow';
import { DeadlinesAdminRepository } from './deadlines-admin.repository.js';

const CACHE_MS = 30_000;

export interface PlannedDeadline {
  /** The row's id when the caller must know it before writing (e.g. to name it in an event). */
  id?: string;
  kind: DeadlineKind;
  dueAt: Date;
  remindAt: Date | null;
  /** For supervision orders: the level that issued it. */
  level?: AdminLevel | null;
}

/**
 * Turns "start a <kind> deadline now" into due and reminder times from `deadline_policy` and the
 * working-day calendar in `work_calendar`. Both are cached briefly; admins' edits apply within 30 s.
 */
@Injectable()
export class DeadlinePlanner {
  private cache: { at: number; policies: DeadlinePolicy[]; calendar: WorkCalendar } | null = null;

  constructor(private readonly repository: DeadlinesAdminRepository) {}

  /**
   * Due and reminder times for the deadlines a transition starts or extends, in order; a 督办 started by
   * an actor is at the actor's level.
   */
  async planEffects(effects: readonly Effect[], subject: PolicySubject, at: Date, actorLevel: RegionLevel): Promise<PlannedDeadline[]> {
    const planned: PlannedDeadline[] = [];
    for (const e of effects) {
      if (e.type === 'extend_deadline') planned.push(await this.plan(e.kind, subject, at, e.dueAt));
      if (e.type !== 'start_deadline') continue;
      const p = await this.plan(e.kind, subject, at, e.dueAt);
      planned.push(e.kind === 'supervision' ? { ...p, level: actorLevel as AdminLevel } : p);
    }
    return planned;
  }

  async plan(kind: DeadlineKind, subject: PolicySubject, start: Date, explicitDueAt?: string): Promise<PlannedDeadline> {
    const { policies, calendar } = await this.load();
    const policy = resolvePolicy(policies, subject, kind);
    if (explicitDueAt) {
      const dueAt = new Date(explicitDueAt);
      return { kind, dueAt, remindAt: policy ? clampReminder(reminderAt(dueAt, policy), start) : null };
    }
    if (!policy) throw new Error(`no deadline policy for ${kind}`);
    const dueAt = computeDueAt(start, policy, calendar);
    return { kind, dueAt, remindAt: clampReminder(reminderAt(dueAt, policy), start) };
  }

  async calendar(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  invalidate(): void {
    this.cache = null;
  }

  private async load() {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache;
    const [policies, years] = await Promise.all([this.repository.allPolicies(), this.repository.calendarYears()]);
    this.cache = { at: Date.now(), policies, calendar: new WorkCalendar(years, statutoryCalendarYear) };
    return this.cache;
  }
}

/** A reminder that would fall before the deadline started is sent at the start instead. */
function clampReminder(at: Date, start: Date): Date | null {
  return at.getTime() > start.getTime() ? at : null;
}
