import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { AlertsAdminController, AlertsController } from './alerts.controller.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { ApiKeyGuard, ApiKeysService } from './api-keys.service.js';
import { FastTrackService } from './fast-track.service.js';

/** Machine alerts (DESIGN §10): device keys, intake, folding and grading, the 1530 figure. */
@Module({
  imports: [CasesModule, DeadlinesModule, NotificationsModule, RegionsModule],
  controllers: [AlertsController, AlertsAdminController],
  providers: [AlertsRepository, AlertsService, ApiKeysService, ApiKeyGuard, FastTrackService],
  exports: [ApiKeysService],
})
export class AlertsModule {}
