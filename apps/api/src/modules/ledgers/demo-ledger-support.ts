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
