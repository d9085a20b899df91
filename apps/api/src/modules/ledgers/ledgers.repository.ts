import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike, scopeToSql, type AppAbility, type SqlScope } from '@ecoloop/auth';
import type { AdminLevel, CaseLevel, CaseSource, CaseState, Severity } from '@ecoloop/workflow';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import { CASE_SCOPE_COLUMNS } from '../cases/case-row.js';
import type { CaseChange } from '../cases/writer/case-change.js';
import { CaseWriter } from '../cases/writer/case-writer.js';
import type { LedgerEventKind } from './entities/ledger-event.entity.js';
import type { LedgerKind } from './entities/ledger.entity.js';
import type { ParsedItem, RegionRef, UnitRef } from './ledger-rows.js';
import { isUuid } from '../../core/http/uuid.js';

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
  kind: ParsedItem['kind'];
  problemScope: ParsedItem['problemScope'];
  measures: string | null;
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  rectifyType: ParsedItem['rectifyType'];
  milestonePercents: number[];
  planAttachmentId: string | null;
  splitByCounty: boolean;
  parentId: string | null;
  lagLevel: 'yellow' | 'red' | null;
  lagMilestone: string | null;
  signoffStage: 'accepted' | 'notice' | 'signed_off' | null;
  noticeEndsOn: string | null;
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
  ownerLevel: CaseLevel;
  source: CaseSource;
  signoffSteps: CaseLevel[];
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
  percent: number | null;
  authorName: string;
  createdAt: Date;
  /** 季度报告 of a 主要任务. */
  quarterly: boolean;
  attachmentIds: string[];
}

