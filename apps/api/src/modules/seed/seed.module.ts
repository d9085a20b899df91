import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { PetitionsModule } from '../petitions/petitions.module.js';
import { RiskWarningsModule } from '../risk-warnings/risk-warnings.module.js';
import { DemoHistorySeeder } from './demo-history.js';
import { DemoCasesSeeder } from './demo-cases.js';
import { DemoEnterprisesSeeder } from './demo-enterprises.js';
import { DemoPetitionsSeeder } from './demo-petitions.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [CasesModule, EnterprisesModule, PetitionsModule, RiskWarningsModule],
  providers: [DemoSeedService, DemoCasesSeeder, DemoEnterprisesSeeder, DemoPetitionsSeeder, DemoHistorySeeder],
  exports: [DemoSeedService, DemoCasesSeeder, DemoEnterprisesSeeder, DemoPetitionsSeeder, DemoHistorySeeder],
})
export class SeedModule {}
