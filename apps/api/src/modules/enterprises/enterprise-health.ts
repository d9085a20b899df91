// The stored health code of each enterprise, recomputed from confirmed facts (libs/workflow
// enterpriseHealth) whenever its facts changed: a trigger marks the enterprise stale when one of its
// cases is opened or changes state; enforcement transfers, machine alerts naming the enterprise and
// credit repairs mark it in their own transactions. Readers call refreshStale() first, so a list never shows an outdated colour.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DISCARDED_STATES, EXCEEDANCE_WINDOW_DAYS, isOpenState, stateInSql, PUBLIC_REPORT_SOURCES, enterpriseHealth, type CaseSource, type CaseState, type CreditRating, type HealthFact, type HealthResult } from '@ecoloop/workflow';

interface CaseFactRow {
  creditCode: string;
  code: string;
  state: CaseState;
  severity: 'general' | 'major';
  source: CaseSource;
  createdAt: Date;
  /** The finding of the latest completion report. */
  finding: string | null;
  /** When the case was first signed off (closed), even if a follow-up review reopened it since. */
  signedOffAt: Date | null;
}

interface PenaltyRow {
  creditCode: string;
  caseCode: string;
  penaltyDecisionNo: string;
  policeReferral: boolean;
  at: Date;
}

interface ExceedanceRow {
  creditCode: string;
  at: Date;
  grade: 'short' | 'sustained' | 'repeated';
  pollutant: string | null;
}

/**
 * A monitoring exceedance (DESIGN §10, §13): an online-monitoring alert of the enterprise's own point
 * whose reading is above its limit. Readings at or below the limit, alerts without a reading and
 * observations (cameras, drones, satellites, 走航 of the ambient air) are not facts about the
 * enterprise's discharge: cases they open count once confirmed, like any other case.
 */
export const EXCEEDANCE_SQL = `a.source = 'online_monitoring' AND a.value IS NOT NULL AND a."limit" IS NOT NULL AND a.value > a."limit"`;

/** Enterprises refreshed per call; more wait for the next reader. */
const REFRESH_BATCH = 500;

/**
 * A case's facts: signed off with a confirmed finding → a violation (or an upheld complaint), from
 * its first sign-off on, even if a follow-up review reopened it; otherwise, while open → unverified.
 */
export function caseFacts(c: CaseFactRow): HealthFact[] {
  if (c.finding === 'confirmed' && c.signedOffAt) {
    const complaint = PUBLIC_REPORT_SOURCES.includes(c.source);
    return [{ kind: complaint ? 'complaint_upheld' : 'confirmed_violation', at: c.signedOffAt, major: c.severity === 'major', caseCode: c.code }];
  }
  if (isOpenState(c.state)) return [{ kind: 'unverified_complaint', at: c.createdAt, caseCode: c.code }];
  return [];
}

