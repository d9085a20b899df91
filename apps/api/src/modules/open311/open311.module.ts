import { Module } from '@nestjs/common';
import { diskUploads } from '../../core/http/uploads.js';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { Open311Controller } from './open311.controller.js';
import { Open311Repository } from './open311.repository.js';
import { Open311Service } from './open311.service.js';
import { PublicIntakeLimit } from './public-intake-limit.js';
import { PublicReportFolder } from './public-report-folder.js';

@Module({
  imports: [
    CasesModule,
    RegionsModule,
    AlertsModule,
    AttachmentsModule,
    diskUploads((config) => ({ fileSize: config.attachmentMaxBytes, files: 1, fields: 40 })),
  ],
  controllers: [Open311Controller],
  providers: [Open311Repository, Open311Service, PublicIntakeLimit, PublicReportFolder],
})
export class Open311Module {}
