import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActionPayload } from '@ecoloop/workflow';

export interface EnforcementRecord {
  id: string;
  caseId: string;
  caseCode: string;
  eventSeq: number;
  enterpriseCreditCode: string | null;
  caseNumber: string;
  penaltyDecisionNo: string | null;
  fine: number | null;
  policeReferral: boolean;
  actorId: string;
  actorName: string;
  at: Date;
}

/** 移交执法 records (DESIGN §13), written in the transaction of the case's `transfer_enforcement` event. */
@Injectable()
export class EnforcementRepository {
  /**
   * Stores the record of the event `eventSeq` of `caseId`, and marks the enterprise's health code for
   * recomputation when a penalty was decided.
   */
  async record(
    m: EntityManager,
    r: { caseId: string; eventSeq: number; enterpriseCreditCode: string | null; actorId: string; at: Date; payload: ActionPayload },
  ): Promise<void> {
    await m.query(
      `INSERT INTO enforcement_transfer (case_id, event_seq, enterprise_credit_code, case_number, penalty_decision_no, fine, police_referral, actor_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.caseId, r.eventSeq, r.enterpriseCreditCode, r.payload.caseNumber, r.payload.penaltyDecisionNo ?? null, r.payload.fine ?? null, r.payload.policeReferral ?? false, r.actorId, r.at],
    );
    if (r.enterpriseCreditCode) await m.query(`UPDATE enterprise SET health_stale = true WHERE credit_code = $1`, [r.enterpriseCreditCode]);
  }

  /** Records of the cases of some enterprises, or of one case; newest first. */
  async list(m: EntityManager, where: { caseId?: string; creditCode?: string }): Promise<EnforcementRecord[]> {
    const rows = await m.query(
      `SELECT t.id, t.case_id AS "caseId", c.code AS "caseCode", t.event_seq AS "eventSeq", t.enterprise_credit_code AS "enterpriseCreditCode",
              t.case_number AS "caseNumber", t.penalty_decision_no AS "penaltyDecisionNo", t.fine::float8 AS fine,
              t.police_referral AS "policeReferral", t.actor_id AS "actorId", u.display_name AS "actorName", t.at
         FROM enforcement_transfer t JOIN "case" c ON c.id = t.case_id JOIN app_user u ON u.id = t.actor_id
        WHERE ($1::uuid IS NULL OR t.case_id = $1) AND ($2::varchar IS NULL OR t.enterprise_credit_code = $2)
        ORDER BY t.at DESC LIMIT 200`,
      [where.caseId ?? null, where.creditCode ?? null],
    );
    return rows;
  }
}
