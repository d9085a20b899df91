import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Runs before each API test file (setupFilesAfterEnv): the file gets a database of its own, copied
 * with `CREATE DATABASE … TEMPLATE` from the one `npm test` migrated and seeded once
 * (TEST_TEMPLATE_DATABASE), and Redis keys of its own (REDIS_PREFIX). Files running side by side
 * never see each other's cases, counts, locks or queue jobs. `npm test` drops the copies at the end.
 */
beforeAll(async () => {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!template || !process.env.DATABASE_URL) throw new Error('The API tests need TEST_TEMPLATE_DATABASE and DATABASE_URL: run them through `npm test`.');
  const suffix = randomBytes(4).toString('hex');
  const name = `${template}_${suffix}`;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`);
        break;
      } catch (err) {
        // 55006: someone is connected to the template for a moment (another file's copy being made).
        if ((err as { code?: string }).code !== '55006' || attempt === 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? 'ecoloop'}_${suffix}`;
});

/**
 * Two queries at once on one connection (Promise.all inside a transaction): pg queues them today,
 * warns (on the real process, which a test file cannot listen to) and refuses them from pg 9. Any
 * query sent while that connection's queue is not empty — pg's own test for the warning — fails the file.
 * TypeORM's own schema reader does it (the schema-drift test): not ours to change, so not counted.
 */
const overlapping: string[] = [];
const send = Client.prototype.query;
beforeAll(() => {
  Client.prototype.query = function (this: Client & { _queryQueue?: unknown[] }, ...args: unknown[]) {
    if (!Array.isArray(this._queryQueue)) throw new Error('pg changed: Client._queryQueue is gone; update the overlapping-query check in isolated-database.ts');
    if (this._queryQueue.length > 0) {
      const stack = new Error('query sent while another runs on its connection').stack ?? '';
      if (!stack.includes('RdbmsSchemaBuilder')) overlapping.push(stack);
    }
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
});
afterAll(() => {
  Client.prototype.query = send;
  if (overlapping.length) throw new Error(`a query was sent on a connection still running others:\n${overlapping.join('\n')}`);
});
