import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AdminLevel, CaseLevel, CaseSource, CaseState, DeadlineKind, RegionLevel, Severity } from '@ecoloop/workflow';

/** Which deadlines a run looks at: the given ones (a job), or any that are due (the reconciler). */
export type TimerSelector = { deadlineIds: string[] } | { batchSize: number };

/** A deadline row as the timers see it. */
export interface TimerDeadline {
  id: string;
  caseId: string;
  kind: DeadlineKind;
  dueAt: Date;
  originalDueAt: Date;
  level: AdminLevel | null;
}

/** What the timers need to know about a case. */
export interface TimerCase {
  id: string;
  code: string;
  title: string;
  state: CaseState;
  category: string;
  source: CaseSource;
  severity: Severity;
  ownerLevel: CaseLevel;
  supervisionLevel: AdminLevel | null;
  leadUnitId: string | null;
  /** The case's region and its ancestors, by level: {city: '330400', county: '330402', …}. */
  regionByLevel: Partial<Record<RegionLevel, string>>;
}

export interface DeadlineState {
  id: string;
  status: 'pending' | 'met' | 'overdue' | 'cancelled';
  dueAt: Date;
  remindAt: Date | null;
  remindedAt: Date | null;
  createdAt: Date;
}

const DEADLINE_COLUMNS = `id, case_id AS "caseId", kind, due_at AS "dueAt", original_due_at AS "originalDueAt", level`;

/**
 * The SQL of the deadline timers. A time "fires" once it has passed — except for a row born
 * already due (its time not after its creation: back-dated data), which fires once the grace after
 * its creation has passed too (`createdBefore` = now − grace; see TimersConfig.graceMs).
 */
