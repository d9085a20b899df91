import { Client } from 'pg';

/**
 * Runs once per jest run. `npm test` (scripts/test.mjs) creates a fresh database, builds the API and
 * migrates it and loads the demo organisation with `node apps/api/dist/cli.js`; this only checks that
 * it did, so that running jest by hand fails with a clear message instead of odd errors.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.REDIS_URL) {
    throw new Error('The API tests need DATABASE_URL and REDIS_URL: run them through `npm test`, which provides both.');
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('schema_migration') AS t, (SELECT count(*) FROM pg_tables WHERE tablename = 'app_user') AS users`);
    if (!rows[0].t || rows[0].users === '0') throw new Error('The test database is not migrated: run the tests through `npm test`.');
  } finally {
    await client.end();
  }
}
