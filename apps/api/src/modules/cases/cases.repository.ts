import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlScope } from '@ecoloop/auth';
import type { CaseSnapshot, DeadlineKind, Effect } from '@ecoloop/workflow';
import { AppError } from '../../core/errors/app-error.js';
import type { PlannedDeadline } from '../deadlines/deadline-planner.service.js';
import { CASE_FROM, CASE_SELECT, type CaseRow } from './case-row.js';
import type { ListCasesQueryDto } from './dto/case.dto.js';
import { eventHash, GENESIS_HASH, type HashedEvent } from './event-hash.js';

/** Counting stops here: beyond it `total` is a lower bound, so a city-wide list never counts a million rows. */
export const COUNT_CAP = 10_000;

/** An event before it joins its case's chain (which gives it caseId, seq and the hashes). */
export type NewEvent = Omit<HashedEvent, 'caseId' | 'seq' | 'payload'> & { payload: Record<string, unknown> };

export interface StoredEvent extends HashedEvent {
  prevHash: string;
  hash: string;
}

export interface NewCaseRow {
  title: string;
  description: string;
  category: string;
  source: string;
  severity: string;
  regionCode: string;
  regionPath: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  enterpriseCreditCode: string | null;
  reporterId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  ledgerId?: string | null;
  ledgerItemId?: string | null;
  snapshot: CaseSnapshot;
  createdAt: Date;
}

export interface TransitionWrite {
  caseId: string;
  expectedVersion: number;
  next: CaseSnapshot;
  effects: Effect[];
  /** Due and reminder times for every start_deadline and extend_deadline effect, in order, planned before the transaction. */
  planned: PlannedDeadline[];
  event: NewEvent;
  /** Extra column changes besides the snapshot (e.g. duplicate_of_id for merge). */
  extra?: { duplicateOfId?: string };
}

