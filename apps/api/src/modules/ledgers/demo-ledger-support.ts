import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
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
