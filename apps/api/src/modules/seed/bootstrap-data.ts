import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { seedDemoAlerts } from '../alerts/demo-alerts.js';
import { ensureReferenceData } from '../deadlines/reference-data.js';
import { seedDemoLedger } from '../ledgers/demo-ledger.js';
import { seedDemoPetitionBatch, seedDemoTaskTable } from '../ledgers/demo-ledger-batches.js';
import { DemoCasesSeeder } from './demo-cases.js';
import { DemoHistorySeeder } from './demo-history.js';
import { DemoEnterprisesSeeder } from './demo-enterprises.js';
import { DemoPetitionsSeeder } from './demo-petitions.js';
import { DemoSeedService } from './demo-seed.service.js';

/** Reference data every deployment needs, then the demo data when DEMO_SEED is on. */
export async function bootstrapData(app: INestApplicationContext, config: AppConfig): Promise<void> {
  await ensureReferenceData(app.get<DataSource>(getDataSourceToken()));
  if (config.demoSeed) {
    await app.get(DemoSeedService).seedOrganisation();
    // The registry before the cases, which name its enterprises; the cases are only made while the case table is empty.
    await app.get(DemoEnterprisesSeeder).importRegistryIfEmpty();
    await app.get(DemoCasesSeeder).seedIfEmpty(config.demoCases);
    await app.get(DemoPetitionsSeeder).seedIfEmpty();
    await seedDemoLedger(app);
    await seedDemoPetitionBatch(app);
    await seedDemoTaskTable(app);
    await app.get(DemoEnterprisesSeeder).seedFactsIfEmpty();
    await seedDemoAlerts(app);
    // Twelve months of every county's cases, then the past months' warnings issued (last, so they count every seeder's cases).
    await app.get(DemoHistorySeeder).seedIfAbsent();
  }
}
