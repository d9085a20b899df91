import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returned } from '../cases/cases.repository.js';
import type { CalendarYear, DeadlinePolicy } from '@ecoloop/workflow';
import type { DeadlinePolicyDto, DeadlineKindStatsDto } from './dto/deadlines.dto.js';

const POLICY_SELECT = `id, source, category, severity, kind, amount, unit, reminder_lead_minutes AS "reminderLeadMinutes"`;

export type PolicyFields = Omit<DeadlinePolicyDto, 'id'>;

/** SQL of the deadline policies and the working-day calendar (the planner's and the admin endpoints'), and of the deadline figures. */
@Injectable()
export class DeadlinesAdminRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every policy, in id order (the planner resolves among them). */
  async allPolicies(): Promise<DeadlinePolicy[]> {
    return this.db.query(`SELECT ${POLICY_SELECT} FROM deadline_policy ORDER BY id`);
  }

  /** Every stored calendar year (holidays and adjusted workdays as YYYY-MM-DD). */
  async calendarYears(): Promise<CalendarYear[]> {
    return this.db.query(
      `SELECT year, array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(holidays) d) AS holidays,
              array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(workdays) d) AS workdays
         FROM work_calendar ORDER BY year`,
    );
  }

  async calendarYear(year: number): Promise<{ holidays: string[]; workdays: string[] } | null> {
    const rows = await this.db.query(
      `SELECT array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(holidays) d ORDER BY d) AS holidays,
              array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(workdays) d ORDER BY d) AS workdays
         FROM work_calendar WHERE year = $1`,
      [year],
    );
    return rows[0] ?? null;
  }

  async saveCalendarYear(year: number, holidays: string[], workdays: string[]): Promise<void> {
    await this.db.query(
      `INSERT INTO work_calendar (year, holidays, workdays) VALUES ($1, $2::date[], $3::date[])
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays`,
      [year, holidays, workdays],
    );
  }

  async policies(): Promise<DeadlinePolicyDto[]> {
    return this.db.query(
      `SELECT ${POLICY_SELECT} FROM deadline_policy
        ORDER BY kind, source NULLS FIRST, category NULLS FIRST, severity NULLS FIRST, id`,
    );
  }

  async policy(id: string): Promise<DeadlinePolicyDto | null> {
    const rows = await this.db.query(`SELECT ${POLICY_SELECT} FROM deadline_policy WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insertPolicy(p: PolicyFields): Promise<DeadlinePolicyDto> {
    const [row] = await this.db.query(
      `INSERT INTO deadline_policy (source, category, severity, kind, amount, unit, reminder_lead_minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${POLICY_SELECT}`,
      [p.source, p.category, p.severity, p.kind, p.amount, p.unit, p.reminderLeadMinutes],
    );
    return row;
  }

  async updatePolicy(id: string, p: PolicyFields): Promise<DeadlinePolicyDto | null> {
    const rows = await this.db.query(
      `UPDATE deadline_policy SET source = $2, category = $3, severity = $4, kind = $5, amount = $6, unit = $7, reminder_lead_minutes = $8
        WHERE id = $1 RETURNING ${POLICY_SELECT}`,
      [id, p.source, p.category, p.severity, p.kind, p.amount, p.unit, p.reminderLeadMinutes],
    );
    return returned<DeadlinePolicyDto>(rows)[0] ?? null;
  }

  async deletePolicy(id: string): Promise<boolean> {
    const [, affected] = await this.db.query(`DELETE FROM deadline_policy WHERE id = $1`, [id]);
    return affected > 0;
  }

  async region(code: string): Promise<{ code: string; name: string; path: string } | null> {
    const rows = await this.db.query(`SELECT code, name, path FROM region WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  /**
   * Per deadline kind, over the cases of a region subtree. "Against the original": the obligation's
   * original due time passed before it was settled (or now, while open); an overdue row that an
   * extension replaced and the row replacing it are one obligation (same case and original due
   * time). "After extension": an extended due time that passed as well.
   */
  async deadlineStats(regionPath: string): Promise<DeadlineKindStatsDto[]> {
    return this.db.query(
      `SELECT d.kind,
              count(*) FILTER (WHERE d.status <> 'cancelled')::int AS total,
              count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
              count(*) FILTER (WHERE d.status = 'met')::int AS met,
              count(*) FILTER (WHERE d.status = 'late' OR d.status = 'overdue' AND d.settled_at IS NOT NULL)::int AS late,
              count(*) FILTER (WHERE d.status = 'overdue' AND d.settled_at IS NULL)::int AS "overdueOpen",
              count(DISTINCT d.case_id::text || '|' || d.original_due_at::text)
                FILTER (WHERE d.status <> 'cancelled' AND d.original_due_at < COALESCE(d.settled_at, now()))::int AS "overdueAgainstOriginal",
              count(*) FILTER (WHERE d.status <> 'cancelled' AND d.due_at <> d.original_due_at AND d.due_at < COALESCE(d.settled_at, now()))::int AS "overdueAfterExtension",
              count(*) FILTER (WHERE d.status <> 'cancelled' AND d.due_at <> d.original_due_at)::int AS extended
         FROM deadline d JOIN "case" c ON c.id = d.case_id
        WHERE c.region_path = $1 OR c.region_path LIKE $2
        GROUP BY d.kind`,
      [regionPath, `${regionPath.replace(/[\\%_]/g, '\\$&')}.%`],
    );
  }
}
