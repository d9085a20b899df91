import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesService } from '../cases/cases.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';

export interface OverviewQuery {
  regionCode?: string;
  from?: string;
  to?: string;
}

export interface Overview {
  regionCode: string | null;
  from: string | null;
  to: string | null;
  total: number;
  open: number;
  closed: number;
  overdue: number;
  supervised: number;
  byState: Record<string, number>;
  byCategory: { category: string; count: number }[];
  bySource: { source: string; count: number }[];
  byCounty: { regionCode: string; regionName: string; total: number; open: number; closed: number; overdue: number }[];
  points: { id: string; lat: number; lng: number; state: string; category: string; overdue: boolean }[];
}

/** Dashboard figures over the cases the caller may read (the same SQL scope as GET /cases). */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly regions: RegionsRepository,
  ) {}

  async overview(user: RequestUser, q: OverviewQuery): Promise<Overview> {
    const scope = this.cases.readScope(user);
    const where = [`(${scope.sql})`];
    const params: Record<string, unknown> = { ...scope.params };
    if (q.regionCode) {
      const region = await this.regions.find(q.regionCode);
      if (!region) throw AppError.notFound('Region');
      where.push(`(c.region_path = :rp OR c.region_path LIKE :rpLike)`);
      Object.assign(params, { rp: region.path, rpLike: `${region.path}.%` });
    }
    if (q.from) {
      where.push('c.created_at >= :from');
      params.from = new Date(q.from);
    }
    if (q.to) {
      where.push('c.created_at < :to');
      params.to = new Date(q.to);
    }
    const w = where.join(' AND ');
    const run = <T>(sql: string) => {
      const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
      return this.db.query(text, values) as Promise<T[]>;
    };
    const [states, categories, sources, counties, [flags], points] = await Promise.all([
      run<{ state: string; n: number }>(`SELECT c.state, count(*)::int AS n FROM "case" c WHERE ${w} GROUP BY c.state`),
      run<{ category: string; count: number }>(`SELECT split_part(c.category, '.', 1) AS category, count(*)::int AS count FROM "case" c WHERE ${w} GROUP BY 1 ORDER BY 2 DESC`),
      run<{ source: string; count: number }>(`SELECT c.source, count(*)::int AS count FROM "case" c WHERE ${w} GROUP BY 1 ORDER BY 2 DESC`),
      run<Overview['byCounty'][number]>(
        `SELECT r.code AS "regionCode", r.name AS "regionName", count(*)::int AS total,
                count(*) FILTER (WHERE c.state IN ('reported','pending_dispatch','assigned','rectifying','pending_verification'))::int AS open,
                count(*) FILTER (WHERE c.state = 'closed')::int AS closed,
                count(*) FILTER (WHERE c.overdue)::int AS overdue
           FROM "case" c JOIN region r ON r.code = split_part(c.region_path, '.', 2)
          WHERE ${w} GROUP BY r.code, r.name ORDER BY r.code`,
      ),
      run<{ overdue: number; supervised: number }>(
        `SELECT count(*) FILTER (WHERE c.overdue)::int AS overdue, count(*) FILTER (WHERE c.supervision_level IS NOT NULL)::int AS supervised FROM "case" c WHERE ${w}`,
      ),
      run<Overview['points'][number]>(
        `SELECT c.id, c.lat, c.lng, c.state, c.category, c.overdue FROM "case" c WHERE ${w} AND c.lat IS NOT NULL AND c.lng IS NOT NULL ORDER BY c.created_at DESC LIMIT 2000`,
      ),
    ]);
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    const total = states.reduce((a, s) => a + s.n, 0);
    const closed = byState.closed ?? 0;
    const open = total - closed - (byState.rejected ?? 0) - (byState.merged ?? 0);
    return {
      regionCode: q.regionCode ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      total,
      open,
      closed,
      overdue: flags.overdue,
      supervised: flags.supervised,
      byState,
      byCategory: categories,
      bySource: sources,
      byCounty: counties,
      points,
    };
  }
}