const SORT_SQL: Record<string, string> = {
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  dueAt: 'c.due_at',
  code: 'c.code',
  severity: 'c.severity',
};

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The case if it lies inside `scope` (the caller's read rules), else null → 404. */
  async findVisible(id: string, scope: SqlScope): Promise<CaseRow | null> {
    const rows = await this.query<CaseRow>(`SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE c.id = :id AND (${scope.sql})`, { ...scope.params, id });
    return rows[0] ?? null;
  }

  async findByCode(code: string): Promise<CaseRow | null> {
    const rows = await this.db.query(`SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE c.code = $1`, [code]);
    return rows[0] ?? null;
  }

  async findById(id: string, m: EntityManager = this.db.manager): Promise<CaseRow | null> {
    const rows = await m.query(`SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** One page of the cases inside `scope` matching the filters, with a capped count. */
  async list(q: ListCasesQueryDto, scope: SqlScope, extraWhere?: SqlScope): Promise<{ rows: CaseRow[]; total: number; totalExact: boolean }> {
    const where: string[] = [`(${scope.sql})`];
    const params: Record<string, unknown> = { ...scope.params };
    if (extraWhere) {
      where.push(`(${extraWhere.sql})`);
      Object.assign(params, extraWhere.params);
    }
    if (q.state?.length) {
      where.push('c.state IN (:...states)');
      params.states = q.state;
    }
    if (q.category) {
      where.push(`(c.category = :category OR c.category LIKE :categoryPrefix)`);
      params.category = q.category;
      params.categoryPrefix = `${q.category}.%`;
    }
    if (q.source?.length) {
      where.push('c.source IN (:...sources)');
      params.sources = q.source;
    }
    if (q.severity) {
      where.push('c.severity = :severity');
      params.severity = q.severity;
    }
    if (q.regionCode) {
      where.push(`(c.region_path = (SELECT path FROM region WHERE code = :regionCode) OR c.region_path LIKE (SELECT path FROM region WHERE code = :regionCode) || '.%')`);
      params.regionCode = q.regionCode;
    }
    if (q.overdue !== undefined) {
      where.push('c.overdue = :overdue');
      params.overdue = q.overdue;
    }
    if (q.supervised !== undefined) where.push(q.supervised ? 'c.supervision_level IS NOT NULL' : 'c.supervision_level IS NULL');
    if (q.ledgerId) {
      where.push('c.ledger_id = :ledgerId');
      params.ledgerId = q.ledgerId;
    }
    if (q.leadUnitId) {
      where.push('c.lead_unit_id = :leadUnitId');
      params.leadUnitId = q.leadUnitId;
    }
    if (q.q) {
      // The expression of IDX_case_search_trgm (title, code, address), so that search uses the index.
      where.push(`(c.title || ' ' || c.code || ' ' || coalesce(c.address, '')) ILIKE :q`);
      params.q = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    }
    const desc = q.sort.startsWith('-');
    const column = SORT_SQL[q.sort.replace(/^-/, '')];
    // Matches the indexes' order exactly (created_at DESC, id DESC); only due_at can be null.
    const order = `${column} ${desc ? 'DESC' : 'ASC'}${column === 'c.due_at' ? ' NULLS LAST' : ''}, c.id ${desc ? 'DESC' : 'ASC'}`;
    const whereSql = where.join(' AND ');
    const [rows, [{ n }]] = await Promise.all([
      this.query<CaseRow>(`SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE ${whereSql} ORDER BY ${order} LIMIT :limit OFFSET :offset`, {
        ...params,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      }),
      this.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "case" c WHERE ${whereSql} LIMIT ${COUNT_CAP + 1}) s`, params),
    ]);
    return { rows, total: Math.min(n, COUNT_CAP), totalExact: n <= COUNT_CAP };
  }

  /** Inserts a case with its `report` event and first deadlines, in one transaction. */
  async create(c: NewCaseRow, event: Omit<NewEvent, 'at'>, planned: PlannedDeadline[], bind: { attachmentIds: string[]; uploadedBy: string | null }, m?: EntityManager): Promise<{ id: string; deadlineIds: string[] }> {
    const work = async (tx: EntityManager) => {
      const s = c.snapshot;
      const [{ code }] = await tx.query(`SELECT 'JX-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 6, '0') AS code`, [c.createdAt]);
      const [{ id }] = await tx.query(
        `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, lat, lng, address,
                             enterprise_credit_code, reporter_id, reporter_name, reporter_phone, state, owner_level, lead_unit_id,
                             co_unit_ids, supervision_level, signoff_steps, signoff_index, rework_count, reopen_count,
                             ledger_id, ledger_item_id, version, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,1,$27,$27)
         RETURNING id`,
        [
          code, c.title, c.description, c.category, c.source, c.severity, c.regionCode, c.regionPath, c.lat, c.lng, c.address,
          c.enterpriseCreditCode, c.reporterId, c.reporterName, c.reporterPhone, s.state, s.ownerLevel, s.leadUnitId,
          s.coUnitIds, s.supervisionLevel, s.signoffSteps, s.signoffIndex, s.reworkCount, s.reopenCount,
          c.ledgerId ?? null, c.ledgerItemId ?? null, c.createdAt,
        ],
      );
      const deadlineIds: string[] = [];
      for (const d of planned) deadlineIds.push(await this.insertDeadline(tx, id, d));
      await this.refreshDeadlineSummary(tx, id);
      await this.bindAttachments(tx, id, 1, bind.attachmentIds, bind.uploadedBy);
      await this.appendEvent(tx, id, { ...event, at: c.createdAt });
      return { id: id as string, deadlineIds };
    };
    return m ? work(m) : this.db.transaction(work);
  }

  /**
   * The one write of an action: the case row (version checked in the WHERE clause), its deadlines,
   * the attachments it binds and its event, together or not at all. Returns the new deadline ids.
   */
  async applyTransition(w: TransitionWrite, bind: { uploadedBy: string | null }): Promise<string[]> {
    return this.db.transaction(async (m) => {
      const s = w.next;
      const closing = w.effects.some((e) => e.type === 'closed');
      const reopening = w.effects.some((e) => e.type === 'reopened');
      const updated = await m.query(
        `UPDATE "case" SET state = $3, owner_level = $4, lead_unit_id = $5, co_unit_ids = $6, supervision_level = $7,
                signoff_steps = $8, signoff_index = $9, rework_count = $10, reopen_count = $11, pending_extension = $12,
                duplicate_of_id = COALESCE($13, duplicate_of_id),
                closed_at = CASE WHEN $14 THEN $16::timestamptz WHEN $15 THEN NULL ELSE closed_at END,
                version = version + 1, updated_at = $16
          WHERE id = $1 AND version = $2
          RETURNING id`,
        [
          w.caseId, w.expectedVersion, s.state, s.ownerLevel, s.leadUnitId, s.coUnitIds, s.supervisionLevel, s.signoffSteps,
          s.signoffIndex, s.reworkCount, s.reopenCount, s.pendingExtension ? JSON.stringify(s.pendingExtension) : null,
          w.extra?.duplicateOfId ?? null, closing, reopening, w.event.at,
        ],
      );
      if (returned(updated).length === 0) throw AppError.conflict('stale_version', 'The case was changed by someone else; reload it and try again');

      const started = await this.applyDeadlineEffects(m, w.caseId, w.effects, w.planned, w.event.at);
      await this.refreshDeadlineSummary(m, w.caseId);
      const seq = await this.appendEvent(m, w.caseId, w.event);
      await this.bindAttachments(m, w.caseId, seq, w.event.attachmentIds, bind.uploadedBy);
      return started;
    });
  }

  /** Appends an event to the case's hash chain; the caller holds the case row lock. */
  async appendEvent(m: EntityManager, caseId: string, e: NewEvent): Promise<number> {
    const [last] = await m.query(`SELECT seq, hash FROM case_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [caseId]);
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = eventHash(prevHash, { caseId, seq, ...e });
    await m.query(
      `INSERT INTO case_event (case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, actor_unit_id,
                               comment, payload, attachment_ids, at, prev_hash, hash)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [caseId, seq, e.action, e.fromState, e.toState, e.actorId, e.actorName, e.actorRole, e.actorUnitId, e.comment, e.payload, e.attachmentIds, e.at, prevHash, hash],
    );
    return seq;
  }

  /**
   * Keeps the list columns in step with the deadline rows: due_at / deadline_kind of the earliest
   * pending deadline, and `overdue` while an overdue obligation is still unsettled.
   */
  async refreshDeadlineSummary(m: EntityManager, caseId: string): Promise<void> {
    await m.query(
      `UPDATE "case" c SET
          due_at = (SELECT d.due_at FROM deadline d WHERE d.case_id = c.id AND d.status = 'pending' ORDER BY d.due_at LIMIT 1),
          deadline_kind = (SELECT d.kind FROM deadline d WHERE d.case_id = c.id AND d.status = 'pending' ORDER BY d.due_at LIMIT 1),
          overdue = EXISTS (SELECT 1 FROM deadline o WHERE o.case_id = c.id AND o.status = 'overdue' AND o.settled_at IS NULL)
        WHERE c.id = $1`,
      [caseId],
    );
  }

  /** refreshDeadlineSummary for many cases in one statement (deadline timers). */
  async refreshDeadlineSummaries(m: EntityManager, caseIds: string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await m.query(
      `UPDATE "case" c SET
          due_at = (SELECT d.due_at FROM deadline d WHERE d.case_id = c.id AND d.status = 'pending' ORDER BY d.due_at LIMIT 1),
          deadline_kind = (SELECT d.kind FROM deadline d WHERE d.case_id = c.id AND d.status = 'pending' ORDER BY d.due_at LIMIT 1),
          overdue = EXISTS (SELECT 1 FROM deadline o WHERE o.case_id = c.id AND o.status = 'overdue' AND o.settled_at IS NULL)
        WHERE c.id = ANY ($1::uuid[])`,
      [caseIds],
    );
  }

  /**
   * appendEvent for many events of many cases in two statements (deadline timers): each case's
   * events are chained in the order given. The caller holds the row locks of all these cases.
   */
  async appendEvents(m: EntityManager, events: { caseId: string; event: NewEvent }[]): Promise<void> {
    if (events.length === 0) return;
    const caseIds = [...new Set(events.map((e) => e.caseId))];
    const lasts: { id: string; seq: number | null; hash: string | null }[] = await m.query(
      `SELECT c.id, e.seq, e.hash FROM unnest($1::uuid[]) AS c(id)
         LEFT JOIN LATERAL (SELECT seq, hash FROM case_event WHERE case_id = c.id ORDER BY seq DESC LIMIT 1) e ON true`,
      [caseIds],
    );
    const head = new Map(lasts.map((l) => [l.id, { seq: l.seq ?? 0, hash: l.hash ?? GENESIS_HASH }]));
    const rows = events.map(({ caseId, event: e }) => {
      const last = head.get(caseId)!;
      const seq = last.seq + 1;
      const hash = eventHash(last.hash, { caseId, seq, ...e });
      const row = {
        case_id: caseId, seq, action: e.action, from_state: e.fromState, to_state: e.toState, actor_id: e.actorId, actor_name: e.actorName,
        actor_role: e.actorRole, actor_unit_id: e.actorUnitId, comment: e.comment, payload: e.payload, attachment_ids: e.attachmentIds,
        at: e.at.toISOString(), prev_hash: last.hash, hash,
      };
      head.set(caseId, { seq, hash });
      return row;
    });
    await m.query(
      `INSERT INTO case_event (case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, actor_unit_id,
                               comment, payload, attachment_ids, at, prev_hash, hash)
       SELECT case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, actor_unit_id,
              comment, payload, attachment_ids, at, prev_hash, hash
         FROM jsonb_to_recordset($1::jsonb) AS x(case_id uuid, seq int, action text, from_state text, to_state text, actor_id uuid,
              actor_name text, actor_role text, actor_unit_id uuid, comment text, payload jsonb, attachment_ids uuid[], at timestamptz,
              prev_hash text, hash text)`,
      [JSON.stringify(rows)],
    );
  }

  async events(caseId: string): Promise<StoredEvent[]> {
    return this.db.query(
      `SELECT case_id AS "caseId", seq, action, from_state AS "fromState", to_state AS "toState", actor_id AS "actorId",
              actor_name AS "actorName", actor_role AS "actorRole", actor_unit_id AS "actorUnitId", comment, payload,
              attachment_ids AS "attachmentIds", at, prev_hash AS "prevHash", hash
         FROM case_event WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
  }

  async deadlines(caseId: string) {
    return this.db.query(
      `SELECT id, kind, due_at AS "dueAt", original_due_at AS "originalDueAt", status, level
         FROM deadline WHERE case_id = $1 ORDER BY created_at, due_at`,
      [caseId],
    );
  }

  async attachments(caseId: string) {
    return this.db.query(
      `SELECT id, original_name AS "originalName", mime, size::int AS size, event_seq AS "eventSeq" FROM attachment WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
  }

  /**
   * Likely duplicates of a case inside `scope`: open, same top-level category, reported within 30
   * days of it, and within ~1 km (or in the same region when either has no position).
   */
  async findDuplicates(c: CaseRow, scope: SqlScope): Promise<(CaseRow & { distanceM: number | null })[]> {
    return this.query(
      `SELECT ${CASE_SELECT},
              CASE WHEN c.lat IS NULL OR :lat::float8 IS NULL THEN NULL
                   ELSE round(6371000 * 2 * asin(sqrt(power(sin(radians(c.lat - :lat::float8) / 2), 2)
                        + cos(radians(:lat::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lng - :lng::float8) / 2), 2))))::int END AS "distanceM"
         FROM ${CASE_FROM}
        WHERE c.id <> :id AND (${scope.sql})
          AND c.state IN ('reported','pending_dispatch','assigned','rectifying','pending_verification')
          AND split_part(c.category, '.', 1) = split_part(:category, '.', 1)
          AND c.created_at BETWEEN :createdAt::timestamptz - interval '30 days' AND :createdAt::timestamptz + interval '30 days'
          AND (CASE WHEN c.lat IS NULL OR :lat::float8 IS NULL THEN c.region_code = :regionCode
                    ELSE abs(c.lat - :lat::float8) < 0.01 AND abs(c.lng - :lng::float8) < 0.012 END)
        ORDER BY c.created_at DESC LIMIT 20`,
      { ...scope.params, id: c.id, lat: c.lat, lng: c.lng, category: c.category, createdAt: c.createdAt, regionCode: c.regionCode },
    );
  }

  /** For merge: the target's facts, looked up inside the caller's scope. */
  async findMergeTarget(id: string, scope: SqlScope): Promise<{ id: string; state: string; regionPath: string } | null> {
    const rows = await this.query<{ id: string; state: string; regionPath: string }>(
      `SELECT c.id, c.state, c.region_path AS "regionPath" FROM "case" c WHERE c.id = :id AND (${scope.sql})`,
      { ...scope.params, id },
    );
    return rows[0] ?? null;
  }

  private async applyDeadlineEffects(m: EntityManager, caseId: string, effects: Effect[], planned: PlannedDeadline[], at: Date): Promise<string[]> {
    const started: string[] = [];
    let next = 0;
    for (const e of effects) {
      switch (e.type) {
        case 'settle_deadlines':
          await this.settle(m, caseId, e.kinds, e.status, at);
          break;
        case 'start_deadline':
          started.push(await this.insertDeadline(m, caseId, planned[next++]));
          break;
        case 'extend_deadline':
          started.push(await this.extend(m, caseId, planned[next++], at));
          break;
        case 'closed':
          // A closed case owes nothing more but its follow-up review.
          await m.query(
            `UPDATE deadline SET status = CASE WHEN status = 'pending' THEN 'met' ELSE status END, settled_at = $2
              WHERE case_id = $1 AND settled_at IS NULL AND status IN ('pending', 'overdue') AND kind <> 'review'`,
            [caseId, at],
          );
          break;
        case 'reopened':
          break;
      }
    }
    return started;
  }

  /** Pending rows get the new status; overdue rows stay overdue (they were late) but are settled too. */
  private async settle(m: EntityManager, caseId: string, kinds: DeadlineKind[] | 'all', status: 'met' | 'cancelled', at: Date) {
    await m.query(
      `UPDATE deadline SET status = CASE WHEN status = 'pending' THEN $2 ELSE status END, settled_at = $3
        WHERE case_id = $1 AND settled_at IS NULL AND status IN ('pending', 'overdue') AND ($4::text[] IS NULL OR kind = ANY($4))`,
      [caseId, status, at, kinds === 'all' ? null : kinds],
    );
  }

  private async insertDeadline(m: EntityManager, caseId: string, d: PlannedDeadline): Promise<string> {
    // A new deadline of a kind supersedes a pending one (one pending per case and kind).
    await m.query(`UPDATE deadline SET status = 'cancelled', settled_at = now() WHERE case_id = $1 AND kind = $2 AND status = 'pending'`, [caseId, d.kind]);
    const [{ id }] = await m.query(
      `INSERT INTO deadline (case_id, kind, due_at, original_due_at, remind_at, level) VALUES ($1, $2, $3, $3, $4, $5) RETURNING id`,
      [caseId, d.kind, d.dueAt, d.remindAt, d.level ?? null],
    );
    return id;
  }

  /**
   * An approved extension moves the due time (and its reminder) and keeps the original on record.
   * Returns the id of the deadline row that now runs, for its timer.
   */
  private async extend(m: EntityManager, caseId: string, d: PlannedDeadline, at: Date): Promise<string> {
    const [moved] = returned<{ id: string }>(
      await m.query(
        `UPDATE deadline SET due_at = $3, remind_at = $4, reminded_at = NULL WHERE case_id = $1 AND kind = $2 AND status = 'pending' RETURNING id`,
        [caseId, d.kind, d.dueAt, d.remindAt],
      ),
    );
    if (moved) return moved.id;
    // Already overdue: settle the late row and open a new one that remembers the original due time.
    const [late] = returned<{ original_due_at: Date }>(
      await m.query(
        `UPDATE deadline SET settled_at = $3 WHERE case_id = $1 AND kind = $2 AND status = 'overdue' AND settled_at IS NULL RETURNING original_due_at`,
        [caseId, d.kind, at],
      ),
    );
    const [{ id }] = await m.query(
      `INSERT INTO deadline (case_id, kind, due_at, original_due_at, remind_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [caseId, d.kind, d.dueAt, late?.original_due_at ?? d.dueAt, d.remindAt],
    );
    return id;
  }

  /** Binds uploaded files to the case: each must be the uploader's own and not bound elsewhere. */
  private async bindAttachments(m: EntityManager, caseId: string, seq: number, ids: string[], uploadedBy: string | null) {
    if (ids.length === 0) return;
    const bound = await m.query(
      `UPDATE attachment SET case_id = $1, event_seq = $2
        WHERE id = ANY($3) AND case_id IS NULL AND ($4::uuid IS NULL OR uploaded_by = $4) RETURNING id`,
      [caseId, seq, ids, uploadedBy],
    );
    if (returned(bound).length !== new Set(ids).size) {
      throw AppError.unprocessable('bad_attachment', 'An attachment is unknown, not yours, or already bound to a case', [
        { field: 'attachmentIds', message: 'each attachment must be an unbound upload of your own' },
      ]);
    }
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}

/** TypeORM's query() answers UPDATE/DELETE … RETURNING with [rows, affectedCount]; INSERT/SELECT with rows. */
export function returned<T = Record<string, unknown>>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) && typeof r[1] === 'number' ? r[0] : r) as T[];
}
