import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { openStateSql, type RegionLevel } from '@ecoloop/workflow';
import type { SignoffStage } from './dto/ledger-signoff.dto.js';
import type { Lag } from './ledger-lag.js';

/** A ledger row as the 序时 sweep reads it: milestones, recorded lag, open cases and progress reports. */
export interface LagRow {
  id: string;
  ledgerId: string;
  seq: number;
  title: string;
  milestones: string[];
  percents: number[];
  lagLevel: Lag['level'] | null;
  lagMilestone: string | null;
  ledgerLevel: RegionLevel;
  ledgerTitle: string;
  openCaseIds: string[];
  submitted: boolean;
  reports: { date: string; percent: number | null }[];
}

/** A ledger row's sign-off stage (销号制). */
export interface SignoffRow {
  id: string;
  seq: number;
  title: string;
  stage: SignoffStage | null;
  noticeEndsOn: string | null;
}

/** The SQL of a ledger row's own bookkeeping: its 序时 lag (DESIGN §15), its sign-off stages and plan. */
@Injectable()
export class LedgerItemsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Rows with a passed milestone or a recorded lag, locked, with their open cases and reports. */
  lagCandidates(m: EntityManager, today: string, ledgerId?: string): Promise<LagRow[]> {
    return m.query(
      `SELECT i.id, i.ledger_id AS "ledgerId", i.seq, i.title,
              array(SELECT to_char(x.d, 'YYYY-MM-DD') FROM unnest(i.milestones) WITH ORDINALITY AS x(d, n) ORDER BY x.n) AS milestones,
              i.milestone_percents AS percents, i.lag_level AS "lagLevel", to_char(i.lag_milestone, 'YYYY-MM-DD') AS "lagMilestone",
              r.level AS "ledgerLevel", l.title AS "ledgerTitle",
              array(SELECT c.id FROM "case" c WHERE c.ledger_item_id = i.id AND ${openStateSql('c.state')} ORDER BY c.id) AS "openCaseIds",
              coalesce((SELECT bool_and(c.state = 'pending_verification') FROM "case" c WHERE c.ledger_item_id = i.id AND ${openStateSql('c.state')}), false) AS submitted,
              coalesce((SELECT json_agg(json_build_object('date', to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), 'percent', p.percent))
                          FROM ledger_progress p WHERE p.ledger_item_id = i.id), '[]'::json) AS reports
         FROM ledger_item i JOIN ledger l ON l.id = i.ledger_id JOIN region r ON r.code = l.region_code
        WHERE (i.lag_level IS NOT NULL OR (cardinality(i.milestones) > 0 AND i.milestones[1] < $1::date))
          AND ($2::uuid IS NULL OR i.ledger_id = $2)
        ORDER BY i.id
          FOR UPDATE OF i`,
      [today, ledgerId ?? null],
    );
  }

  /** Records the row's lag (null: caught up); `lag_since` keeps the first day it fell behind. */
  async setLag(m: EntityManager, itemId: string, lag: Pick<Lag, 'level' | 'milestone'> | null, at: Date): Promise<void> {
    await m.query(
      `UPDATE ledger_item SET lag_level = $2::varchar, lag_milestone = $3::date,
              lag_since = CASE WHEN $2::varchar IS NULL THEN NULL ELSE coalesce(lag_since, $4::timestamptz) END
        WHERE id = $1`,
      [itemId, lag?.level ?? null, lag?.milestone ?? null, at],
    );
  }

  /** The row's sign-off stage, locked until the transaction ends; null when the ledger has no such row. */
  async lockSignoff(m: EntityManager, ledgerId: string, itemId: string): Promise<SignoffRow | null> {
    const [row]: SignoffRow[] = await m.query(
      `SELECT id, seq, title, signoff_stage AS stage, to_char(notice_ends_on, 'YYYY-MM-DD') AS "noticeEndsOn" FROM ledger_item WHERE id = $1 AND ledger_id = $2 FOR UPDATE`,
      [itemId, ledgerId],
    );
    return row ?? null;
  }

  async setSignoffStage(m: EntityManager, itemId: string, stage: SignoffStage | null, noticeEndsOn: string | null, at: Date): Promise<void> {
    await m.query(
      `UPDATE ledger_item SET signoff_stage = $2::varchar, notice_ends_on = $3::date,
              signed_off_at = CASE WHEN $2::varchar = 'signed_off' THEN $4::timestamptz ELSE NULL END
        WHERE id = $1`,
      [itemId, stage, noticeEndsOn, at],
    );
  }

  async setAcceptanceMaterials(m: EntityManager, itemId: string, attachmentIds: string[]): Promise<void> {
    await m.query(`UPDATE ledger_item SET acceptance_attachment_ids = $2 WHERE id = $1`, [itemId, attachmentIds]);
  }

  async setPlan(ledgerId: string, itemId: string, attachmentId: string): Promise<void> {
    await this.db.query(`UPDATE ledger_item SET plan_attachment_id = $2 WHERE id = $1 AND ledger_id = $3`, [itemId, attachmentId, ledgerId]);
  }

  async touchLedger(m: EntityManager, ledgerId: string, at: Date): Promise<void> {
    await m.query(`UPDATE ledger SET updated_at = $2 WHERE id = $1`, [ledgerId, at]);
  }

  /** How many of `ids` are stored attachments. */
  async existingAttachments(ids: string[], m: EntityManager = this.db.manager): Promise<number> {
    const [{ found }] = await m.query(`SELECT count(*)::int AS found FROM attachment WHERE id = ANY ($1::uuid[])`, [ids]);
    return found;
  }
}
