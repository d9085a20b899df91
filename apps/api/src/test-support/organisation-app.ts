import { Client } from 'pg';
import { createDataSource } from '../core/database/data-source.js';
import { runMigrations } from '../core/database/migrate.js';
import { ensureReferenceData } from '../modules/deadlines/reference-data.js';
import { DemoSeedService } from '../modules/seed/demo-seed.service.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The real application on a database of its own (this file's name + `_<suffix>`) holding the
 * schema, the reference data and the demo organisation, and no cases: for the demo seeders, which
 * only seed an empty case table. `close` also drops that database.
 */
export async function createOrganisationApp(suffix: string): Promise<TestApp> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${url.pathname.slice(1).slice(0, 50)}_${suffix}`;
  const name = url.pathname.slice(1);
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}"`);
  await drop();
  await admin(`CREATE DATABASE "${name}"`);
  try {
    const ds = createDataSource(url.toString());
    await ds.initialize();
    await runMigrations(ds);
    await ensureReferenceData(ds);
    await new DemoSeedService(ds).seedOrganisation();
    await ds.destroy();
    const t = await createTestApp({ DATABASE_URL: url.toString() });
    return {
      ...t,
      close: async () => {
        await t.close();
        await drop();
      },
    };
  } catch (err) {
    await drop();
    throw err;
  }
}