@Injectable()
export class EnterpriseHealthService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Recomputes the codes of stale enterprises (skipping those another request is refreshing). */
  async refreshStale(now = new Date()): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { creditCode: string }[] = await m.query(
        `SELECT credit_code AS "creditCode" FROM enterprise WHERE health_stale ORDER BY credit_code LIMIT ${REFRESH_BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length) await this.recompute(m, rows.map((r) => r.creditCode), now);
      return rows.length;
    });
  }

  /** The code of each enterprise from its facts, stored with its reasons; a change is added to the history. */
  async recompute(m: EntityManager, creditCodes: string[], now = new Date()): Promise<Map<string, HealthResult>> {
    const results = new Map<string, HealthResult>();
    if (creditCodes.length === 0) return results;
    // One after another: a transaction is one connection, and pg no longer takes a query while one runs.
    const [enterprises, cases, penalties, repairs, exceedances] = await inTurn([
      () => m.query(`SELECT credit_code AS "creditCode", credit_rating AS "creditRating", health_code AS "healthCode", health_at AS "healthAt" FROM enterprise WHERE credit_code = ANY($1)`, [creditCodes]) as Promise<
        { creditCode: string; creditRating: CreditRating | null; healthCode: string; healthAt: Date | null }[]
      >,
      () => m.query(
        `SELECT c.enterprise_credit_code AS "creditCode", c.code, c.state, c.severity, c.source, c.created_at AS "createdAt",
                (SELECT e.payload->>'finding' FROM case_event e WHERE e.case_id = c.id AND e.action = 'submit_completion' ORDER BY e.seq DESC LIMIT 1) AS finding,
                (SELECT min(e.at) FROM case_event e WHERE e.case_id = c.id AND e.to_state = 'closed' AND e.from_state <> 'closed') AS "signedOffAt"
           FROM "case" c WHERE c.enterprise_credit_code = ANY($1) AND ${stateInSql('c.state', DISCARDED_STATES, true)}`,
        [creditCodes],
      ) as Promise<CaseFactRow[]>,
      () => m.query(
        `SELECT t.enterprise_credit_code AS "creditCode", c.code AS "caseCode", t.penalty_decision_no AS "penaltyDecisionNo", t.police_referral AS "policeReferral", t.at
           FROM enforcement_transfer t JOIN "case" c ON c.id = t.case_id
          WHERE t.enterprise_credit_code = ANY($1) AND t.penalty_decision_no IS NOT NULL`,
        [creditCodes],
      ) as Promise<PenaltyRow[]>,
      () => m.query(`SELECT credit_code AS "creditCode", decided_at AS "decidedAt" FROM credit_repair WHERE state = 'approved' AND credit_code = ANY($1)`, [creditCodes]) as Promise<
        { creditCode: string; decidedAt: Date }[]
      >,
      // Older exceedances no longer count (enterpriseHealth ignores them too): not read.
      () => m.query(
        `SELECT a.enterprise_credit_code AS "creditCode", a.observed_at AS at, a.grade, a.pollutant
           FROM alert a WHERE a.enterprise_credit_code = ANY($1) AND a.observed_at > $2 AND ${EXCEEDANCE_SQL}
          ORDER BY a.observed_at`,
        [creditCodes, new Date(now.getTime() - EXCEEDANCE_WINDOW_DAYS * 86_400_000)],
      ) as Promise<ExceedanceRow[]>,
    ]);
    const facts = new Map<string, HealthFact[]>(creditCodes.map((c) => [c, []]));
    for (const c of cases) facts.get(c.creditCode)?.push(...caseFacts(c));
    for (const p of penalties) {
      facts.get(p.creditCode)?.push({ kind: 'penalty', at: p.at, decisionNo: p.penaltyDecisionNo, policeReferral: p.policeReferral, caseCode: p.caseCode });
    }
    for (const x of exceedances) facts.get(x.creditCode)?.push({ kind: 'exceedance', at: x.at, grade: x.grade, pollutant: x.pollutant });
    const updates: { creditCode: string; code: string; reasons: string; changed: boolean; from: string | null }[] = [];
    for (const e of enterprises) {
      const result = enterpriseHealth({
        facts: facts.get(e.creditCode) ?? [],
        creditRating: e.creditRating,
        repairsApprovedAt: repairs.filter((r) => r.creditCode === e.creditCode).map((r) => r.decidedAt),
        now,
      });
      results.set(e.creditCode, result);
      const first = e.healthAt === null;
      updates.push({ creditCode: e.creditCode, code: result.code, reasons: JSON.stringify(result.reasons), changed: first || e.healthCode !== result.code, from: first ? null : e.healthCode });
    }
    if (updates.length === 0) return results;
    await m.query(
      `UPDATE enterprise e SET health_code = u.code, health_reasons = u.reasons::jsonb, health_at = $2, health_stale = false
         FROM jsonb_to_recordset($1::jsonb) AS u("creditCode" varchar, code varchar, reasons text)
        WHERE e.credit_code = u."creditCode"`,
      [JSON.stringify(updates), now],
    );
    const changed = updates.filter((u) => u.changed);
    if (changed.length) {
      await m.query(
        `INSERT INTO enterprise_code_history (credit_code, from_code, code, reasons, at)
         SELECT u."creditCode", u."from", u.code, u.reasons::jsonb, $2 FROM jsonb_to_recordset($1::jsonb) AS u("creditCode" varchar, "from" varchar, code varchar, reasons text)`,
        [JSON.stringify(changed), now],
      );
    }
    return results;
  }
}

/** Runs the queries one after another (as Promise.all would, but never two at once on one connection). */
async function inTurn<T extends readonly unknown[]>(queries: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as unknown as T;
}
