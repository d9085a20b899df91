import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DemoCasesSeeder } from './demo-cases.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [CasesModule], providers: [DemoSeedService, DemoCasesSeeder], exports: [DemoSeedService, DemoCasesSeeder] })
export class SeedModule {}
