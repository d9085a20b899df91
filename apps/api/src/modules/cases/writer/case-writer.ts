import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../../../core/database/prepared.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { CaseChange } from './case-change.js';
import { WriteBatcher } from './write-batcher.js';

/** Cases per statement: a ledger import of thousands of rows is written in a few statements. */
const CHUNK = 1000;
/**
 * Write statements of one process on their way at once; writes arriving meanwhile are merged into
 * the next statement (group commit). One at a time gave the largest batches and the most writes per second in bench:write.
 */
const WRITE_PARALLEL = 1;

export interface Written {
  id: string;
  code: string;
  version: number;
}

export interface WriteOutcome {
  /** The cases written, by id. */
  written: Map<string, Written>;
  /** Changes whose compare-and-set failed (someone changed the case since it was read): nothing of them was written. */
  stale: string[];
}

const CASE_COLUMNS = `state text, owner_level text, lead_unit_id uuid, co_unit_ids uuid[], supervision_level text, signoff_steps text[],
  signoff_index int, rework_count int, reopen_count int, pending_extension jsonb, duplicate_of_id uuid, closed_at timestamptz,
  due_at timestamptz, deadline_kind text, overdue boolean, version int, last_seq int, last_hash text, updated_at timestamptz`;

/**
 * The one write of every case change (DESIGN §4, §14): case rows (inserted, or updated with the
 * version and chain head in the WHERE clause), their hash-chained events, deadline rows (started,
 * settled, moved, marked overdue or reminded) and attachment bindings, for one case or thousands,
 * in ONE statement per chunk. A change whose compare-and-set fails writes nothing at all. Callers
 * build the changes with CaseChange (the machine's results applied in memory) and get back the
 * new versions and codes without reading again.
 */
@Injectable()
export class CaseWriter {
  private readonly batcher = new WriteBatcher<CaseChange, Written>((changes) => this.writeChunks(changes, undefined), WRITE_PARALLEL, CHUNK);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes the changes. Inside a transaction of the caller's (`m`) they go at once. Without one, a
   * single chunk without attachments is one auto-committed statement, shared with the writes of
   * other requests that wait meanwhile (WriteBatcher); anything more runs in a transaction of its own.
   * Attachments that are unknown, not the uploader's or already bound refuse the whole write (422).
   */
  async write(changes: CaseChange[], m?: EntityManager): Promise<WriteOutcome> {
    if (changes.length === 0) return { written: new Map(), stale: [] };
    // Every write moves the chain head: the compare-and-set of a writer holding an older head (a
    // remembered case, RecentCases) must fail. A change without an event is a bug of its caller.
    const silent = changes.find((c) => c.events.length === 0);
    if (silent) throw new Error(`case change of ${silent.id} records no event`);
    if (m) return this.writeChunks(changes, m);
    if (changes.length > CHUNK || changes.some((c) => c.attachments.length > 0)) return this.db.transaction((tx) => this.writeChunks(changes, tx));
    return this.batcher.submit(changes);
  }

  /** One existing or new case; a stale version answers 409. */
  async writeOne(change: CaseChange, m?: EntityManager): Promise<Written> {
    const outcome = await this.write([change], m);
    const written = outcome.written.get(change.id);
    if (!written) throw staleVersion();
    return written;
  }

  private async writeChunks(changes: CaseChange[], m: EntityManager | undefined): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { written: new Map(), stale: [] };
    for (let i = 0; i < changes.length; i += CHUNK) {
      const chunk = changes.slice(i, i + CHUNK);
      const { text, values } = writeStatement(chunk);
      const rows = await preparedQuery<Written & { bound: number }>(this.db, m, text, values);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const c of chunk) {
        const row = byId.get(c.id);
        if (!row) {
          outcome.stale.push(c.id);
          continue;
        }
        const expected = c.attachments.reduce((n, a) => n + a.ids.length, 0);
        if (row.bound !== expected) {
          throw AppError.unprocessable('bad_attachment', '附件不存在、不属于您或已被其他案件使用', [
            { field: 'attachmentIds', message: '每个附件都必须是您本人上传且尚未使用的文件' },
          ]);
        }
        outcome.written.set(c.id, { id: row.id, code: row.code, version: row.version });
      }
    }
    return outcome;
  }
}

export function staleVersion(details?: { field: string; message: string }[]): AppError {
  return AppError.conflict('stale_version', '案件已被他人修改，请刷新后重试', details);
}

function snapshotColumns(c: CaseChange) {
  const s = c.snapshot;
  const sum = c.summary();
  return {
    state: s.state,
    owner_level: s.ownerLevel,
    lead_unit_id: s.leadUnitId,
    co_unit_ids: s.coUnitIds,
    supervision_level: s.supervisionLevel,
    signoff_steps: s.signoffSteps,
    signoff_index: s.signoffIndex,
    rework_count: s.reworkCount,
    reopen_count: s.reopenCount,
    pending_extension: s.pendingExtension,
    duplicate_of_id: c.duplicateOfId,
    closed_at: c.closedAt,
    due_at: sum.dueAt,
    deadline_kind: sum.deadlineKind,
    overdue: sum.overdue,
    version: c.nextVersion,
    last_seq: c.lastSeq,
    last_hash: c.lastHash,
    updated_at: c.updatedAt,
  };
}

