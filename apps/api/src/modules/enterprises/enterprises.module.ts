import { Module } from '@nestjs/common';
import { diskUploads } from '../../core/http/uploads.js';
import { CasesModule } from '../cases/cases.module.js';
import { CreditRepairsController } from './credit-repairs.controller.js';
import { CreditRepairsService } from './credit-repairs.service.js';
import { EnterpriseHealthService } from './enterprise-health.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';
import { InterviewsController } from './interviews.controller.js';
import { InterviewsService } from './interviews.service.js';

/** A registry of a city's enterprises (tens of thousands of rows) is a few MB. */
const MAX_REGISTRY_FILE_BYTES = 20 * 1024 * 1024;

@Module({
  imports: [
    CasesModule,
    diskUploads({ fileSize: MAX_REGISTRY_FILE_BYTES, files: 1, fields: 5 }),
  ],
  controllers: [EnterprisesController, CreditRepairsController, InterviewsController],
  providers: [EnterprisesService, EnterpriseHealthService, CreditRepairsService, InterviewsService],
  exports: [EnterprisesService, EnterpriseHealthService, CreditRepairsService, InterviewsService],
})
export class EnterprisesModule {}
