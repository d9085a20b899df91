import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { UserContextService } from '../../core/auth/user-context.service.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { CasesService } from '../cases/cases.service.js';
import { demoPhoto } from '../seed/demo-photo.js';

let stored: { sha256: string; size: number } | null = null;

/** A demo evidence photo as an attachment uploaded by `user` at `at` (the stored file is shared). */
export async function uploadDemoPhoto(app: INestApplicationContext, user: RequestUser, name: string, at: Date): Promise<string> {
  const db = app.get<DataSource>(getDataSourceToken(), { strict: false });
  if (!stored) {
    const png = demoPhoto(160, 120, 60);
    const sha256 = await new AttachmentStorage(app.get(AppConfig, { strict: false }).storageDir).storeBuffer(png);
    stored = { sha256, size: png.length };
  }
  const [{ id }] = await db.query(
    `INSERT INTO attachment (sha256, size, mime, original_name, uploaded_by, created_at) VALUES ($1, $2, 'image/png', $3, $4, $5) RETURNING id`,
    [stored.sha256, stored.size, name, user.id, at],
  );
  return id;
}

export const DAY = 86_400_000;
const SHANGHAI = 8 * 3600_000;

/** The calendar day in Asia/Shanghai `days` after `at`, as YYYY-MM-DD. */
export const dateIn = (at: Date, days: number): string => new Date(at.getTime() + days * DAY + SHANGHAI).toISOString().slice(0, 10);

/**
 * 09:00 Asia/Shanghai on the day `days` before `now`. Demo histories start there, so the steps
 * that follow within hours stay on the same calendar day as the start, whatever time the demo
 * is seeded (seeding at 23:55 would otherwise date an import one day after its ledger).
 */
export function morningDaysAgo(now: Date, days: number): Date {
  const day = Math.floor((now.getTime() + SHANGHAI) / DAY) - days;
  return new Date(day * DAY + 9 * 3600_000 - SHANGHAI);
}

/** What a demo ledger seeder reports: the ledger, whether it was made now, its items and cases. */
export interface DemoLedgerResult {
  ledgerId: string;
  /** False when the ledger was already there (nothing was changed). */
  created: boolean;
  items: number;
  cases: number;
}

/** The ledger titled `title` with its counts (`created: false`), or null when there is none yet. */
export async function existingLedger(db: DataSource, title: string): Promise<DemoLedgerResult | null> {
  const [row] = await db.query(
    `SELECT l.id, (SELECT count(*)::int FROM ledger_item i WHERE i.ledger_id = l.id) AS items, (SELECT count(*)::int FROM "case" c WHERE c.ledger_id = l.id) AS cases
       FROM ledger l WHERE l.title = $1 ORDER BY l.created_at LIMIT 1`,
    [title],
  );
  return row ? { ledgerId: row.id, created: false, items: row.items, cases: row.cases } : null;
}

/** The counts of a ledger just made (`created: true`). */
export async function madeLedger(db: DataSource, ledgerId: string): Promise<DemoLedgerResult> {
  const [{ items, cases }] = await db.query(
    `SELECT (SELECT count(*)::int FROM ledger_item WHERE ledger_id = $1) AS items, (SELECT count(*)::int FROM "case" WHERE ledger_id = $1) AS cases`,
    [ledgerId],
  );
  return { ledgerId, created: true, items, cases };
}

/** Demo users by name, the handler of a unit and the supervisors (null when there is none), loaded once each. */
export function demoUsers(app: INestApplicationContext, db: DataSource) {
  const context = app.get(UserContextService, { strict: false });
  const cache = new Map<string, RequestUser | null>();
  const where = async (key: string, sql: string, params: unknown[]) => {
    if (!cache.has(key)) {
      const [row] = await db.query(`SELECT u.id FROM app_user u JOIN region r ON r.code = u.region_code WHERE u.active AND ${sql} ORDER BY u.username LIMIT 1`, params);
      cache.set(key, row ? await context.load(row.id) : null);
    }
    return cache.get(key)!;
  };
  return {
    byName: (username: string) => where(username, 'u.username = $1', [username]),
    handlerOf: (unitId: string) => where(`handler:${unitId}`, `'handler' = ANY(u.roles) AND u.unit_id = $1`, [unitId]),
    supervisorAt: (regionCode: string) => where(`supervisor:${regionCode}`, `'supervisor' = ANY(u.roles) AND u.region_code = $1`, [regionCode]),
    citySupervisor: () => where('supervisor:city', `'supervisor' = ANY(u.roles) AND r.level = 'city'`, []),
  };
}

/** An action at a past time; re-read and retried when a timer changed the case meanwhile. */
export function demoActor(app: INestApplicationContext) {
  const cases = app.get(CasesService, { strict: false });
  return async (user: RequestUser, caseId: string, action: string, payload: Record<string, unknown>, when: Date) => {
    for (let attempt = 1; ; attempt++) {
      const current = await cases.get(user, caseId);
      try {
        return await cases.act(user, caseId, action, { expectedVersion: current.version, ...payload }, { at: when });
      } catch (err) {
        if (attempt >= 5 || (err as { code?: string }).code !== 'stale_version') throw err;
      }
    }
  };
}
