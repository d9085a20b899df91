import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  computeDueAt,
  reminderAt,
  resolvePolicy,
  WorkCalendar,
  type AdminLevel,
  type CalendarYear,
  type DeadlineKind,
  type DeadlinePolicy,
  type PolicySubject,
} from '@ecoloop/workflow';

const CACHE_MS = 30_000;

export interface PlannedDeadline {
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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const [policies, years] = await Promise.all([
      this.db.query(
        `SELECT id, source, category, severity, kind, amount, unit, reminder_lead_minutes AS "reminderLeadMinutes" FROM deadline_policy ORDER BY id`,
      ) as Promise<DeadlinePolicy[]>,
      this.db.query(
        `SELECT year, array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(holidays) d) AS holidays,
                array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(workdays) d) AS workdays
           FROM work_calendar ORDER BY year`,
      ) as Promise<CalendarYear[]>,
    ]);
    this.cache = { at: Date.now(), policies, calendar: new WorkCalendar(years) };
    return this.cache;
  }
}

/** A reminder that would fall before the deadline started is sent at the start instead. */
function clampReminder(at: Date, start: Date): Date | null {
  return at.getTime() > start.getTime() ? at : null;
}
