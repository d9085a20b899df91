import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SqlScope } from '@ecoloop/auth';

/** One row of case_rollup summed over days: a count of cases with these facts. */
export interface RollupRow {
  county: string;
  countyName: string;
  state: string;
  category: string;
  source: string;
  overdue: boolean;
  supervised: boolean;
  /** Month of report (YYYY-MM, Asia/Shanghai). */
  month: string;
  n: number;
}

export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  state: string;
  category: string;
  overdue: boolean;
}

export interface TownSpotChecks {
  regionCode: string;
  regionName: string;
  checked: number;
  passed: number;
  failed: number;
}

export interface Period {
  from: Date | null;
  to: Date | null;
}

/** The dashboard's SQL: the rollup, a scan of the caller's cases (when the rollup cannot answer) and the map's points. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** case_rollup under these region paths (null: everywhere), reported within the period (whole months). */
  async rollup(paths: string[] | null, period: Period): Promise<RollupRow[]> {
    if (paths && paths.length === 0) return [];
    return this.db.query(
      `SELECT r.code AS county, r.name AS "countyName", x.state, x.category, x.source, x.overdue, x.supervised, to_char(x.month, 'YYYY-MM') AS month, x.n
         FROM (SELECT split_part(region_path, '.', 2) AS county, state, category, source, overdue, supervised, month, sum(n)::int AS n
                 FROM case_rollup
                WHERE ($1::text[] IS NULL OR region_path = ANY ($1::text[]) OR region_path LIKE ANY ($2::text[]))
                  AND ($3::timestamptz IS NULL OR month >= ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
                  AND ($4::timestamptz IS NULL OR month < ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)
                GROUP BY 1, 2, 3, 4, 5, 6, 7
               HAVING sum(n) <> 0) x
         JOIN region r ON r.code = x.county`,
      [paths, paths?.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}.%`) ?? null, period.from, period.to],
    );
  }

  /** The county-level regions (counties and function zones) at, above or under these paths (null: all). */
  async counties(paths: string[] | null): Promise<{ code: string; name: string }[]> {
    if (paths && paths.length === 0) return [];
    return this.db.query(
      `SELECT code, name FROM region
        WHERE level = 'county' AND ($1::text[] IS NULL OR path = ANY ($1::text[]) OR path LIKE ANY ($2::text[]) OR EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE p LIKE region.path || '.%'))
        ORDER BY code`,
      [paths, paths?.map((p) => `${p.replace(/[\\%_]/g, '\\$&')}.%`) ?? null],
    );
  }

  /** The same rows by scanning the cases inside `scope` (for scopes that are not whole regions). */
  async scan(scope: SqlScope, regionPath: string | null, period: Period): Promise<RollupRow[]> {
    return this.query(
      `SELECT r.code AS county, r.name AS "countyName", x.state, x.category, x.source, x.overdue, x.supervised, x.month, x.n
         FROM (SELECT split_part(c.region_path, '.', 2) AS county, c.state, split_part(c.category, '.', 1) AS category, c.source, c.overdue,
                      c.supervision_level IS NOT NULL AS supervised, to_char(c.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
                 FROM "case" c
                WHERE (${scope.sql}) ${this.filters(regionPath, period)}
                GROUP BY 1, 2, 3, 4, 5, 6, 7) x
         JOIN region r ON r.code = x.county`,
      { ...scope.params, ...this.params(regionPath, period) },
    );
  }

  /** The newest cases with a position inside `scope`, for the map. */
  async points(scope: SqlScope, regionPath: string | null, period: Period, limit = 2000): Promise<MapPoint[]> {
    return this.query(
      `SELECT c.id, c.lat, c.lng, c.state, c.category, c.overdue FROM "case" c
        WHERE (${scope.sql}) ${this.filters(regionPath, period)} AND c.lat IS NOT NULL AND c.lng IS NOT NULL
        ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`,
      { ...scope.params, ...this.params(regionPath, period) },
    );
  }

  /**
   * County spot checks of town closures inside `scope`, per town (§11). A spot check puts the county
   * after the town in the sign-off chain; a failed one reopened the case (towns' cases are general,
   * so a reopening is the spot check's: reviews are for major and inspection cases).
   */
  async spotChecks(scope: SqlScope, regionPath: string | null, period: Period): Promise<TownSpotChecks[]> {
    return this.query(
      `SELECT r.code AS "regionCode", r.name AS "regionName", x.checked, x.checked - x.failed AS passed, x.failed
         FROM (SELECT split_part(c.region_path, '.', 3) AS town, count(*)::int AS checked, count(*) FILTER (WHERE c.reopen_count > 0)::int AS failed
                 FROM "case" c
                WHERE (${scope.sql}) ${this.filters(regionPath, period)} AND c.signoff_steps[1] = 'town' AND c.signoff_steps[2] = 'county'
                GROUP BY 1) x
         JOIN region r ON r.code = x.town
        ORDER BY r.code`,
      { ...scope.params, ...this.params(regionPath, period) },
    );
  }

  private filters(regionPath: string | null, period: Period): string {
    return [
      regionPath ? `AND (c.region_path = :rp OR c.region_path LIKE :rpLike)` : '',
      period.from ? 'AND c.created_at >= :from' : '',
      period.to ? 'AND c.created_at < :to' : '',
    ].join(' ');
  }

  private params(regionPath: string | null, period: Period): Record<string, unknown> {
    return { rp: regionPath, rpLike: regionPath ? `${regionPath}.%` : null, from: period.from, to: period.to };
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}
