import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesService } from '../cases/cases.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { PetitionStatsQueryDto, PetitionStatsRowDto } from './dto/petition.dto.js';

type Counts = Omit<PetitionStatsRowDto, 'onTimeAcceptanceRate' | 'onTimeReplyRate' | 'satisfactionRate' | 'repeatRate'>;

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * GET /petitions/stats (DESIGN §9), per county and month of receipt, over the petitions the caller
 * may read. Definitions:
 * - on-time acceptance: acceptance-notice clocks settled by their due time / those due (settled, or
 *   already past due); cancelled clocks (merged duplicates) do not count;
 * - on-time reply: the same over reply clocks (a new reply after a dissatisfied 回访 is a clock of its
 *   own; an extension moves the due time, as the regulation allows);
 * - satisfaction: petitions whose latest 回访 is satisfied or basically satisfied / those followed up;
 * - repeat petitions: merged duplicates, or petitions of someone (same id number or phone) who had
 *   filed another petition in the 365 days before / petitions received.
 */
@Injectable()
export class PetitionStatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly regions: RegionsRepository,
  ) {}

  async stats(user: RequestUser, q: PetitionStatsQueryDto): Promise<PetitionStatsRowDto[]> {
    const scope = this.cases.readScope(user);
    const where = [`(${scope.sql})`];
    const params: Record<string, unknown> = { ...scope.params };
    if (q.regionCode) {
      const region = await this.regions.find(q.regionCode);
      if (!region) throw AppError.notFound('行政区划');
      where.push(`(c.region_path = :rp OR c.region_path LIKE :rpLike)`);
      Object.assign(params, { rp: region.path, rpLike: `${region.path}.%` });
    }
    const month = `to_char(p.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    if (q.from) {
      where.push(`${month} >= :from`);
      params.from = q.from;
    }
    if (q.to) {
      where.push(`${month} <= :to`);
      params.to = q.to;
    }
    const sql = `
      WITH p AS (
        SELECT p.case_id, p.received_at, p.satisfaction, c.state AS case_state,
               coalesce(nullif(split_part(c.region_path, '.', 2), ''), split_part(c.region_path, '.', 1)) AS county,
               ${month} AS month
          FROM petition p JOIN "case" c ON c.id = p.case_id
         WHERE ${where.join(' AND ')}
      ), clocks AS (
        SELECT d.case_id, d.kind,
               count(*) FILTER (WHERE d.status <> 'cancelled' AND (d.settled_at IS NOT NULL OR d.due_at < now())) AS due,
               count(*) FILTER (WHERE d.status <> 'cancelled' AND d.settled_at IS NOT NULL AND d.settled_at <= d.due_at) AS on_time
          FROM deadline d
         WHERE d.case_id IN (SELECT case_id FROM p) AND d.kind IN ('petition_accept', 'petition_reply')
         GROUP BY d.case_id, d.kind
      )
      SELECT p.county AS "regionCode", r.name AS "regionName", p.month,
             count(*)::int AS received,
             coalesce(sum(a.due), 0)::int AS "acceptanceDue",
             coalesce(sum(a.on_time), 0)::int AS "acceptanceOnTime",
             coalesce(sum(rp.due), 0)::int AS "replyDue",
             coalesce(sum(rp.on_time), 0)::int AS "replyOnTime",
             count(*) FILTER (WHERE p.satisfaction IS NOT NULL)::int AS "followedUp",
             count(*) FILTER (WHERE p.satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
             count(*) FILTER (WHERE p.case_state = 'merged' OR EXISTS (
               SELECT 1 FROM petitioner me
                 JOIN petitioner other ON other.original_case_id <> me.original_case_id
                  AND ((me.id_number IS NOT NULL AND other.id_number = me.id_number) OR (me.phone IS NOT NULL AND other.phone = me.phone))
                 JOIN petition earlier ON earlier.case_id = other.original_case_id
                WHERE me.original_case_id = p.case_id
                  AND earlier.received_at < p.received_at AND earlier.received_at >= p.received_at - interval '365 days'))::int AS repeat
        FROM p
        JOIN region r ON r.code = p.county
        LEFT JOIN clocks a ON a.case_id = p.case_id AND a.kind = 'petition_accept'
        LEFT JOIN clocks rp ON rp.case_id = p.case_id AND rp.kind = 'petition_reply'
       GROUP BY p.county, r.name, p.month
       ORDER BY p.month, p.county`;
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    const rows: Counts[] = await this.db.query(text, values);
    return rows.map((r) => ({
      ...r,
      onTimeAcceptanceRate: rate(r.acceptanceOnTime, r.acceptanceDue),
      onTimeReplyRate: rate(r.replyOnTime, r.replyDue),
      satisfactionRate: rate(r.satisfied, r.followedUp),
      repeatRate: rate(r.repeat, r.received),
    }));
  }
}
