import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { ensureReferenceData } from '../deadlines/reference-data.js';
import { seedDemoLedger } from '../ledgers/demo-ledger.js';
import { DemoCasesSeeder } from './demo-cases.js';
import { DemoSeedService } from './demo-seed.service.js';

/** Reference data every deployment needs, then the demo data when DEMO_SEED is on. */
export async function bootstrapData(app: INestApplicationContext, config: AppConfig): Promise<void> {
  await ensureReferenceData(app.get<DataSource>(getDataSourceToken()));
  if (config.demoSeed) {
    await app.get(DemoSeedService).seedOrganisation();
    // The demo cases go first: they are only made while the case table is empty.
    await app.get(DemoCasesSeeder).seedIfEmpty(config.demoCases);
    await seedDemoLedger(app);
  }
}
