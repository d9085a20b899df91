import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import JSZip from 'jszip';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type/node';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CasesService } from '../cases/cases.service.js';
import { AttachmentStorage } from './attachment-storage.js';

/** What may be uploaded, decided from the content's magic bytes, never from the name or header. */
export const ALLOWED_MIME = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'image/heif',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export interface AttachmentView {
  id: string;
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  caseId: string | null;
}

@Injectable()
export class AttachmentsService {
  readonly storage: AttachmentStorage;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    config: AppConfig,
  ) {
    this.storage = new AttachmentStorage(config.storageDir);
    mkdirSync(this.storage.tmpDir, { recursive: true });
  }

  /** Stores an upload of `uploaderId` (null: public intake, bound to its report in the same request). */
  async upload(uploaderId: string | null, file: { path: string; originalname: string; size: number } | undefined, field = 'file'): Promise<AttachmentView> {
    if (!file) throw AppError.badRequest('file_required', `A file is required in the multipart field "${field}"`);
    try {
      const type = await fileTypeFromFile(file.path);
      if (!type || !ALLOWED_MIME.has(type.mime)) {
        throw AppError.unsupportedMedia(`File content is not an allowed type (${type?.mime ?? 'unknown'}); images, PDF, video and Office documents are accepted`);
      }
      const sha256 = await this.storage.sha256Of(file.path);
      await this.storage.store(file.path, sha256);
      const originalName = file.originalname.slice(0, 255) || 'file';
      const [row] = await this.db.query(
        `INSERT INTO attachment (sha256, size, mime, original_name, uploaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [sha256, file.size, type.mime, originalName, uploaderId],
      );
      return { id: row.id, sha256, size: file.size, mime: type.mime, originalName, caseId: null };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Scoped like its case; an unbound upload only for its uploader. Otherwise 404. */
  async find(user: RequestUser, id: string): Promise<AttachmentView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('附件');
    const [row] = await this.db.query(
      `SELECT id, sha256, size::int AS size, mime, original_name AS "originalName", case_id AS "caseId", uploaded_by AS "uploadedBy" FROM attachment WHERE id = $1`,
      [id],
    );
    if (!row) throw AppError.notFound('附件');
    const visible = row.caseId ? !!(await this.caseRows.findVisible(row.caseId, this.cases.readScope(user))) : row.uploadedBy === user.id;
    if (!visible) throw AppError.notFound('附件');
    const { uploadedBy: _u, ...view } = row;
    return view;
  }

  /**
   * Every attachment of a case the caller can see, as one zip (404 otherwise), streamed: entries are
   * stored (photos and PDFs are compressed already) in upload order, numbered so that equal names
   * stay apart.
   */
  async caseArchive(user: RequestUser, caseId: string): Promise<{ code: string; count: number; stream: Readable }> {
    const c = await this.caseRows.findVisible(caseId, this.cases.readScope(user));
    if (!c) throw AppError.notFound('Case');
    const rows: { sha256: string; originalName: string }[] = await this.db.query(
      `SELECT sha256, original_name AS "originalName" FROM attachment WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    );
    const zip = new JSZip();
    const width = Math.max(2, String(rows.length).length);
    rows.forEach((a, i) => {
      const name = a.originalName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'file';
      zip.file(`${String(i + 1).padStart(width, '0')}-${name}`, this.storage.open(a.sha256), { binary: true });
    });
    const stream = zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'STORE' }) as unknown as Readable;
    return { code: c.code, count: rows.length, stream };
  }
}
