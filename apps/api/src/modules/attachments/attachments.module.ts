import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { join, resolve } from 'node:path';
import { AppConfig } from '../../core/config/app-config.js';
import { CasesModule } from '../cases/cases.module.js';
import { AttachmentsController, CaseAttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

@Module({
  imports: [
    CasesModule,
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Uploads stream to disk (never into memory) and are sniffed, hashed and moved afterwards.
        dest: join(resolve(config.storageDir), 'tmp'),
        limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 5 },
      }),
    }),
  ],
  controllers: [AttachmentsController, CaseAttachmentsController],
  providers: [AttachmentsService],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
