import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { UnitsModule } from '../units/units.module.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseNotifications } from './case-notifications.js';
import { CasesController } from './cases.controller.js';
import { CasesRepository } from './cases.repository.js';
import { CaseWriter } from './writer/case-writer.js';
import { CasesService } from './cases.service.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { RecentCases } from './recent-cases.js';

@Module({
  imports: [RegionsModule, UnitsModule, NotificationsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseNotifications, CasesRepository, CaseWriter, IdempotencyRepository, CaseExtensions, EnforcementRepository, RecentCases],
  exports: [CasesService, CasesRepository, CaseWriter, CaseExtensions, EnforcementRepository],
})
export class CasesModule {}
