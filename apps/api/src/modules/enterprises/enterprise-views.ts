// Reading repairs and 约谈 records for a caller: SQL scoped from the caller's CASL rules (DESIGN §5),
// mapped to their DTOs. Shared by the enterprise detail and the lists of their own routes.
import { inRegion, scopeToSql } from '@ecoloop/auth';
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import type { CreditRepairStep } from './entities/credit-repair.entity.js';
import type { CreditRepairDto, InterviewDto } from './dto/enterprise.dto.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const REGION_SCOPE = { regionPath: 'r.path' };

export interface CreditRepairRow {
  id: string;
  creditCode: string;
  enterpriseName: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  state: CreditRepairDto['state'];
  commitment: string;
  attachmentIds: string[];
  publicityStartsAt: Date | null;
  publicityEndsAt: Date | null;
  decidedAt: Date | null;
  steps: CreditRepairStep[];
  createdAt: Date;
}

const REPAIR_SELECT = `SELECT p.id, p.credit_code AS "creditCode", e.name AS "enterpriseName", e.region_code AS "regionCode", r.name AS "regionName", r.path AS "regionPath",
       p.state, p.commitment, p.attachment_ids AS "attachmentIds", p.publicity_starts_at AS "publicityStartsAt", p.publicity_ends_at AS "publicityEndsAt",
       p.decided_at AS "decidedAt", p.steps, p.created_at AS "createdAt"
  FROM credit_repair p JOIN enterprise e ON e.credit_code = p.credit_code JOIN region r ON r.code = e.region_code`;

/** Repairs the caller may read, optionally of one state / enterprise / id; newest first. */
export async function readRepairs(
  db: DataSource | EntityManager,
  user: RequestUser,
  where: { id?: string; state?: string; creditCode?: string },
  lock = false,
): Promise<CreditRepairRow[]> {
  const scope = scopeToSql(user.ability, 'read', 'CreditRepair', REGION_SCOPE, 'rs');
  const driver = 'driver' in db ? db.driver : db.connection.driver;
  const [sql, params] = driver.escapeQueryWithParameters(
    `${REPAIR_SELECT} WHERE (${scope.sql})
       AND (CAST(:id AS uuid) IS NULL OR p.id = CAST(:id AS uuid)) AND (CAST(:state AS varchar) IS NULL OR p.state = :state)
       AND (CAST(:code AS varchar) IS NULL OR p.credit_code = :code)
     ORDER BY p.created_at DESC LIMIT 500${lock ? ' FOR UPDATE OF p' : ''}`,
    { ...scope.params, id: where.id ?? null, state: where.state ?? null, code: where.creditCode ?? null },
  );
  return db.query(sql, params);
}

export function toRepairDto(r: CreditRepairRow, user: RequestUser): CreditRepairDto {
  const subject = inRegion('CreditRepair', r.regionPath);
  const possible = r.state === 'under_review' ? ['review_pass', 'refuse'] : r.state === 'publicized' ? ['approve', 'refuse'] : [];
  return {
    id: r.id,
    creditCode: r.creditCode,
    enterpriseName: r.enterpriseName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    state: r.state,
    commitment: r.commitment,
    attachmentIds: r.attachmentIds,
    publicityStartsAt: iso(r.publicityStartsAt),
    publicityEndsAt: iso(r.publicityEndsAt),
    decidedAt: iso(r.decidedAt),
    steps: r.steps.map((s) => ({ action: s.action, actorName: s.actorName, comment: s.comment, at: s.at })),
    allowedActions: possible.filter((a) => user.ability.can(a as 'approve', subject)),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** 约谈 records the caller may read, of a region subtree or an enterprise; newest first. */
export async function readInterviews(db: DataSource, user: RequestUser, where: { regionPath?: string; creditCode?: string; id?: string }): Promise<InterviewDto[]> {
  const scope = scopeToSql(user.ability, 'read', 'Interview', REGION_SCOPE, 'is');
  const [sql, params] = db.driver.escapeQueryWithParameters(
    `SELECT i.id, i.region_code AS "regionCode", r.name AS "regionName", i.enterprise_credit_code AS "enterpriseCreditCode", e.name AS "enterpriseName",
            i.held_at AS "heldAt", i.interviewer, i.attendees, i.demands, i.follow_up_case_id AS "followUpCaseId", c.code AS "followUpCaseCode",
            u.display_name AS "createdByName", i.created_at AS "createdAt"
       FROM interview i JOIN region r ON r.code = i.region_code JOIN app_user u ON u.id = i.created_by_id
       LEFT JOIN enterprise e ON e.credit_code = i.enterprise_credit_code LEFT JOIN "case" c ON c.id = i.follow_up_case_id
      WHERE (${scope.sql}) AND (CAST(:path AS varchar) IS NULL OR r.path = :path OR r.path LIKE :path || '.%')
        AND (CAST(:code AS varchar) IS NULL OR i.enterprise_credit_code = :code) AND (CAST(:id AS uuid) IS NULL OR i.id = CAST(:id AS uuid))
      ORDER BY i.held_at DESC LIMIT 500`,
    { ...scope.params, path: where.regionPath ?? null, code: where.creditCode ?? null, id: where.id ?? null },
  );
  const rows: (Omit<InterviewDto, 'heldAt' | 'createdAt'> & { heldAt: Date; createdAt: Date })[] = await db.query(sql, params);
  return rows.map((r) => ({ ...r, heldAt: new Date(r.heldAt).toISOString(), createdAt: new Date(r.createdAt).toISOString() }));
}
