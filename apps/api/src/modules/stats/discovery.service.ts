import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inRegion } from '@ecoloop/auth';
import { DISCARDED_STATES, EXTERNAL_SOURCES, stateInSql } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';

export type DiscoveryLevel = 'county' | 'town' | 'grid';

export interface DiscoveryRow {
  regionCode: string;
  regionName: string;
  /** Found by the area itself (grid patrol, monitoring, self-inspection…). */
  self: number;
  /** Found by a higher level or the public. */
  external: number;
  /** self / (self + external), null when nothing was found. */
  selfRate: number | null;
  bySource: { source: string; count: number }[];
  byMonth: { month: string; self: number; external: number }[];
}

/**
 * 问题发现综合评价 (三大十招, DESIGN §12): per county, town or grid in the caller's jurisdiction —
 * every one, with or without cases — the problems reported in the months, self-found against
 * found from outside, by source and by month. Read from case_rollup (rejected and merged left
 * out), so a city over a million cases answers from a few thousand rollup rows.
 */
@Injectable()
export class DiscoveryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async discovery(user: RequestUser, level: DiscoveryLevel, months: string[]): Promise<DiscoveryRow[]> {
    const regions: { code: string; name: string; path: string }[] = await this.db.query(`SELECT code, name, path FROM region WHERE level = $1 ORDER BY code`, [level]);
    const visible = regions.filter((r) => user.ability.can('read', inRegion('Stats', r.path)));
    if (visible.length === 0) return [];
    const counted: { code: string; month: string; source: string; n: number }[] = await this.db.query(
      `SELECT r.code, to_char(x.month, 'YYYY-MM') AS month, x.source, sum(x.n)::int AS n
         FROM (SELECT region_path, month, source, sum(n) AS n FROM case_rollup
                WHERE month = ANY ($1::date[]) AND ${stateInSql('state', DISCARDED_STATES, true)}
                GROUP BY 1, 2, 3 HAVING sum(n) <> 0) x
         JOIN region r ON r.code = ANY ($2) AND (x.region_path = r.path OR x.region_path LIKE r.path || '.%')
        GROUP BY 1, 2, 3`,
      [months.map((m) => `${m}-01`), visible.map((r) => r.code)],
    );
    const external = new Set<string>(EXTERNAL_SOURCES);
    const rows = new Map<string, DiscoveryRow>(
      visible.map((r) => [r.code, { regionCode: r.code, regionName: r.name, self: 0, external: 0, selfRate: null, bySource: [], byMonth: months.map((month) => ({ month, self: 0, external: 0 })) }]),
    );
    for (const c of counted) {
      const row = rows.get(c.code)!;
      const kind = external.has(c.source) ? 'external' : 'self';
      row[kind] += c.n;
      row.byMonth.find((m) => m.month === c.month)![kind] += c.n;
      const source = row.bySource.find((s) => s.source === c.source);
      if (source) source.count += c.n;
      else row.bySource.push({ source: c.source, count: c.n });
    }
    for (const row of rows.values()) {
      row.selfRate = row.self + row.external ? Math.round((row.self / (row.self + row.external)) * 1000) / 10 : null;
      row.bySource.sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : 1));
    }
    return [...rows.values()];
  }
}