/** The statement that writes `chunk` (at most CHUNK changes), with its parameters. */
export function writeStatement(chunk: CaseChange[]): { text: string; values: (string | string[])[] } {
  return { text: WRITE_SQL, values: params(chunk) };
}

function params(chunk: CaseChange[]): (string | string[])[] {
  const inserts = chunk.filter((c) => c.isNew).map((c) => {
    const f = c.fields!;
    return {
      id: c.id,
      title: f.title,
      description: f.description,
      category: f.category,
      source: f.source,
      severity: f.severity,
      region_code: f.regionCode,
      region_path: f.regionPath,
      lat: f.lat,
      lng: f.lng,
      address: f.address,
      enterprise_credit_code: f.enterpriseCreditCode,
      reporter_id: f.reporterId,
      reporter_name: f.reporterName,
      reporter_phone: f.reporterPhone,
      ledger_id: f.ledgerId,
      ledger_item_id: f.ledgerItemId,
      created_at: f.createdAt,
      ...snapshotColumns(c),
      updated_at: c.updatedAt ?? f.createdAt,
    };
  });
  const updates = chunk.filter((c) => !c.isNew).map((c) => ({ id: c.id, expected_version: c.expected!.version, expected_seq: c.expected!.lastSeq, ...snapshotColumns(c), taken_by_id: c.takenById, keep_taken_by: c.takenById === undefined }));
  const events = chunk.flatMap((c) =>
    c.events.map((e) => ({
      case_id: c.id,
      seq: e.seq,
      action: e.action,
      from_state: e.fromState,
      to_state: e.toState,
      actor_id: e.actorId,
      actor_name: e.actorName,
      actor_role: e.actorRole,
      actor_unit_id: e.actorUnitId,
      comment: e.comment,
      payload: e.payload,
      attachment_ids: e.attachmentIds,
      at: e.at,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
  );
  const deadlineUpdates: ({ id: string } & Record<string, unknown>)[] = [];
  const deadlineInserts: object[] = [];
  for (const c of chunk) {
    const { inserts: ins, updates: upd } = c.deadlineWrites();
    for (const d of upd) deadlineUpdates.push({ id: d.id, case_id: c.id, status: d.status, due_at: d.dueAt, remind_at: d.remindAt, reminded_at: d.remindedAt, settled_at: d.settledAt });
    for (const d of ins) {
      deadlineInserts.push({
        id: d.id,
        case_id: c.id,
        kind: d.kind,
        due_at: d.dueAt,
        original_due_at: d.originalDueAt,
        remind_at: d.remindAt,
        status: d.status,
        level: d.level,
        reminded_at: d.remindedAt,
        settled_at: d.settledAt,
      });
    }
  }
  const attachments = chunk.flatMap((c) => c.attachments.flatMap((a) => a.ids.map((id) => ({ id, case_id: c.id, seq: a.seq, uploaded_by: a.uploadedBy }))));
  const json = [inserts, updates, events, deadlineUpdates, deadlineInserts, attachments].map((rows) => JSON.stringify(rows));
  // The keys of the rows updated, as arrays: PostgreSQL guesses 100 rows for any jsonb_to_recordset,
  // and with that guess it joins a small table by scanning all of it; `= ANY(keys)` makes it look them up.
  return [...json, updates.map((u) => u.id), deadlineUpdates.map((d) => d.id)];
}

// Data-modifying CTEs all see the statement's starting snapshot; every part joins `ok` (the case
// rows actually written), so a failed compare-and-set writes nothing, and the deadline inserts wait
// for the updates (`du`) so that a superseded pending row is cancelled before its successor exists.
const WRITE_SQL = `
WITH nc AS (
  INSERT INTO "case" (id, code, title, description, category, source, severity, region_code, region_path, lat, lng, address,
                      enterprise_credit_code, reporter_id, reporter_name, reporter_phone, ledger_id, ledger_item_id, created_at,
                      state, owner_level, lead_unit_id, co_unit_ids, supervision_level, signoff_steps, signoff_index, rework_count,
                      reopen_count, pending_extension, duplicate_of_id, closed_at, due_at, deadline_kind, overdue, version, last_seq,
                      last_hash, updated_at)
  SELECT x.id, 'JX-' || to_char(x.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 6, '0'),
         x.title, x.description, x.category, x.source, x.severity, x.region_code, x.region_path, x.lat, x.lng, x.address,
         x.enterprise_credit_code, x.reporter_id, x.reporter_name, x.reporter_phone, x.ledger_id, x.ledger_item_id, x.created_at,
         x.state, x.owner_level, x.lead_unit_id, x.co_unit_ids, x.supervision_level, x.signoff_steps, x.signoff_index, x.rework_count,
         x.reopen_count, x.pending_extension, x.duplicate_of_id, x.closed_at, x.due_at, x.deadline_kind, x.overdue, x.version, x.last_seq,
         x.last_hash, x.updated_at
    FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, title text, description text, category text, source text, severity text,
         region_code text, region_path text, lat float8, lng float8, address text, enterprise_credit_code text, reporter_id uuid,
         reporter_name text, reporter_phone text, ledger_id uuid, ledger_item_id uuid, created_at timestamptz, ${CASE_COLUMNS}))
         WITH ORDINALITY AS x(id, title, description, category, source, severity, region_code, region_path, lat, lng, address,
         enterprise_credit_code, reporter_id, reporter_name, reporter_phone, ledger_id, ledger_item_id, created_at, state, owner_level,
         lead_unit_id, co_unit_ids, supervision_level, signoff_steps, signoff_index, rework_count, reopen_count, pending_extension,
         duplicate_of_id, closed_at, due_at, deadline_kind, overdue, version, last_seq, last_hash, updated_at, n)
   ORDER BY x.n
  RETURNING id, code, version
), uc AS (
  UPDATE "case" c SET state = x.state, owner_level = x.owner_level, lead_unit_id = x.lead_unit_id, co_unit_ids = x.co_unit_ids,
         supervision_level = x.supervision_level, signoff_steps = x.signoff_steps, signoff_index = x.signoff_index,
         rework_count = x.rework_count, reopen_count = x.reopen_count, pending_extension = x.pending_extension,
         duplicate_of_id = x.duplicate_of_id, closed_at = x.closed_at, due_at = x.due_at, deadline_kind = x.deadline_kind,
         overdue = x.overdue, version = x.version, last_seq = x.last_seq, last_hash = x.last_hash,
         updated_at = COALESCE(x.updated_at, c.updated_at), taken_by_id = CASE WHEN x.keep_taken_by THEN c.taken_by_id ELSE x.taken_by_id END
    FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, expected_version int, expected_seq int, ${CASE_COLUMNS}, taken_by_id uuid, keep_taken_by boolean)
   WHERE c.id = ANY($7::uuid[]) AND c.id = x.id AND c.version = x.expected_version AND c.last_seq = x.expected_seq
  RETURNING c.id, c.code, c.version
), ok AS (
  SELECT id, code, version FROM nc UNION ALL SELECT id, code, version FROM uc
), ev AS (
  INSERT INTO case_event (case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, actor_unit_id, comment, payload,
                          attachment_ids, at, prev_hash, hash)
  SELECT e.case_id, e.seq, e.action, e.from_state, e.to_state, e.actor_id, e.actor_name, e.actor_role, e.actor_unit_id, e.comment,
         e.payload, e.attachment_ids, e.at, e.prev_hash, e.hash
    FROM jsonb_to_recordset($3::jsonb) AS e(case_id uuid, seq int, action text, from_state text, to_state text, actor_id uuid,
         actor_name text, actor_role text, actor_unit_id uuid, comment text, payload jsonb, attachment_ids uuid[], at timestamptz,
         prev_hash text, hash text)
   WHERE e.case_id IN (SELECT id FROM ok)
  RETURNING 1
), du AS (
  UPDATE deadline d SET status = x.status, due_at = x.due_at, remind_at = x.remind_at, reminded_at = x.reminded_at, settled_at = x.settled_at
    FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, case_id uuid, status text, due_at timestamptz, remind_at timestamptz,
         reminded_at timestamptz, settled_at timestamptz)
   WHERE d.id = ANY($8::uuid[]) AND d.id = x.id AND d.case_id = x.case_id AND x.case_id IN (SELECT id FROM ok)
  RETURNING d.id
), di AS (
  INSERT INTO deadline (id, case_id, kind, due_at, original_due_at, remind_at, status, level, reminded_at, settled_at)
  SELECT x.id, x.case_id, x.kind, x.due_at, x.original_due_at, x.remind_at, x.status, x.level, x.reminded_at, x.settled_at
    FROM jsonb_to_recordset($5::jsonb) AS x(id uuid, case_id uuid, kind text, due_at timestamptz, original_due_at timestamptz,
         remind_at timestamptz, status text, level text, reminded_at timestamptz, settled_at timestamptz)
   WHERE x.case_id IN (SELECT id FROM ok) AND (SELECT count(*) FROM du) >= 0
  RETURNING id
), att AS (
  UPDATE attachment a SET case_id = x.case_id, event_seq = x.seq
    FROM jsonb_to_recordset($6::jsonb) AS x(id uuid, case_id uuid, seq int, uploaded_by uuid)
   WHERE a.id = x.id AND a.case_id IS NULL AND (x.uploaded_by IS NULL OR a.uploaded_by = x.uploaded_by) AND x.case_id IN (SELECT id FROM ok)
  RETURNING a.case_id
)
SELECT ok.id, ok.code, ok.version, (SELECT count(*) FROM att WHERE att.case_id = ok.id)::int AS bound,
       (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM di)::int AS started
  FROM ok`;
