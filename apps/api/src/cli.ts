import 'reflect-metadata';
import { databaseUrlFromEnvironment } from './core/config/configuration.js';
import { createDataSource } from './core/database/data-source.js';
import { runMigrations } from './core/database/migrate.js';
import { ensureReferenceData } from './modules/deadlines/reference-data.js';
import { DemoSeedService } from './modules/seed/demo-seed.service.js';

/**
 * Operations without the HTTP server:
 *   node apps/api/dist/cli.js migrate            run pending migrations, load reference data (policies, calendars)
 *   node apps/api/dist/cli.js seed-organisation  load DESIGN §8's regions, units and users
 */
async function main(command: string | undefined): Promise<void> {
  const db = createDataSource(databaseUrlFromEnvironment());
  await db.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const done = await runMigrations(db);
        await ensureReferenceData(db);
        console.log(done.length ? `migrated: ${done.join(', ')}` : 'schema is up to date');
        break;
      }
      case 'seed-organisation':
        console.log(await new DemoSeedService(db).seedOrganisation());
        break;
      default:
        throw new Error(`unknown command ${command ?? ''}; use migrate | seed-organisation`);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
