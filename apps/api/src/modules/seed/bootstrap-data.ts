import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { DemoSeedService } from './demo-seed.service.js';

/** Reference data every deployment needs, then the demo data when DEMO_SEED is on. */
export async function bootstrapData(app: INestApplicationContext, config: AppConfig): Promise<void> {
  if (config.demoSeed) {
    await app.get(DemoSeedService).seedOrganisation();
  }
}
