import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AttachmentsService } from './attachments.service.js';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @Authorize('create', 'Attachment')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  upload(@CurrentUser() user: RequestUser, @UploadedFile() file: { path: string; originalname: string; size: number } | undefined) {
    return this.attachments.upload(user, file);
  }

  @Get(':id')
  @Authorize('read', 'Attachment')
  async download(@CurrentUser() user: RequestUser, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const a = await this.attachments.find(user, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, max-age=3600');
    return new StreamableFile(this.attachments.storage.open(a.sha256), {
      type: a.mime,
      length: a.size,
      disposition: `${a.mime.startsWith('image/') || a.mime === 'application/pdf' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.originalName)}`,
    });
  }
}
