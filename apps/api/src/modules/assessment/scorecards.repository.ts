import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISCARDED_STATES, EXTERNAL_SOURCES, stateInSql, type ScorecardCounts } from '@ecoloop/workflow';
import { monthStart } from '../../core/months.js';

export type ScorecardLevel = 'county' | 'town' | 'unit' | 'grid';

export interface Subject {
  id: string;
  name: string;
  /** The subject's region path (its jurisdiction or where it sits), for the caller's scope. */
  path: string;
}

/** How the cases of a month are grouped into subjects, and who the subjects are. */
const SUBJECTS: Record<ScorecardLevel, string> = {
  county: `SELECT code AS id, name, path FROM region WHERE level = 'county' ORDER BY code`,
  town: `SELECT code AS id, name, path FROM region WHERE level = 'town' ORDER BY code`,
  unit: `SELECT u.id::text AS id, u.name, r.path FROM unit u JOIN region r ON r.code = u.region_code ORDER BY r.path, u.name`,
  grid: `SELECT u.id::text AS id, u.display_name AS name, r.path FROM app_user u JOIN region r ON r.code = u.region_code
          WHERE 'grid_inspector' = ANY (u.roles) AND u.active ORDER BY r.path, u.display_name`,
};

/** The SQL of the scorecards: subjects, and each subject's counts over the cases reported in a month. */
@Injectable()
export class ScorecardsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  subjects(level: ScorecardLevel): Promise<Subject[]> {
    return this.db.query(SUBJECTS[level]);
  }

  /**
   * Counts per subject over the month's cases (Asia/Shanghai; rejected and merged left out): regions
   * by the case's region path, units as lead unit, grid inspectors as reporter. One pass over the
   * month's cases (IDX_case_created) with their deadlines and petition.
   */
  async counts(level: ScorecardLevel, subjects: Subject[], month: string): Promise<Map<string, ScorecardCounts>> {
    return (await this.countsByMonth(level, subjects, month, month)).get(month) ?? new Map();
  }

  /** The same counts for every month from `first` to `last` in one pass: month → subject → counts. */
  async countsByMonth(level: ScorecardLevel, subjects: Subject[], first: string, last: string): Promise<Map<string, Map<string, ScorecardCounts>>> {
    if (subjects.length === 0) return new Map();
    const depth = level === 'county' || level === 'town' ? subjects[0].path.split('.').length : 0;
    const key = depth ? `split_part(c.region_path, '.', ${depth})` : level === 'unit' ? 'c.lead_unit_id::text' : 'c.reporter_id::text';
    const rows: (ScorecardCounts & { key: string; month: string })[] = await this.db.query(
      `SELECT ${key} AS key, to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              count(*)::int AS total,
              count(*) FILTER (WHERE c.source <> ALL ($3))::int AS "selfFound",
              coalesce(sum(d.sign_for_settled), 0)::int AS "signForSettled",
              coalesce(sum(d.sign_for_met), 0)::int AS "signForOnTime",
              coalesce(sum(d.rectify_settled), 0)::int AS "rectifySettled",
              coalesce(sum(d.rectify_met), 0)::int AS "rectifyOnTime",
              count(*) FILTER (WHERE c.state = 'closed')::int AS closed,
              count(*) FILTER (WHERE c.state = 'closed' AND c.rework_count = 0)::int AS "closedFirstPass",
              count(*) FILTER (WHERE c.rework_count > 0)::int AS reworked,
              count(*) FILTER (WHERE c.reopen_count > 0)::int AS relapsed,
              count(*) FILTER (WHERE c.overdue OR d.late)::int AS overdue,
              count(*) FILTER (WHERE c.supervision_level IS NOT NULL)::int AS supervised,
              count(p.case_id) FILTER (WHERE p.satisfaction IS NOT NULL)::int AS "petitionsFollowedUp",
              count(p.case_id) FILTER (WHERE p.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS "petitionsSatisfied"
         FROM "case" c
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE x.kind = 'sign_for' AND x.status IN ('met', 'late', 'overdue')) AS sign_for_settled,
                  count(*) FILTER (WHERE x.kind = 'sign_for' AND x.status = 'met') AS sign_for_met,
                  count(*) FILTER (WHERE x.kind = 'rectify' AND x.status IN ('met', 'late', 'overdue')) AS rectify_settled,
                  count(*) FILTER (WHERE x.kind = 'rectify' AND x.status = 'met') AS rectify_met,
                  coalesce(bool_or(x.status IN ('late', 'overdue')), false) AS late
             FROM deadline x WHERE x.case_id = c.id) d
         LEFT JOIN petition p ON p.case_id = c.id
        WHERE c.created_at >= $1::timestamptz AND c.created_at < ($4::timestamptz + interval '1 month')
          AND ${stateInSql('c.state', DISCARDED_STATES, true)}
          AND ${key} = ANY ($2)
        GROUP BY 1, 2`,
      [monthStart(first), subjects.map((s) => s.id), EXTERNAL_SOURCES, monthStart(last)],
    );
    const out = new Map<string, Map<string, ScorecardCounts>>();
    for (const { key: k, month, ...counts } of rows) {
      if (!out.has(month)) out.set(month, new Map());
      out.get(month)!.set(k, counts);
    }
    return out;
  }
}