@Injectable()
export class DeadlineTimersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The database's clock at millisecond precision (what events record and the CAS compares): the
   * transaction's start, or with `wall` the moment of asking (after waiting for a lock).
   */
  async now(m: EntityManager, wall = false): Promise<Date> {
    const [{ now }] = await m.query(`SELECT date_trunc('milliseconds', ${wall ? 'clock_timestamp()' : 'now()'}) AS now`);
    return now;
  }

  /**
   * Locks the case rows whose deadlines fire, in the order every writer uses (case row first).
   * For given deadlines it waits for the lock; for a batch it skips cases someone else holds.
   */
  async lockCasesForDue(m: EntityManager, sel: TimerSelector, at: Date, createdBefore: Date): Promise<string[]> {
    if ('deadlineIds' in sel) return this.lockCasesOf(m, sel.deadlineIds);
    const rows = await m.query(
      `SELECT c.id FROM "case" c
        WHERE c.id IN (SELECT d.case_id FROM deadline d
                        WHERE d.status = 'pending' AND d.due_at <= $1 AND (d.due_at > d.created_at OR d.created_at <= $2)
                        ORDER BY d.due_at LIMIT $3)
        LIMIT $4
        FOR UPDATE OF c SKIP LOCKED`,
      [at, createdBefore, sel.batchSize * 4, sel.batchSize],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async lockCasesForReminders(m: EntityManager, sel: TimerSelector, at: Date, createdBefore: Date): Promise<string[]> {
    if ('deadlineIds' in sel) return this.lockCasesOf(m, sel.deadlineIds);
    const rows = await m.query(
      `SELECT c.id FROM "case" c
        WHERE c.id IN (SELECT d.case_id FROM deadline d
                        WHERE d.status = 'pending' AND d.reminded_at IS NULL AND d.remind_at <= $1
                          AND (d.remind_at > d.created_at OR d.created_at <= $2)
                        ORDER BY d.remind_at LIMIT $3)
        LIMIT $4
        FOR UPDATE OF c SKIP LOCKED`,
      [at, createdBefore, sel.batchSize * 4, sel.batchSize],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  private async lockCasesOf(m: EntityManager, deadlineIds: string[]): Promise<string[]> {
    const rows = await m.query(
      `SELECT c.id FROM "case" c WHERE c.id IN (SELECT d.case_id FROM deadline d WHERE d.id = ANY ($1::uuid[])) ORDER BY c.id FOR UPDATE OF c`,
      [deadlineIds],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /**
   * Pending deadlines of the locked cases whose time has come (CaseWriter then marks them overdue
   * with the case row: the lock makes that happen exactly once).
   */
  async dueDeadlines(m: EntityManager, caseIds: string[], at: Date, createdBefore: Date, deadlineIds?: string[]): Promise<TimerDeadline[]> {
    if (caseIds.length === 0) return [];
    const rows: TimerDeadline[] = await m.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadline
        WHERE case_id = ANY ($1::uuid[]) AND status = 'pending' AND due_at <= $2 AND (due_at > created_at OR created_at <= $3)
          AND ($4::uuid[] IS NULL OR id = ANY ($4::uuid[]))
        ORDER BY due_at, id`,
      [caseIds, at, createdBefore, deadlineIds ?? null],
    );
    return rows;
  }

  /** Pending deadlines of the locked cases whose reminder is due and not yet sent. */
  async dueReminders(m: EntityManager, caseIds: string[], at: Date, createdBefore: Date, deadlineIds?: string[]): Promise<TimerDeadline[]> {
    if (caseIds.length === 0) return [];
    return m.query(
      `SELECT ${DEADLINE_COLUMNS} FROM deadline
        WHERE case_id = ANY ($1::uuid[]) AND status = 'pending' AND reminded_at IS NULL AND remind_at <= $2
          AND (remind_at > created_at OR created_at <= $3)
          AND ($4::uuid[] IS NULL OR id = ANY ($4::uuid[]))
        ORDER BY due_at, id`,
      [caseIds, at, createdBefore, deadlineIds ?? null],
    );
  }

  /** The case's region and its ancestors by level, from its region path. */
  async regionByLevel(regionPath: string): Promise<Partial<Record<RegionLevel, string>>> {
    const codes = regionPath.split('.');
    const levels = await this.regionLevels(codes);
    return Object.fromEntries(codes.flatMap((code) => (levels.has(code) ? [[levels.get(code)!, code]] : [])));
  }

  /** Level of each region code; regions change rarely, so they are cached for a minute. */
  private regionCache: { at: number; levels: Map<string, RegionLevel> } | null = null;
  private async regionLevels(codes: string[]): Promise<Map<string, RegionLevel>> {
    const fresh = this.regionCache && Date.now() - this.regionCache.at < 60_000;
    if (!fresh || codes.some((c) => !this.regionCache!.levels.has(c))) {
      const rows: { code: string; level: RegionLevel }[] = await this.db.query(`SELECT code, level FROM region`);
      this.regionCache = { at: Date.now(), levels: new Map(rows.map((r) => [r.code, r.level])) };
    }
    return this.regionCache!.levels;
  }

  /** For a job that woke up: the deadline as it is now (null when deleted). */
  async deadlineState(id: string): Promise<DeadlineState | null> {
    const rows = await this.db.query(
      `SELECT id, status, due_at AS "dueAt", remind_at AS "remindAt", reminded_at AS "remindedAt", created_at AS "createdAt" FROM deadline WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The deadlines' wake-up facts, for scheduling them. */
  async deadlineStates(ids: string[]): Promise<DeadlineState[]> {
    if (ids.length === 0) return [];
    return this.db.query(
      `SELECT id, status, due_at AS "dueAt", remind_at AS "remindAt", reminded_at AS "remindedAt", created_at AS "createdAt"
         FROM deadline WHERE id = ANY ($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
  }

  /**
   * Pending deadlines whose due (or reminder) time falls before `until` (null: any time) and that
   * do not fire yet — those that do are processed straight from the database.
   */
  async upcoming(until: Date | null, graceMs: number): Promise<DeadlineState[]> {
    return this.db.query(
      `SELECT id, status, due_at AS "dueAt", remind_at AS "remindAt", reminded_at AS "remindedAt", created_at AS "createdAt"
         FROM deadline
        WHERE status = 'pending'
          AND (($1::timestamptz IS NULL OR due_at <= $1)
               AND (CASE WHEN due_at > created_at THEN due_at ELSE created_at + $2 * interval '1 millisecond' END) > now()
            OR reminded_at IS NULL AND remind_at IS NOT NULL AND ($1::timestamptz IS NULL OR remind_at <= $1)
               AND (CASE WHEN remind_at > created_at THEN remind_at ELSE created_at + $2 * interval '1 millisecond' END) > now())`,
      [until, graceMs],
    );
  }

  /** Ids of pending deadlines that fire now, earliest first. */
  async firingDeadlineIds(limit: number, graceMs: number): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT id FROM deadline
        WHERE status = 'pending' AND due_at <= now() AND (due_at > created_at OR created_at <= now() - $2 * interval '1 millisecond')
        ORDER BY due_at LIMIT $1`,
      [limit, graceMs],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** Ids of pending deadlines whose reminder fires now, earliest first. */
  async firingReminderIds(limit: number, graceMs: number): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT id FROM deadline
        WHERE status = 'pending' AND reminded_at IS NULL AND remind_at <= now()
          AND (remind_at > created_at OR created_at <= now() - $2 * interval '1 millisecond')
        ORDER BY remind_at LIMIT $1`,
      [limit, graceMs],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** Age of the oldest pending deadline that is past due (the timers' lag), in ms. */
  async oldestDueAgeMs(): Promise<number | null> {
    const [row] = await this.db.query(
      `SELECT (extract(epoch FROM now() - min(due_at)) * 1000)::bigint AS ms FROM deadline WHERE status = 'pending' AND due_at <= now()`,
    );
    return row?.ms === null || row?.ms === undefined ? null : Number(row.ms);
  }
}
