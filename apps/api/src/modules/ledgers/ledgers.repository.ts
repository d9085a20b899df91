import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlScope } from '@ecoloop/auth';
import type { AdminLevel, CaseSource, CaseState, Severity } from '@ecoloop/workflow';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import { eventHash, GENESIS_HASH } from '../cases/event-hash.js';
import type { CaseDraft } from './case-draft.js';
import type { LedgerEventKind } from './entities/ledger-event.entity.js';
import type { LedgerKind } from './entities/ledger.entity.js';
import type { ParsedItem, RegionRef, UnitRef } from './ledger-rows.js';

/** Rows per INSERT statement (each statement carries its rows as one jsonb parameter). */
const BATCH = 1000;

export interface LedgerRow {
  id: string;
  title: string;
  kind: LedgerKind;
  source: CaseSource;
  issuer: string;
  issuedDate: string;
  dueDate: string;
  regionCode: string;
  regionName: string;
  regionPath: string;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface LedgerListRow extends LedgerRow {
  items: number;
  cases: number;
  signedOff: number;
  overdue: number;
}

export interface ItemRow
  extends Pick<ParsedItem, 'seq' | 'title' | 'description' | 'category' | 'countyCodes' | 'townCodes' | 'leadUnitIds' | 'coUnitIds' | 'dueDate' | 'milestones'> {
  id: string;
  target: string | null;
  /** Over every case of the item, whatever the caller may see. */
  caseCount: number;
  closedCount: number;
  lastClosedAt: Date | null;
}

export interface ItemCaseRow {
  id: string;
  code: string;
  itemId: string;
  state: CaseState;
  severity: Severity;
  regionCode: string;
  regionName: string;
  regionPath: string;
  countyCode: string | null;
  countyName: string | null;
  countyPath: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  coUnitIds: string[];
  dueAt: Date | null;
  overdue: boolean;
  closedAt: Date | null;
  /** For permission checks only (never sent out). */
  reporterId: string | null;
  ownerLevel: AdminLevel;
  source: CaseSource;
  signoffSteps: AdminLevel[];
  signoffIndex: number;
}

export interface ProgressRow {
  id: string;
  itemId: string;
  period: string;
  note: string;
  unitId: string;
  unitName: string;
  unitRole: 'lead' | 'co';
  authorName: string;
  createdAt: Date;
}

export interface LedgerEventRow {
  id: string;
  kind: LedgerEventKind;
  regionCode: string | null;
  regionName: string | null;
  regionPath: string | null;
  actorId: string;
  actorName: string;
  actorRole: string;
  comment: string | null;
  payload: Record<string, unknown>;
  at: Date;
}

export interface NewLedgerEvent {
  kind: LedgerEventKind;
  regionCode: string | null;
  actorId: string;
  actorName: string;
  actorRole: string;
  comment: string | null;
  payload: Record<string, unknown>;
  at: Date;
}

const LEDGER_SELECT = `
  l.id, l.title, l.kind, l.source, l.issuer, to_char(l.issued_date, 'YYYY-MM-DD') AS "issuedDate",
  to_char(l.due_date, 'YYYY-MM-DD') AS "dueDate", l.region_code AS "regionCode", r.name AS "regionName",
  l.region_path AS "regionPath", l.created_by AS "createdBy", u.display_name AS "createdByName",
  l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;
const LEDGER_FROM = `ledger l JOIN region r ON r.code = l.region_code JOIN app_user u ON u.id = l.created_by`;

/**
 * What the caller may see of ledgers: `ledger` over `l.*` (the Ledger rules on the ledger's own
 * region) and `rows` over a case `c` of the ledger (the Ledger rules on the case's region, or the
 * Case read rules). A ledger is visible when either matches; its rows are the cases `rows` matches.
 */
export interface LedgerScopes {
  ledger: SqlScope;
  rows: SqlScope;
}

@Injectable()
export class LedgersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertLedger(
    l: { title: string; kind: LedgerKind; source: CaseSource; issuer: string; issuedDate: string; dueDate: string; regionCode: string; regionPath: string; createdBy: string; at: Date },
    event: Omit<NewLedgerEvent, 'at'>,
  ): Promise<string> {
    return this.db.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO ledger (title, kind, source, issuer, issued_date, due_date, region_code, region_path, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
        [l.title, l.kind, l.source, l.issuer, l.issuedDate, l.dueDate, l.regionCode, l.regionPath, l.createdBy, l.at],
      );
      await this.insertEvent(m, id, { ...event, at: l.at });
      return id as string;
    });
  }

  private visibleSql(s: LedgerScopes): string {
    return `((${s.ledger.sql}) OR EXISTS (SELECT 1 FROM "case" c WHERE c.ledger_id = l.id AND (${s.rows.sql})))`;
  }

  async findVisible(id: string, s: LedgerScopes): Promise<LedgerRow | null> {
    const rows = await this.query<LedgerRow>(`SELECT ${LEDGER_SELECT} FROM ${LEDGER_FROM} WHERE l.id = :id AND ${this.visibleSql(s)}`, {
      ...s.ledger.params,
      ...s.rows.params,
      id,
    });
    return rows[0] ?? null;
  }

  /** Visible ledgers, newest first, with counts over the cases the caller may see. */
  async list(s: LedgerScopes, limit: number, offset: number): Promise<{ rows: LedgerListRow[]; total: number }> {
    const params = { ...s.ledger.params, ...s.rows.params, limit, offset };
    const [rows, [{ n }]] = await Promise.all([
      this.query<LedgerListRow>(
        `SELECT ${LEDGER_SELECT}, agg.items, agg.cases, agg.signed_off AS "signedOff", agg.overdue
           FROM ${LEDGER_FROM}
           CROSS JOIN LATERAL (
             SELECT count(DISTINCT c.ledger_item_id)::int AS items, count(*)::int AS cases,
                    count(*) FILTER (WHERE c.state = 'closed')::int AS signed_off,
                    count(*) FILTER (WHERE c.overdue AND c.state <> 'closed')::int AS overdue
               FROM "case" c WHERE c.ledger_id = l.id AND (${s.rows.sql})
           ) agg
          WHERE ${this.visibleSql(s)}
          ORDER BY l.issued_date DESC, l.created_at DESC, l.id
          LIMIT :limit OFFSET :offset`,
        params,
      ),
      this.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger l WHERE ${this.visibleSql(s)}`, params),
    ]);
    return { rows, total: n };
  }

  /** Every row of a ledger in 序号 order, with sign-off facts over all its cases. */
  items(ledgerId: string): Promise<ItemRow[]> {
    return this.db.query(
      `SELECT i.id, i.seq, i.title, i.description, i.category, i.county_codes AS "countyCodes", i.town_codes AS "townCodes",
              i.lead_unit_ids AS "leadUnitIds", i.co_unit_ids AS "coUnitIds", to_char(i.due_date, 'YYYY-MM-DD') AS "dueDate",
              array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(i.milestones) d ORDER BY d) AS milestones, i.target,
              agg.case_count AS "caseCount", agg.closed_count AS "closedCount", agg.last_closed_at AS "lastClosedAt"
         FROM ledger_item i
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS case_count, count(*) FILTER (WHERE c.state = 'closed')::int AS closed_count, max(c.closed_at) AS last_closed_at
             FROM "case" c WHERE c.ledger_item_id = i.id
         ) agg
        WHERE i.ledger_id = $1
        ORDER BY i.seq`,
      [ledgerId],
    );
  }

  async item(ledgerId: string, itemId: string): Promise<{ id: string; seq: number; title: string } | null> {
    const rows = await this.db.query(`SELECT id, seq, title FROM ledger_item WHERE id = $1 AND ledger_id = $2`, [itemId, ledgerId]);
    return rows[0] ?? null;
  }

  /** The cases of a ledger inside `scope` (all when scope is TRUE), with their county. */
  cases(ledgerId: string, scope: SqlScope, itemId?: string): Promise<ItemCaseRow[]> {
    return this.query<ItemCaseRow>(
      `SELECT c.id, c.code, c.ledger_item_id AS "itemId", c.state, c.severity, c.region_code AS "regionCode", r.name AS "regionName",
              c.region_path AS "regionPath", cr.code AS "countyCode", cr.name AS "countyName", cr.path AS "countyPath",
              c.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", c.co_unit_ids AS "coUnitIds", c.due_at AS "dueAt",
              c.overdue, c.closed_at AS "closedAt", c.reporter_id AS "reporterId", c.owner_level AS "ownerLevel", c.source,
              c.signoff_steps AS "signoffSteps", c.signoff_index AS "signoffIndex"
         FROM "case" c
         JOIN region r ON r.code = c.region_code
         LEFT JOIN unit lu ON lu.id = c.lead_unit_id
         LEFT JOIN LATERAL (
           SELECT x.code, x.name, x.path FROM region x
            WHERE x.level = 'county' AND (c.region_path = x.path OR c.region_path LIKE x.path || '.%')
            LIMIT 1
         ) cr ON true
        WHERE c.ledger_id = :ledgerId AND (CAST(:itemId AS uuid) IS NULL OR c.ledger_item_id = CAST(:itemId AS uuid)) AND (${scope.sql})
        ORDER BY c.code`,
      { ...scope.params, ledgerId, itemId: itemId ?? null },
    );
  }

  progress(ledgerId: string): Promise<ProgressRow[]> {
    return this.db.query(
      `SELECT p.id, p.ledger_item_id AS "itemId", p.period, p.note, p.unit_id AS "unitId", un.name AS "unitName", p.unit_role AS "unitRole",
              p.author_name AS "authorName", p.created_at AS "createdAt"
         FROM ledger_progress p JOIN unit un ON un.id = p.unit_id
        WHERE p.ledger_id = $1
        ORDER BY p.period, p.created_at`,
      [ledgerId],
    );
  }

  async insertProgress(p: { ledgerId: string; itemId: string; period: string; note: string; unitId: string; unitRole: 'lead' | 'co'; authorId: string; authorName: string; at: Date }): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO ledger_progress (ledger_id, ledger_item_id, period, note, unit_id, unit_role, author_id, author_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [p.ledgerId, p.itemId, p.period, p.note, p.unitId, p.unitRole, p.authorId, p.authorName, p.at],
    );
    return id;
  }

  events(ledgerId: string, kind?: LedgerEventKind): Promise<LedgerEventRow[]> {
    return this.db.query(
      `SELECT e.id::text AS id, e.kind, e.region_code AS "regionCode", r.name AS "regionName", r.path AS "regionPath", e.actor_id AS "actorId",
              e.actor_name AS "actorName", e.actor_role AS "actorRole", e.comment, e.payload, e.at
         FROM ledger_event e LEFT JOIN region r ON r.code = e.region_code
        WHERE e.ledger_id = $1 AND ($2::text IS NULL OR e.kind = $2)
        ORDER BY e.at, e.id`,
      [ledgerId, kind ?? null],
    );
  }

  async appendEvent(ledgerId: string, e: NewLedgerEvent): Promise<string> {
    return this.insertEvent(this.db.manager, ledgerId, e);
  }

  private async insertEvent(m: EntityManager, ledgerId: string, e: NewLedgerEvent): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO ledger_event (ledger_id, kind, region_code, actor_id, actor_name, actor_role, comment, payload, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [ledgerId, e.kind, e.regionCode, e.actorId, e.actorName, e.actorRole, e.comment, e.payload, e.at],
    );
    return id;
  }

  /** Counties and towns (names are looked up in them), plus one region by code. */
  async regionRefs(): Promise<RegionRef[]> {
    return this.db.query(`SELECT code, name, level, path FROM region WHERE level IN ('county', 'town') ORDER BY path`);
  }

  async region(code: string): Promise<RegionRef | null> {
    const rows = await this.db.query(`SELECT code, name, level, path FROM region WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  unitRefs(): Promise<UnitRef[]> {
    return this.db.query(`SELECT u.id, u.name, r.path AS "regionPath", u.active FROM unit u JOIN region r ON r.code = u.region_code`);
  }

  /**
   * Writes an import in one transaction: locks the ledger, lets `refuse` look at the rows already
   * in it (any error rolls everything back), then inserts the items, their cases with hash-chained
   * events and deadlines, and the ledger's `imported` event, in batches.
   */
  async writeImport(
    ledgerId: string,
    items: (ParsedItem & { id: string })[],
    drafts: CaseDraft[],
    event: NewLedgerEvent,
    refuse: (existing: { seq: number; title: string; countyCodes: string[] }[]) => ErrorDetail[],
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`SELECT id FROM ledger WHERE id = $1 FOR UPDATE`, [ledgerId]);
      const existing = await m.query(`SELECT seq, title, county_codes AS "countyCodes" FROM ledger_item WHERE ledger_id = $1`, [ledgerId]);
      const errors = refuse(existing);
      if (errors.length) throw importRefused(errors);

      for (const chunk of chunks(items)) {
        await m.query(
          `INSERT INTO ledger_item (id, ledger_id, seq, title, description, category, county_codes, town_codes, lead_unit_ids, co_unit_ids, due_date, milestones, target, created_at)
           SELECT x.id, $2, x.seq, x.title, x.description, x.category, x.county_codes, x.town_codes, x.lead_unit_ids, x.co_unit_ids, x.due_date, x.milestones, x.target, $3
             FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, seq int, title text, description text, category text, county_codes text[], town_codes text[],
                                                     lead_unit_ids uuid[], co_unit_ids uuid[], due_date date, milestones date[], target text)`,
          [
            JSON.stringify(
              chunk.map((i) => ({
                id: i.id,
                seq: i.seq,
                title: i.title,
                description: i.description,
                category: i.category,
                county_codes: i.countyCodes,
                town_codes: i.townCodes,
                lead_unit_ids: i.leadUnitIds,
                co_unit_ids: i.coUnitIds,
                due_date: i.dueDate,
                milestones: i.milestones,
                target: i.target,
              })),
            ),
            ledgerId,
            event.at,
          ],
        );
      }
      await this.insertDrafts(m, drafts);
      await this.insertEvent(m, ledgerId, event);
      await m.query(`UPDATE ledger SET updated_at = $2 WHERE id = $1`, [ledgerId, event.at]);
    });
  }

  /** Inserts built cases with their events (hash-chained from the genesis hash) and deadlines. */
  private async insertDrafts(m: EntityManager, drafts: CaseDraft[]): Promise<void> {
    for (const chunk of chunks(drafts)) {
      const codes: { code: string }[] = await m.query(
        `SELECT 'JX-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('case_code_seq')::text, 6, '0') AS code
           FROM generate_series(1, $2) ORDER BY 1`,
        [chunk[0].fields.createdAt, chunk.length],
      );
      const caseRows = chunk.map((d, i) => {
        const s = d.snapshot;
        const sum = d.summary();
        return {
          id: d.id,
          code: codes[i].code,
          title: d.fields.title,
          description: d.fields.description,
          category: d.fields.category,
          source: d.fields.source,
          severity: d.fields.severity,
          region_code: d.fields.regionCode,
          region_path: d.fields.regionPath,
          address: d.fields.address,
          reporter_id: d.fields.reporterId,
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
          closed_at: d.closedAt,
          ledger_id: d.fields.ledgerId,
          ledger_item_id: d.fields.ledgerItemId,
          due_at: sum.dueAt,
          deadline_kind: sum.deadlineKind,
          overdue: sum.overdue,
          version: d.events.length,
          created_at: d.fields.createdAt,
          updated_at: d.updatedAt,
        };
      });
      await m.query(
        `INSERT INTO "case" (id, code, title, description, category, source, severity, region_code, region_path, address, reporter_id, state,
                             owner_level, lead_unit_id, co_unit_ids, supervision_level, signoff_steps, signoff_index, rework_count, reopen_count,
                             pending_extension, closed_at, ledger_id, ledger_item_id, due_at, deadline_kind, overdue, version, created_at, updated_at)
         SELECT x.id, x.code, x.title, x.description, x.category, x.source, x.severity, x.region_code, x.region_path, x.address, x.reporter_id, x.state,
                x.owner_level, x.lead_unit_id, x.co_unit_ids, x.supervision_level, x.signoff_steps, x.signoff_index, x.rework_count, x.reopen_count,
                x.pending_extension, x.closed_at, x.ledger_id, x.ledger_item_id, x.due_at, x.deadline_kind, x.overdue, x.version, x.created_at, x.updated_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, code text, title text, description text, category text, source text, severity text,
                region_code text, region_path text, address text, reporter_id uuid, state text, owner_level text, lead_unit_id uuid, co_unit_ids uuid[],
                supervision_level text, signoff_steps text[], signoff_index int, rework_count int, reopen_count int, pending_extension jsonb,
                closed_at timestamptz, ledger_id uuid, ledger_item_id uuid, due_at timestamptz, deadline_kind text, overdue boolean, version int,
                created_at timestamptz, updated_at timestamptz)`,
        [JSON.stringify(caseRows)],
      );

      const eventRows = chunk.flatMap((d) => {
        let prevHash = GENESIS_HASH;
        return d.events.map((e, i) => {
          const seq = i + 1;
          const hash = eventHash(prevHash, { caseId: d.id, seq, ...e });
          const row = {
            case_id: d.id,
            seq,
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
            prev_hash: prevHash,
            hash,
          };
          prevHash = hash;
          return row;
        });
      });
      for (const part of chunks(eventRows)) {
        await m.query(
          `INSERT INTO case_event (case_id, seq, action, from_state, to_state, actor_id, actor_name, actor_role, actor_unit_id, comment, payload, attachment_ids, at, prev_hash, hash)
           SELECT x.case_id, x.seq, x.action, x.from_state, x.to_state, x.actor_id, x.actor_name, x.actor_role, x.actor_unit_id, x.comment, x.payload,
                  x.attachment_ids, x.at, x.prev_hash, x.hash
             FROM jsonb_to_recordset($1::jsonb) AS x(case_id uuid, seq int, action text, from_state text, to_state text, actor_id uuid, actor_name text,
                  actor_role text, actor_unit_id uuid, comment text, payload jsonb, attachment_ids uuid[], at timestamptz, prev_hash text, hash text)`,
          [JSON.stringify(part)],
        );
      }

      const deadlineRows = chunk.flatMap((d) =>
        d.deadlines.map((x) => ({
          id: x.id,
          case_id: d.id,
          kind: x.kind,
          due_at: x.dueAt,
          original_due_at: x.originalDueAt,
          remind_at: x.remindAt,
          status: x.status,
          level: x.level,
          settled_at: x.settledAt,
        })),
      );
      for (const part of chunks(deadlineRows)) {
        await m.query(
          // created_at is the real time of the insert (as in CasesRepository): the timers give
          // back-dated rows (due before they were created) a grace period from it.
          `INSERT INTO deadline (id, case_id, kind, due_at, original_due_at, remind_at, status, level, settled_at)
           SELECT x.id, x.case_id, x.kind, x.due_at, x.original_due_at, x.remind_at, x.status, x.level, x.settled_at
             FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, case_id uuid, kind text, due_at timestamptz, original_due_at timestamptz,
                  remind_at timestamptz, status text, level text, settled_at timestamptz)`,
          [JSON.stringify(part)],
        );
      }
    }
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}

export function importRefused(details: ErrorDetail[]): AppError {
  const rows = new Set(details.map((d) => d.row)).size;
  return AppError.unprocessable('ledger_import_refused', `The file has errors in ${rows} row(s); nothing was imported`, details);
}

function* chunks<T>(list: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
