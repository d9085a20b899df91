import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fileTypeFromFile } from 'file-type';
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

  async upload(user: RequestUser, file: { path: string; originalname: string; size: number } | undefined): Promise<AttachmentView> {
    if (!file) throw AppError.badRequest('file_required', 'A file is required in the multipart field "file"');
    try {
      const type = await fileTypeFromFile(file.path);
      if (!type || !ALLOWED_MIME.has(type.mime)) {
        throw AppError.unsupportedMedia(`File content is not an allowed type (${type?.mime ?? 'unknown'}); images, PDF, video and Office documents are accepted`);
      }
      const sha256 = await this.storage.sha256Of(file.path);
      await this.storage.store(file.path, sha256);
      const originalName = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 255) || 'file';
      const [row] = await this.db.query(
        `INSERT INTO attachment (sha256, size, mime, original_name, uploaded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [sha256, file.size, type.mime, originalName, user.id],
      );
      return { id: row.id, sha256, size: file.size, mime: type.mime, originalName, caseId: null };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Scoped like its case; an unbound upload only for its uploader. Otherwise 404. */
  async find(user: RequestUser, id: string): Promise<AttachmentView> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Attachment');
    const [row] = await this.db.query(
      `SELECT id, sha256, size::int AS size, mime, original_name AS "originalName", case_id AS "caseId", uploaded_by AS "uploadedBy" FROM attachment WHERE id = $1`,
      [id],
    );
    if (!row) throw AppError.notFound('Attachment');
    const visible = row.caseId ? !!(await this.caseRows.findVisible(row.caseId, this.cases.readScope(user))) : row.uploadedBy === user.id;
    if (!visible) throw AppError.notFound('Attachment');
    const { uploadedBy: _u, ...view } = row;
    return view;
  }
}
