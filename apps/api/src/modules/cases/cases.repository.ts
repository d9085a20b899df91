import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqlScope } from '@ecoloop/auth';
import { openStateSql } from '@ecoloop/workflow';
import { preparedQuery } from '../../core/database/prepared.js';
import { CASE_FROM, CASE_SELECT, toSnapshot, type CaseRow } from './case-row.js';
import type { ListCasesQueryDto } from './dto/case.dto.js';
import type { HashedEvent } from './event-hash.js';
import type { MissedDeadline } from './missed-deadline.js';
import type { CaseHead, DeadlineRow } from './writer/case-change.js';

/** Counting stops here: beyond it `total` is a lower bound, so a city-wide list never counts a million rows. */
/**
 * How far a list counts: exactly up to 1,000 matches, or ten pages past the page asked for when that
 * is further. Beyond it the total is a lower bound (`totalExact: false`, shown as "1000+"), and the
 * count grows as the user pages on. Counting 10,000 rows cost 20–40 ms of every list at a million
 * cases (bench:cases); a user does not read further than a thousand rows without filtering.
 */
export const COUNT_CAP = 1000;
export const countCapOf = (page: number, pageSize: number): number => Math.max(COUNT_CAP, (page + 10) * pageSize);

export interface StoredEvent extends HashedEvent {
  prevHash: string;
  hash: string;
}

/** List filters that compare one column with the query field's value (field ↔ column). */
const EQUAL_FILTERS: readonly ['severity' | 'overdue' | 'ledgerId' | 'leadUnitId' | 'takenBy', string][] = [
  ['severity', 'c.severity'],
  ['overdue', 'c.overdue'],
  ['ledgerId', 'c.ledger_id'],
  ['leadUnitId', 'c.lead_unit_id'],
  ['takenBy', 'c.taken_by_id'],
];