/** 专项行动 of an 811 task table. */
export interface ActionRow {
  id: string;
  seq: number;
  title: string;
  leadUnitId: string;
  leadUnitName: string;
  /** Its 主要任务 in the whole ledger. */
  taskCount: number;
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
  /** Null for the system (the 序时 sweep). */
  actorId: string | null;
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
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: CaseWriter,
  ) {}

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
              array(SELECT to_char(x.d, 'YYYY-MM-DD') FROM unnest(i.milestones) WITH ORDINALITY AS x(d, n) ORDER BY x.n) AS milestones, i.target,
              i.kind, i.problem_scope AS "problemScope", i.measures, i.responsible_leader AS "responsibleLeader", i.responsible_person AS "responsiblePerson",
              i.rectify_type AS "rectifyType", i.milestone_percents AS "milestonePercents", i.plan_attachment_id AS "planAttachmentId",
              i.split_by_county AS "splitByCounty", i.parent_id AS "parentId",
              i.lag_level AS "lagLevel", to_char(i.lag_milestone, 'YYYY-MM-DD') AS "lagMilestone",
              i.signoff_stage AS "signoffStage", to_char(i.notice_ends_on, 'YYYY-MM-DD') AS "noticeEndsOn",
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

  async item(ledgerId: string, itemId: string): Promise<{ id: string; seq: number; title: string; kind: ParsedItem['kind']; parentId: string | null } | null> {
    if (!isUuid(itemId)) return null;
    const rows = await this.db.query(`SELECT id, seq, title, kind, parent_id AS "parentId" FROM ledger_item WHERE id = $1 AND ledger_id = $2`, [itemId, ledgerId]);
    return rows[0] ?? null;
  }

  async countAttachments(ids: string[]): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM attachment WHERE id = ANY ($1::uuid[])`, [ids]);
    return n;
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
      `SELECT p.id, p.ledger_item_id AS "itemId", p.period, p.note, p.unit_id AS "unitId", un.name AS "unitName", p.unit_role AS "unitRole", p.percent,
              p.author_name AS "authorName", p.created_at AS "createdAt", p.quarterly, p.attachment_ids AS "attachmentIds"
         FROM ledger_progress p JOIN unit un ON un.id = p.unit_id
        WHERE p.ledger_id = $1
        ORDER BY p.period, p.created_at`,
      [ledgerId],
    );
  }

  async insertProgress(p: {
    ledgerId: string;
    itemId: string;
    period: string;
    note: string;
    percent: number | null;
    unitId: string;
    unitRole: 'lead' | 'co';
    authorId: string;
    authorName: string;
    at: Date;
  }): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO ledger_progress (ledger_id, ledger_item_id, period, note, percent, unit_id, unit_role, author_id, author_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [p.ledgerId, p.itemId, p.period, p.note, p.percent, p.unitId, p.unitRole, p.authorId, p.authorName, p.at],
    );
    return id;
  }

  /** 专项行动 of a task table, in order. */
  actions(ledgerId: string): Promise<ActionRow[]> {
    return this.db.query(
      `SELECT a.id, a.seq, a.title, a.lead_unit_id AS "leadUnitId", u.name AS "leadUnitName",
              (SELECT count(*)::int FROM ledger_item i WHERE i.parent_id = a.id) AS "taskCount"
         FROM ledger_action a JOIN unit u ON u.id = a.lead_unit_id
        WHERE a.ledger_id = $1 ORDER BY a.seq`,
      [ledgerId],
    );
  }

  /**
   * A 季度报告 and its ledger event in one transaction. A second report of the same unit on the same
   * task for the same quarter is refused (409).
   */
  async insertQuarterly(
    p: { ledgerId: string; itemId: string; quarter: string; note: string; percent: number | null; attachmentIds: string[]; unitId: string; unitRole: 'lead' | 'co'; authorId: string; authorName: string; at: Date },
    event: NewLedgerEvent,
  ): Promise<string> {
    return this.db.transaction(async (m) => {
      const rows = await m.query(
        `INSERT INTO ledger_progress (ledger_id, ledger_item_id, period, note, percent, unit_id, unit_role, author_id, author_name, created_at, quarterly, attachment_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11)
         ON CONFLICT (ledger_item_id, unit_id, period) WHERE quarterly DO NOTHING RETURNING id`,
        [p.ledgerId, p.itemId, p.quarter, p.note, p.percent, p.unitId, p.unitRole, p.authorId, p.authorName, p.at, p.attachmentIds],
      );
      if (!rows.length) throw AppError.conflict('quarterly_report_exists', `本单位已报送该任务 ${p.quarter} 的季度报告`);
      await this.insertEvent(m, p.ledgerId, { ...event, payload: { ...event.payload, progressId: rows[0].id } });
      return rows[0].id as string;
    });
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

  async insertEvent(m: EntityManager, ledgerId: string, e: NewLedgerEvent): Promise<string> {
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
    drafts: CaseChange[],
    event: NewLedgerEvent,
    refuse: (existing: { seq: number; title: string; countyCodes: string[] }[]) => ErrorDetail[],
    newActions: { id: string; title: string; leadUnitId: string }[] = [],
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`SELECT id FROM ledger WHERE id = $1 FOR UPDATE`, [ledgerId]);
      const existing = await m.query(`SELECT seq, title, county_codes AS "countyCodes" FROM ledger_item WHERE ledger_id = $1`, [ledgerId]);
      const errors = refuse(existing);
      if (newActions.length) {
        // Another import may have created one of these actions since they were looked up.
        const taken = await m.query(`SELECT title FROM ledger_action WHERE ledger_id = $1 AND title = ANY ($2::text[])`, [ledgerId, newActions.map((a) => a.title)]);
        for (const t of taken) errors.push({ row: 0, column: '专项行动', message: `专项行动「${t.title}」刚由另一次导入建立，请重新导入` });
      }
      if (errors.length) throw importRefused(errors);
      if (newActions.length) {
        await m.query(
          `INSERT INTO ledger_action (id, ledger_id, seq, title, lead_unit_id, created_at)
           SELECT x.id, $2, (SELECT coalesce(max(seq), 0) FROM ledger_action WHERE ledger_id = $2) + x.n, x.title, x.lead_unit_id, $3
             FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, n int, title text, lead_unit_id uuid)`,
          [JSON.stringify(newActions.map((a, i) => ({ id: a.id, n: i + 1, title: a.title, lead_unit_id: a.leadUnitId }))), ledgerId, event.at],
        );
      }

      for (const chunk of chunks(items)) {
        await m.query(
          `INSERT INTO ledger_item (id, ledger_id, seq, title, description, category, county_codes, town_codes, lead_unit_ids, co_unit_ids, due_date, milestones, target,
                                   kind, problem_scope, measures, responsible_leader, responsible_person, rectify_type, milestone_percents, split_by_county, parent_id, created_at)
           SELECT x.id, $2, x.seq, x.title, x.description, x.category, x.county_codes, x.town_codes, x.lead_unit_ids, x.co_unit_ids, x.due_date, x.milestones, x.target,
                  x.kind, x.problem_scope, x.measures, x.responsible_leader, x.responsible_person, x.rectify_type, x.milestone_percents, x.split_by_county, x.parent_id, $3
             FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, seq int, title text, description text, category text, county_codes text[], town_codes text[],
                                                     lead_unit_ids uuid[], co_unit_ids uuid[], due_date date, milestones date[], target text,
                                                     kind text, problem_scope text, measures text, responsible_leader text, responsible_person text, rectify_type text,
                                                     milestone_percents smallint[], split_by_county boolean, parent_id uuid)`,
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
                kind: i.kind,
                problem_scope: i.problemScope,
                measures: i.measures,
                responsible_leader: i.responsibleLeader,
                responsible_person: i.responsiblePerson,
                rectify_type: i.rectifyType,
                milestone_percents: i.milestonePercents,
                split_by_county: i.splitByCounty ?? true,
                parent_id: i.parentId ?? null,
              })),
            ),
            ledgerId,
            event.at,
          ],
        );
      }
      await this.writer.write(drafts, m);
      await this.insertEvent(m, ledgerId, event);
      await m.query(`UPDATE ledger SET updated_at = $2 WHERE id = $1`, [ledgerId, event.at]);
    });
  }

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}

export function importRefused(details: ErrorDetail[]): AppError {
  const rows = new Set(details.filter((d) => d.row).map((d) => d.row)).size;
  const message = rows > 0 ? `文件中有 ${rows} 行存在错误，整个文件未导入` : `${details[0]?.message ?? '文件无法读取'}，整个文件未导入`;
  return AppError.unprocessable('ledger_import_refused', message, details);
}

function* chunks<T>(list: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

// Scopes of the queries above: CASL rules written over this file's tables (`l` the ledger, `c` a row's case).

/** What the caller may read: ledgers handed to their jurisdiction, and ledgers with rows in it. */
export function ledgerScopes(ability: AppAbility): LedgerScopes {
  const ledger = scopeToSql(ability, 'read', 'Ledger', { regionPath: 'l.region_path' }, 'lg');
  const part = scopeToSql(ability, 'read', 'Ledger', { regionPath: 'c.region_path' }, 'lp');
  const cases = scopeToSql(ability, 'read', 'Case', CASE_SCOPE_COLUMNS, 'lc');
  return { ledger, rows: { sql: `(${part.sql}) OR (${cases.sql})`, params: { ...part.params, ...cases.params } } };
}

/** The rows whose cases the caller may export (`FALSE`: none). */
export function exportScope(ability: AppAbility): SqlScope {
  return scopeToSql(ability, 'export', 'Ledger', { regionPath: 'c.region_path' }, 'lx');
}

/** The rows whose cases lie in the region `path` or below it. */
export function casesWithin(path: string): SqlScope {
  return { sql: '(c.region_path = :rb_path OR c.region_path LIKE :rb_like)', params: { rb_path: path, rb_like: `${escapeLike(path)}.%` } };
}

/** Every row's cases (the caller's access was checked on the ledger). */
export const ALL_CASES: SqlScope = { sql: 'TRUE', params: {} };
