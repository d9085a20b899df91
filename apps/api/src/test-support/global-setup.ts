import { Client } from 'pg';

/**
 * Runs once per jest run. `npm test` (scripts/test.mjs) builds the API, migrates the template database
 * and loads the demo organisation into it with `node apps/api/dist/cli.js`; this only checks that it
 * did, so that running jest by hand fails with a clear message instead of odd errors. Each test file
 * then works on a copy of the template (isolated-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL || !template) {
    throw new Error('The API tests need DATABASE_URL, REDIS_URL and TEST_TEMPLATE_DATABASE: run them through `npm test`, which provides them.');
  }
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${template}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('schema_migration') AS t, (SELECT count(*) FROM pg_tables WHERE tablename = 'app_user') AS users`);
    if (!rows[0].t || rows[0].users === '0') throw new Error('The template test database is not migrated: run the tests through `npm test`.');
  } finally {
    await client.end();
  }
}
