import { Module } from '@nestjs/common';
import { diskUploads } from '../../core/http/uploads.js';
import { CasesModule } from '../cases/cases.module.js';
import { AttachmentsController, CaseAttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [
    CasesModule,
    diskUploads((config) => ({ fileSize: config.attachmentMaxBytes, files: 1, fields: 5 })),
  ],
  controllers: [AttachmentsController, CaseAttachmentsController],
  providers: [AttachmentsService],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