/** List filters whose query field is a list: the column is any of its values. */
const ANY_OF_FILTERS: readonly ['state' | 'source', string][] = [
  ['state', 'c.state'],
  ['source', 'c.source'],
];

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

  /**
   * The case with everything its detail and a write need, in one query: the chain head, every
   * deadline row and the attachments, if it lies inside `scope` (the caller's read rules), else null → 404.
   */
  async findDetail(id: string, scope: SqlScope): Promise<CaseDetailRow | null> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(`SELECT ${CASE_SELECT}, ${DETAIL_SELECT} FROM ${CASE_FROM} WHERE c.id = :id AND (${scope.sql})`, { ...scope.params, id });
    const rows = await preparedQuery<CaseDetailRow>(this.db, undefined, text, values);
    return rows[0] ? revive(rows[0]) : null;
  }

  /** Locks the cases until the transaction ends, in id order (so that two sweeps never deadlock). */
  async lock(m: EntityManager, ids: string[]): Promise<void> {
    await m.query(`SELECT id FROM "case" WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /** Heads of cases the caller holds locked (timers): snapshot, chain head and unsettled deadlines. */
  async findHeads(m: EntityManager, ids: string[]): Promise<(CaseHead & { row: CaseRow })[]> {
    if (ids.length === 0) return [];
    const rows: CaseDetailRow[] = await m.query(
      `SELECT ${CASE_SELECT}, c.last_seq AS "lastSeq", c.last_hash AS "lastHash", ${deadlinesJson('AND d.settled_at IS NULL')} AS deadlines, '[]'::json AS attachments
         FROM ${CASE_FROM} WHERE c.id = ANY ($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => toHead(revive(r)));
  }

  /** The most recently due missed (late or overdue) deadline of each of these cases. */
  async missedDeadlines(caseIds: string[]): Promise<Map<string, MissedDeadline>> {
    if (caseIds.length === 0) return new Map();
    const rows: (MissedDeadline & { caseId: string })[] = await this.db.query(
      `SELECT DISTINCT ON (case_id) case_id AS "caseId", kind, due_at AS "dueAt", settled_at AS "settledAt", status
         FROM deadline WHERE case_id = ANY ($1::uuid[]) AND status IN ('late', 'overdue')
        ORDER BY case_id, (status = 'overdue' AND settled_at IS NULL) DESC, due_at DESC`,
      [caseIds],
    );
    return new Map(rows.map((r) => [r.caseId, r]));
  }

  /** The attachments of a case (after a write bound new ones). */
  async attachments(caseId: string): Promise<CaseDetailRow['attachments']> {
    return this.db.query(
      `SELECT id, original_name AS "originalName", mime, size::int AS size, event_seq AS "eventSeq" FROM attachment WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
  }

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
    for (const [field, column] of EQUAL_FILTERS) {
      const value = q[field];
      if (value === undefined || value === null || value === '') continue;
      where.push(`${column} = :${field}`);
      params[field] = value;
    }
    for (const [field, column] of ANY_OF_FILTERS) {
      if (!q[field]?.length) continue;
      where.push(`${column} IN (:...${field})`);
      params[field] = q[field];
    }
    if (q.category) {
      where.push(`(c.category = :category OR c.category LIKE :categoryPrefix)`);
      params.category = q.category;
      params.categoryPrefix = `${q.category}.%`;
    }
    if (q.regionCode) {
      where.push(`(c.region_path = (SELECT path FROM region WHERE code = :regionCode) OR c.region_path LIKE (SELECT path FROM region WHERE code = :regionCode) || '.%')`);
      params.regionCode = q.regionCode;
    }
    if (q.supervised !== undefined) where.push(q.supervised ? 'c.supervision_level IS NOT NULL' : 'c.supervision_level IS NULL');
    if (q.createdFrom) {
      where.push('c.created_at >= :createdFrom::timestamptz');
      params.createdFrom = q.createdFrom;
    }
    if (q.createdTo) {
      where.push('c.created_at < :createdTo::timestamptz');
      params.createdTo = q.createdTo;
    }
    if (q.petitionState?.length) {
      where.push('EXISTS (SELECT 1 FROM petition p WHERE p.case_id = c.id AND p.state IN (:...petitionStates))');
      params.petitionStates = q.petitionState;
    }
    if (q.q) {
      // The expression of IDX_case_search_trgm (title, code, address), so that search uses the index.
      where.push(`(c.title || ' ' || c.code || ' ' || coalesce(c.address, '')) ILIKE :q`);
      params.q = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
    }
    const desc = q.sort.startsWith('-');
    const field = q.sort.replace(/^-/, '');
    const column = SORT_SQL[field];
    // Matches the indexes' order exactly (created_at DESC, id DESC); only due_at can be null.
    const orderBy = (col: string, id: string) => `${col} ${desc ? 'DESC' : 'ASC'}${field === 'dueAt' ? ' NULLS LAST' : ''}, ${id} ${desc ? 'DESC' : 'ASC'}`;
    const whereSql = where.join(' AND ');
    const page = { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, branchLimit: q.page * q.pageSize };
    // A scope of several rules (a unit's lead and co-unit cases, an inspector's grid and own reports):
    // each branch walks its own index in list order and the first pages are merged.
    const branches = scope.anyOf && !extraWhere ? scope.anyOf : null;
    const rest = where.slice(1).map((w) => `AND ${w}`).join(' ');
    const select = branches
      ? `SELECT * FROM (${branches
          .map((b) => `(SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE (${b}) ${rest} ORDER BY ${orderBy(column, 'c.id')} LIMIT :branchLimit)`)
          .join(' UNION ')}) u ORDER BY ${orderBy(`u."${field}"`, 'u.id')} LIMIT :limit OFFSET :offset`
      : `SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE ${whereSql} ORDER BY ${orderBy(column, 'c.id')} LIMIT :limit OFFSET :offset`;
    const cap = countCapOf(q.page, q.pageSize);
    const [rows, n] = await Promise.all([this.query<CaseRow>(select, page), this.cappedCount(cap, branches && branches.length <= 3 ? branches : null, whereSql, rest, params)]);
    return { rows, total: Math.min(n, cap), totalExact: n <= cap };
  }

  /**
   * How many cases match, up to `cap` + 1. Under a scope of a few rules the count is added up
   * from each rule's own count less their overlaps (inclusion–exclusion): each term is read from its
   * rule's index, most of them without touching the table, where one count over the OR of the rules
   * reads every matching row. The rules are counted first; overlaps are counted only when they can
   * change the answer: not when one rule alone is over the cap (then so is the whole), and only
   * between rules that match something (a handler's unit that leads thousands of cases and is co-unit
   * of none: one statement, no overlap read; bench:cases' handler list p50 32–38 → 18 ms).
   */
  private async cappedCount(cap: number, branches: string[] | null, whereSql: string, rest: string, params: Record<string, unknown>): Promise<number> {
    const capped = (w: string) => `(SELECT count(*) FROM (SELECT 1 FROM "case" c WHERE ${w} LIMIT ${cap + 1}) s)::int`;
    const counts = async (sets: string[][]): Promise<number[]> => {
      const [row] = await this.query<Record<string, number>>(`SELECT ${sets.map((set, i) => `${capped(`${set.map((b) => `(${b})`).join(' AND ')} ${rest}`)} AS t${i}`).join(', ')}`, params);
      return sets.map((_set, i) => row![`t${i}`]!);
    };
    if (!branches) return (await this.query<{ n: number }>(`SELECT ${capped(whereSql)} AS n`, params))[0]!.n;
    const single = await counts(branches.map((b) => [b]));
    if (single.some((n) => n > cap)) return cap + 1;
    const sum = single.reduce((a, b) => a + b, 0);
    const live = branches.filter((_b, i) => single[i]! > 0);
    if (live.length < 2) return sum;
    const overlaps = Array.from({ length: 2 ** live.length - 1 }, (_, i) => live.filter((_b, j) => ((i + 1) >> j) & 1)).filter((set) => set.length > 1);
    const shared = await counts(overlaps);
    return overlaps.reduce((n, set, i) => n + (set.length % 2 === 1 ? 1 : -1) * shared[i]!, sum);
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
          AND ${openStateSql('c.state')}
          AND split_part(c.category, '.', 1) = split_part(:category, '.', 1)
          AND c.created_at BETWEEN :createdAt::timestamptz - interval '30 days' AND :createdAt::timestamptz + interval '30 days'
          AND (CASE WHEN c.lat IS NULL OR :lat::float8 IS NULL THEN c.region_code = :regionCode
                    ELSE abs(c.lat - :lat::float8) < 0.01 AND abs(c.lng - :lng::float8) < 0.012 END)
        ORDER BY c.created_at DESC LIMIT 20`,
      { ...scope.params, id: c.id, lat: c.lat, lng: c.lng, category: c.category, createdAt: c.createdAt, regionCode: c.regionCode },
    );
  }

  /**
   * Open cases inside `scope` of the same top-level category as `category`, within `radiusM` metres
   * of (lat, lng), nearest first: what a reporter sees before sending a likely duplicate.
   */
  async findNearby(q: { lat: number; lng: number; category: string; radiusM: number }, scope: SqlScope): Promise<(CaseRow & { distanceM: number })[]> {
    // A box around the point first (an index-friendly prefilter), then the haversine distance.
    const dLat = q.radiusM / 111_000;
    const dLng = q.radiusM / (111_000 * Math.cos((q.lat * Math.PI) / 180));
    return this.query(
      `SELECT * FROM (
         SELECT ${CASE_SELECT},
                round(6371000 * 2 * asin(sqrt(power(sin(radians(c.lat - :lat::float8) / 2), 2)
                  + cos(radians(:lat::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lng - :lng::float8) / 2), 2))))::int AS "distanceM"
           FROM ${CASE_FROM}
          WHERE (${scope.sql})
            AND ${openStateSql('c.state')}
            AND split_part(c.category, '.', 1) = split_part(:category, '.', 1)
            AND c.lat BETWEEN :lat::float8 - :dLat::float8 AND :lat::float8 + :dLat::float8
            AND c.lng BETWEEN :lng::float8 - :dLng::float8 AND :lng::float8 + :dLng::float8
       ) n WHERE n."distanceM" <= :radiusM ORDER BY n."distanceM", n."createdAt" DESC LIMIT 10`,
      { ...scope.params, lat: q.lat, lng: q.lng, dLat, dLng, category: q.category, radiusM: q.radiusM },
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

  private query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}

export interface StoredDeadline extends DeadlineRow {
  createdAt: Date;
}

/** A case with its chain head, deadlines and attachments (CasesRepository.findDetail). */
export interface CaseDetailRow extends CaseRow {
  lastSeq: number;
  lastHash: string;
  deadlines: StoredDeadline[];
  attachments: { id: string; originalName: string; mime: string; size: number; eventSeq: number | null }[];
}

function deadlinesJson(where = ''): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'dueAt', d.due_at, 'originalDueAt', d.original_due_at,
            'remindAt', d.remind_at, 'status', d.status, 'level', d.level, 'remindedAt', d.reminded_at, 'settledAt', d.settled_at,
            'createdAt', d.created_at) ORDER BY d.created_at, d.due_at), '[]'::json)
       FROM deadline d WHERE d.case_id = c.id ${where})`;
}

const DETAIL_SELECT = `c.last_seq AS "lastSeq", c.last_hash AS "lastHash", ${deadlinesJson()} AS deadlines,
  (SELECT coalesce(json_agg(json_build_object('id', a.id, 'originalName', a.original_name, 'mime', a.mime, 'size', a.size,
          'eventSeq', a.event_seq) ORDER BY a.created_at), '[]'::json) FROM attachment a WHERE a.case_id = c.id) AS attachments`;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** json_agg gives timestamps as strings: make them dates again. */
function revive(row: CaseDetailRow): CaseDetailRow {
  row.deadlines = row.deadlines.map((d) => ({
    ...d,
    dueAt: date(d.dueAt)!,
    originalDueAt: date(d.originalDueAt)!,
    remindAt: date(d.remindAt),
    remindedAt: date(d.remindedAt),
    settledAt: date(d.settledAt),
    createdAt: date(d.createdAt)!,
  }));
  return row;
}

/** What a writer needs of a stored case. */
export function toHead(row: CaseDetailRow): CaseHead & { row: CaseDetailRow } {
  return {
    id: row.id,
    version: row.version,
    lastSeq: row.lastSeq,
    lastHash: row.lastHash,
    snapshot: toSnapshot(row),
    closedAt: row.closedAt,
    duplicateOfId: row.duplicateOfId,
    takenById: row.takenById,
    deadlines: row.deadlines,
    row,
  };
}

/** TypeORM's query() answers UPDATE/DELETE … RETURNING with [rows, affectedCount]; INSERT/SELECT with rows. */
export function returned<T = Record<string, unknown>>(result: unknown): T[] {
  const r = result as unknown[];
  return (Array.isArray(r[0]) && typeof r[1] === 'number' ? r[0] : r) as T[];
}
