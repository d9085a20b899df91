import { Module } from '@nestjs/common';
import { AuthCoreModule } from './core/auth/auth-core.module.js';
import { ConfigModule } from './core/config/config.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { RedisModule } from './core/redis/redis.module.js';
import { AlertsModule } from './modules/alerts/alerts.module.js';
import { AttachmentsModule } from './modules/attachments/attachments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { DeadlineJobsModule } from './modules/deadlines/jobs/deadline-jobs.module.js';
import { DeadlinesModule } from './modules/deadlines/deadlines.module.js';
import { EnterprisesModule } from './modules/enterprises/enterprises.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { LedgersModule } from './modules/ledgers/ledgers.module.js';
import { PetitionsModule } from './modules/petitions/petitions.module.js';
import { Open311Module } from './modules/open311/open311.module.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { RiskWarningsModule } from './modules/risk-warnings/risk-warnings.module.js';
import { AssessmentModule } from './modules/assessment/assessment.module.js';
import { LeadersModule } from './modules/leaders/leaders.module.js';
import { SeedModule } from './modules/seed/seed.module.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    AuthCoreModule,
    HealthModule,
    AuthModule,
    RegionsModule,
    UnitsModule,
    UsersModule,
    DeadlinesModule,
    CasesModule,
    PetitionsModule,
    NotificationsModule,
    DeadlineJobsModule,
    AttachmentsModule,
    AuditModule,
    LedgersModule,
    StatsModule,
    Open311Module,
    AlertsModule,
    EnterprisesModule,
    RiskWarningsModule,
    AssessmentModule,
    LeadersModule,
    SeedModule,
  ],
})
export class AppModule {}
