import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { regionPaths } from '../stats/stats.service.js';
import type { FastTrackDto } from './dto/alerts.dto.js';
import { FIRE_CATEGORY } from './alerts.service.js';

/** The month's first instant in Asia/Shanghai, and the next month's. */
function monthRange(month: string): [Date, Date] {
  const [y, m] = month.split('-').map(Number);
  return [new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000), new Date(Date.UTC(y, m, 1) - 8 * 3_600_000)];
}

/**
 * The 1530 fast track's figure (DESIGN §10): open-burning cases detected in the month (by their
 * detection time, which is when their clock started), and those put out within 30 minutes — the
 * completion reported (or resolved on the spot, or closed) no later than 30 minutes after detection —
 * by county, in the caller's jurisdiction.
 */
@Injectable()
export class FastTrackService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(user: RequestUser, month = shanghaiDate(new Date()).slice(0, 7)): Promise<FastTrackDto> {
    const paths = regionPaths(user, null);
    if (paths === undefined) throw AppError.forbidden('您无权查看统计');
    const [from, to] = monthRange(month);
    const params: unknown[] = [FIRE_CATEGORY, from, to];
    let scope = '';
    if (paths) {
      params.push(paths);
      scope = `AND EXISTS (SELECT 1 FROM unnest($4::text[]) p WHERE c.region_path = p OR c.region_path LIKE p || '.%')`;
    }
    const rows: { regionCode: string; regionName: string; detected: number; closedWithin30Min: number }[] = await this.db.query(
      `WITH f AS (
         SELECT split_part(c.region_path, '.', 2) AS county, c.created_at,
                LEAST(c.closed_at, (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.action IN ('submit_completion', 'resolve_on_spot'))) AS done_at
           FROM "case" c
          WHERE c.category = $1 AND c.created_at >= $2 AND c.created_at < $3 ${scope})
       SELECT f.county AS "regionCode", COALESCE(r.name, f.county) AS "regionName", count(*)::int AS detected,
              count(*) FILTER (WHERE f.done_at <= f.created_at + interval '30 minutes')::int AS "closedWithin30Min"
         FROM f LEFT JOIN region r ON r.code = f.county
        WHERE f.county <> ''
        GROUP BY f.county, r.name ORDER BY f.county`,
      params,
    );
    const rate = (done: number, all: number) => (all ? Math.round((done / all) * 10_000) / 10_000 : null);
    const detected = rows.reduce((n, r) => n + r.detected, 0);
    const closed = rows.reduce((n, r) => n + r.closedWithin30Min, 0);
    return {
      month,
      detected,
      closedWithin30Min: closed,
      rate: rate(closed, detected),
      byCounty: rows.map((r) => ({ ...r, rate: rate(r.closedWithin30Min, r.detected) })),
    };
  }
}
