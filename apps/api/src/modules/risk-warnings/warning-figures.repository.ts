import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { monthStart } from '../../core/months.js';
import { DISCARDED_STATES, EXTERNAL_SOURCES, stateInSql, type RiskFigures, type WarningLevel } from '@ecoloop/workflow';

export interface CountyFigures extends RiskFigures {
  code: string;
  name: string;
  path: string;
}

export interface StoredWarning {
  regionCode: string;
  regionName: string;
  month: string;
  figures: RiskFigures;
  score: number | null;
  level: WarningLevel;
  controlIndex: number | null;
  computedAt: Date;
  issuedAt: Date | null;
  consequences: unknown[];
}

/** The SQL of the warnings: a month's figures per county-level region (counties and function zones) and the stored rows. */
@Injectable()
export class WarningFiguresRepository {
  /** Every county-level region (counties and function zones), whether or not it has cases. */
  async counties(m: EntityManager, codes?: string[]): Promise<{ code: string; name: string; path: string }[]> {
    return m.query(`SELECT code, name, path FROM region WHERE level = 'county' AND ($1::text[] IS NULL OR code = ANY ($1)) ORDER BY code`, [codes ?? null]);
  }

  /**
   * The month's figures of each county, over the cases reported in the month (Asia/Shanghai),
   * rejected and merged ones left out. Overdue counts a case overdue now or whose deadline was
   * settled late; slow response, a missed dispatch or sign-for deadline.
   */
  async figures(m: EntityManager, month: string, codes: string[]): Promise<CountyFigures[]> {
    if (codes.length === 0) return [];
    return m.query(
      `SELECT r.code, r.name, r.path,
              count(c.id)::int AS "newCases",
              count(c.id) FILTER (WHERE c.source = ANY ($3))::int AS external,
              count(c.id) FILTER (WHERE c.source <> ALL ($3))::int AS "selfDiscovered",
              count(c.id) FILTER (WHERE c.overdue OR EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = c.id AND d.status IN ('late', 'overdue')))::int AS overdue,
              count(c.id) FILTER (WHERE c.rework_count > 0)::int AS reworked,
              count(c.id) FILTER (WHERE c.reopen_count > 0)::int AS reopened,
              count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM deadline d WHERE d.case_id = c.id AND d.kind IN ('dispatch', 'sign_for') AND d.status IN ('late', 'overdue')))::int AS "respondedLate",
              count(c.id) FILTER (WHERE c.source = ANY ($3) AND c.severity = 'major')::int AS "externalMajor"
         FROM region r
         LEFT JOIN "case" c ON (c.region_path = r.path OR c.region_path LIKE r.path || '.%')
                           AND c.created_at >= $1::timestamptz AND c.created_at < ($1::timestamptz + interval '1 month')
                           AND ${stateInSql('c.state', DISCARDED_STATES, true)}
        WHERE r.code = ANY ($2)
        GROUP BY r.code, r.name, r.path
        ORDER BY r.code`,
      [monthStart(month), codes, EXTERNAL_SOURCES],
    );
  }

  async stored(m: EntityManager, months: string[], codes: string[]): Promise<StoredWarning[]> {
    const rows: (StoredWarning & { computedAt: Date })[] = await m.query(
      `SELECT w.region_code AS "regionCode", r.name AS "regionName", w.month, w.figures, w.score, w.level, w.control_index AS "controlIndex",
              w.computed_at AS "computedAt", w.issued_at AS "issuedAt", w.consequences
         FROM risk_warning w JOIN region r ON r.code = w.region_code
        WHERE w.month = ANY ($1) AND w.region_code = ANY ($2)`,
      [months, codes],
    );
    return rows;
  }

  async insertIssued(m: EntityManager, w: Omit<StoredWarning, 'regionName' | 'computedAt'>): Promise<void> {
    await m.query(
      `INSERT INTO risk_warning (region_code, month, figures, score, level, control_index, computed_at, issued_at, consequences)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
       ON CONFLICT (region_code, month) DO UPDATE
          SET figures = EXCLUDED.figures, score = EXCLUDED.score, level = EXCLUDED.level, control_index = EXCLUDED.control_index,
              computed_at = EXCLUDED.computed_at, issued_at = EXCLUDED.issued_at, consequences = EXCLUDED.consequences
        WHERE risk_warning.issued_at IS NULL`,
      [w.regionCode, w.month, JSON.stringify(w.figures), w.score, w.level, w.controlIndex, w.issuedAt, JSON.stringify(w.consequences)],
    );
  }
}
