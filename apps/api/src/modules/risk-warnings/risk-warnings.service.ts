import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inRegion } from '@ecoloop/auth';
import { EXTERNAL_SOURCES, riskScore, type RiskFigures, type RiskLevel } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';

export interface RiskWarningView {
  regionCode: string;
  regionName: string;
  month: string;
  figures: RiskFigures;
  score: number;
  level: RiskLevel;
  controlIndex: number;
  computedAt: string;
}

/**
 * Monthly risk warnings per county (风险预警): computed from the cases reported in the month (Asia/
 * Shanghai), stored in `risk_warning` (one row per county and month, recomputed while the month is
 * not over) and shown for the counties in the caller's jurisdiction.
 */
@Injectable()
export class RiskWarningsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(user: RequestUser, month: string): Promise<RiskWarningView[]> {
    const counties: { code: string; name: string; path: string }[] = await this.db.query(
      `SELECT code, name, path FROM region WHERE level = 'county' ORDER BY code`,
    );
    const visible = counties.filter((c) => user.ability.can('read', inRegion('RiskWarning', c.path)));
    if (visible.length === 0) return [];
    await this.compute(month, visible.map((c) => c.code));
    const rows = await this.db.query(
      `SELECT w.region_code AS "regionCode", r.name AS "regionName", w.month, w.figures, w.score, w.level, w.computed_at AS "computedAt"
         FROM risk_warning w JOIN region r ON r.code = w.region_code
        WHERE w.month = $1 AND w.region_code = ANY($2) ORDER BY w.score DESC, w.region_code`,
      [month, visible.map((c) => c.code)],
    );
    return rows.map((r: RiskWarningView & { figures: RiskFigures & { controlIndex?: number } }) => {
      const { controlIndex, ...figures } = r.figures;
      return { ...r, figures, controlIndex: controlIndex ?? 100, computedAt: new Date(r.computedAt).toISOString() };
    });
  }

  /** Computes (or recomputes, while the month is open) the month's row of each county. */
  async compute(month: string, countyCodes: string[]): Promise<void> {
    const start = `${month}-01T00:00:00+08:00`;
    const figures: (RiskFigures & { code: string })[] = await this.db.query(
      `SELECT r.code,
              count(c.id)::int AS "newCases",
              count(c.id) FILTER (WHERE c.source = ANY($3))::int AS external,
              count(c.id) FILTER (WHERE c.source <> ALL($3))::int AS "selfDiscovered",
              count(c.id) FILTER (WHERE c.overdue)::int AS overdue,
              count(c.id) FILTER (WHERE c.rework_count > 0)::int AS reworked,
              count(c.id) FILTER (WHERE c.reopen_count > 0)::int AS reopened
         FROM region r
         LEFT JOIN "case" c ON (c.region_path = r.path OR c.region_path LIKE r.path || '.%')
                           AND c.created_at >= $1::timestamptz AND c.created_at < ($1::timestamptz + interval '1 month')
                           AND c.state NOT IN ('rejected', 'merged')
        WHERE r.code = ANY($2)
        GROUP BY r.code`,
      [start, countyCodes, EXTERNAL_SOURCES],
    );
    for (const f of figures) {
      const { code, ...counts } = f;
      const { score, level, controlIndex } = riskScore(counts);
      await this.db.query(
        `INSERT INTO risk_warning (region_code, month, figures, score, level, computed_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (region_code, month) DO UPDATE SET figures = EXCLUDED.figures, score = EXCLUDED.score, level = EXCLUDED.level, computed_at = now()
         WHERE risk_warning.computed_at < ($6::timestamptz + interval '1 month' + interval '1 day')`,
        [code, month, { ...counts, controlIndex }, score, level, start],
      );
    }
  }
}
