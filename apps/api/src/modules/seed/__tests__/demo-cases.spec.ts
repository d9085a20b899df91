import { CASE_STATES } from '@ecoloop/workflow';
import { verifyChain } from '../../cases/event-hash';
import { CasesRepository } from '../../cases/cases.repository';
import { DemoCasesSeeder } from '../demo-cases';
import { Client } from 'pg';
import { createDataSource } from '../../../core/database/data-source';
import { runMigrations } from '../../../core/database/migrate';
import { ensureReferenceData } from '../../deadlines/reference-data';
import { DemoSeedService } from '../demo-seed.service';
import { createTestApp, type TestApp } from '../../../test-support/test-app';

/** Runs the demo seeder against a database of its own, since it only seeds an empty case table. */
describe('demo cases', () => {
  let t: TestApp;
  let url: URL;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  beforeAll(async () => {
    url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${url.pathname.slice(1).slice(0, 50)}_demo`;
    await admin(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}"`);
    await admin(`CREATE DATABASE "${url.pathname.slice(1)}"`);
    const ds = createDataSource(url.toString());
    await ds.initialize();
    await runMigrations(ds);
    await ensureReferenceData(ds);
    await new DemoSeedService(ds).seedOrganisation();
    await ds.destroy();
    t = await createTestApp({ DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await t?.close();
    await admin(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}"`);
  });

  it('creates cases in every state with valid hash chains, once', async () => {
    const seeder = t.app.get(DemoCasesSeeder);
    expect(await seeder.seedIfEmpty(120)).toBe(120);
    const states = (await t.db.query(`SELECT state, count(*)::int AS n FROM "case" GROUP BY state`)) as { state: string; n: number }[];
    expect(states.map((s) => s.state).sort()).toEqual([...CASE_STATES].sort());
    const repo = t.app.get(CasesRepository);
    const ids: { id: string }[] = await t.db.query(`SELECT id FROM "case"`);
    for (const { id } of ids) expect(verifyChain(await repo.events(id)).ok).toBe(true);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE title ~ '[\\u4e00-\\u9fa5]'`);
    expect(n).toBe(120);
    expect(await seeder.seedIfEmpty(120)).toBe(0);
  });
});
