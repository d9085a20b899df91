import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AttachmentsService } from './attachments.service.js';
import { byIp, RateLimit } from '../../core/http/rate-limit.guard.js';
import { ATTACHMENT_CSP, dispositionFor } from '../../core/http/security-headers.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { AttachmentDto } from './dto/attachment.dto.js';
import { ApiErrors, ApiFileResponse, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('attachments')
@ApiBearerAuth()
@ApiProtected()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @Authorize('create', 'Attachment')
  // Checked before the file is received (guards run before the multipart interceptor).
  @RateLimit(
    { name: 'upload-user', limit: (c) => c.uploadQuotaPerHour, windowMs: 3_600_000, key: (req) => (req as { user?: { id: string } }).user?.id, message: '上传过于频繁：已达每小时上传数量上限' },
    { name: 'upload-ip', limit: (c) => 3 * c.uploadQuotaPerHour, windowMs: 3_600_000, key: byIp, message: '该地址上传过于频繁，请稍后再试' },
  )
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiSummary('Upload a photo, video or document (content type checked by its bytes)')
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiErrors(400, 413, 415)
  upload(@CurrentUser() user: RequestUser, @UploadedFile() file: { path: string; originalname: string; size: number } | undefined): Promise<AttachmentDto> {
    return this.attachments.upload(user.id, file);
  }

  @Get(':id')
  @Authorize('read', 'Attachment')
  @ApiSummary('Download an attachment')
  @ApiFileResponse('the file', 'image/*', 'video/*', 'application/pdf', 'application/octet-stream')
  @ApiErrors(404)
  async download(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const a = await this.attachments.find(user, id);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Cache-Control', 'private, max-age=3600');
    res.header('Content-Security-Policy', ATTACHMENT_CSP);
    return new StreamableFile(this.attachments.storage.open(a.sha256), {
      type: a.mime,
      length: a.size,
      disposition: dispositionFor(a.mime, a.originalName),
    });
  }
}

/** A case's attachments at once (one zip), beside the case routes. */
@ApiTags('attachments')
@ApiBearerAuth()
@ApiProtected()
@Controller('cases')
export class CaseAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get(':id/attachments.zip')
  @Authorize('read', 'Case')
  @ApiSummary('Download every attachment of a case as one zip')
  @ApiFileResponse('the zip', 'application/zip')
  @ApiErrors(404)
  async archive(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const { code, stream } = await this.attachments.caseArchive(user, id);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, { type: 'application/zip', disposition: `attachment; filename*=UTF-8''${encodeURIComponent(`${code}-附件.zip`)}` });
  }
}
