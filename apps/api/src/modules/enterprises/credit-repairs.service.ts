import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inRegion } from '@ecoloop/auth';
import { CREDIT_REPAIR_ACTIONS, decideCreditRepair, type CreditRepairAction } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { CreateCreditRepairDto, CreditRepairActionDto, CreditRepairDto, ListCreditRepairsQueryDto } from './dto/enterprise.dto.js';
import { EnterpriseHealthService } from './enterprise-health.js';
import { readRepairs, toRepairDto } from './enterprise-views.js';
import type { CreditRepairStep } from './entities/credit-repair.entity.js';
import { isUuid } from '../../core/http/uuid.js';

/** 信用修复 (DESIGN §13): application → county review → 7-day public notice → approved or refused → code recomputed. */
@Injectable()
export class CreditRepairsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly health: EnterpriseHealthService,
  ) {}

  /** An application for an enterprise in the caller's jurisdiction, with its commitment letter and evidence. */
  async apply(user: RequestUser, dto: CreateCreditRepairDto, at = new Date()): Promise<CreditRepairDto> {
    const read = async () =>
      (await this.db.query(`SELECT r.path, e.health_code AS "healthCode", e.health_stale AS stale FROM enterprise e JOIN region r ON r.code = e.region_code WHERE e.credit_code = $1`, [dto.creditCode]))[0];
    let e = await read();
    // Judge "nothing to repair" on the current facts.
    if (e?.stale) {
      await this.db.transaction((m) => this.health.recompute(m, [dto.creditCode], at));
      e = await read();
    }
    if (!e) throw AppError.unprocessable('unknown_enterprise', `企业 ${dto.creditCode} 不在名录中`, [{ field: 'creditCode', message: '企业不存在' }]);
    if (!user.ability.can('create', inRegion('CreditRepair', e.path))) throw AppError.forbidden('您无权为该企业申请信用修复');
    if (e.healthCode === 'green') throw AppError.unprocessable('nothing_to_repair', '该企业为绿码，无需信用修复', [{ field: 'creditCode', message: '绿码企业' }]);
    const step: CreditRepairStep = { action: 'apply', actorId: user.id, actorName: user.displayName, comment: null, at: at.toISOString() };
    const id = await this.db.transaction(async (m) => {
      const owned: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM attachment WHERE id = ANY($1) AND uploaded_by = $2`, [dto.attachmentIds, user.id]);
      if (owned[0].n !== new Set(dto.attachmentIds).size) {
        throw AppError.unprocessable('bad_attachment', '附件不存在或不是您上传的', [{ field: 'attachmentIds', message: '每个附件都必须是您本人上传的文件' }]);
      }
      const rows: { id: string }[] = await m.query(
        `INSERT INTO credit_repair (credit_code, state, commitment, attachment_ids, applicant_id, steps, created_at)
         VALUES ($1, 'under_review', $2, $3, $4, $5::jsonb, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [dto.creditCode, dto.commitment, dto.attachmentIds, user.id, JSON.stringify([step]), at],
      );
      if (!rows.length) throw AppError.conflict('repair_pending', '该企业已有一件正在办理的信用修复申请');
      return rows[0].id;
    });
    return this.get(user, id);
  }

  async list(user: RequestUser, q: ListCreditRepairsQueryDto): Promise<CreditRepairDto[]> {
    return (await readRepairs(this.db, user, q)).map((r) => toRepairDto(r, user));
  }

  async get(user: RequestUser, id: string): Promise<CreditRepairDto> {
    const [row] = isUuid(id) ? await readRepairs(this.db, user, { id }) : [];
    if (!row) throw AppError.notFound('信用修复申请');
    return toRepairDto(row, user);
  }

  /** review_pass → 公示 (7 days); approve (after the notice) or refuse (with a reason). Approval recomputes the code in the same transaction. */
  async act(user: RequestUser, id: string, action: string, dto: CreditRepairActionDto, at = new Date()): Promise<CreditRepairDto> {
    if (!(CREDIT_REPAIR_ACTIONS as readonly string[]).includes(action)) throw AppError.notFound('操作');
    if (!isUuid(id)) throw AppError.notFound('信用修复申请');
    await this.db.transaction(async (m) => {
      const [row] = await readRepairs(m, user, { id }, true);
      if (!row) throw AppError.notFound('信用修复申请');
      if (!user.ability.can(action as CreditRepairAction, inRegion('CreditRepair', row.regionPath))) throw AppError.forbidden('您无权办理该信用修复申请');
      const result = decideCreditRepair(
        { state: row.state, publicityEndsAt: row.publicityEndsAt ? new Date(row.publicityEndsAt) : null },
        action,
        { now: at, comment: dto.comment },
      );
      if (!result.ok) throw AppError.unprocessable(result.code, result.message, result.code === 'invalid_payload' ? [{ field: 'comment', message: result.message }] : undefined);
      const step: CreditRepairStep = { action: action as CreditRepairAction, actorId: user.id, actorName: user.displayName, comment: dto.comment?.trim() || null, at: at.toISOString() };
      const decided = result.next.state === 'approved' || result.next.state === 'refused';
      await m.query(
        `UPDATE credit_repair SET state = $2, publicity_starts_at = CASE WHEN $3 THEN $4::timestamptz ELSE publicity_starts_at END, publicity_ends_at = $5,
                decided_at = CASE WHEN $6 THEN $4::timestamptz ELSE decided_at END, steps = steps || $7::jsonb
          WHERE id = $1`,
        [id, result.next.state, action === 'review_pass', at, result.next.publicityEndsAt, decided, JSON.stringify([step])],
      );
      if (result.recompute) await this.health.recompute(m, [row.creditCode], at);
    });
    return this.get(user, id);
  }
}

