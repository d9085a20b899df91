import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { MonthlyWarningsJob } from './monthly-warnings.job.js';
import { RiskWarningsController } from './risk-warnings.controller.js';
import { RiskWarningsService } from './risk-warnings.service.js';
import { WarningConsequences } from './warning-consequences.js';
import { WarningFiguresRepository } from './warning-figures.repository.js';

@Module({
  imports: [CasesModule, NotificationsModule],
  controllers: [RiskWarningsController],
  providers: [RiskWarningsService, WarningFiguresRepository, WarningConsequences, MonthlyWarningsJob],
  exports: [RiskWarningsService, MonthlyWarningsJob],
})
export class RiskWarningsModule {}
