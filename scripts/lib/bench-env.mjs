// What every benchmark needs first: PostgreSQL and Redis (configured or self-started), a fresh
// database migrated with the demo organisation, a scratch storage directory, and the environment the
// compiled API reads — all removed again by cleanupAll(). Then, if wanted, the API in this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, dropDatabases, migrateAndSeed, startPostgres } from './postgres.mjs';
import { InfraError, ROOT, exitOnSignal, log, track } from './processes.mjs';
import { startRedis } from './services.mjs';

export const API_DIST = path.join(ROOT, 'apps', 'api', 'dist');

/** Returns the fresh database's URL; `env` adds to (or overrides) the API's environment. */
export async function prepareBench(label, env = {}) {
  if (!fs.existsSync(path.join(API_DIST, 'app.module.js'))) throw new InfraError('The API is not built: run `npm run build` first.');
  exitOnSignal(130);
  const redis = await startRedis({ purpose: 'test' });
  const pg = await startPostgres({ purpose: 'test' });
  const name = `ecoloop_bench_${label}_${Date.now()}_${process.pid}`;
  const databaseUrl = await createDatabase(pg.url, name);
  // BENCH_KEEP_DATABASE=1 leaves it for a look afterwards (EXPLAIN of a slow query); drop it by hand.
  if (process.env.BENCH_KEEP_DATABASE === '1') log(`keeping database ${name}`);
  else track('bench database', { stop: () => dropDatabases(pg.url, name) });
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoloop-bench-'));
  track('bench storage', { stop: async () => fs.rmSync(storage, { recursive: true, force: true }) });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: name,
    JWT_SECRET: 'ecoloop-bench-only-jwt-secret',
    STORAGE_DIR: storage,
    LOG_LEVEL: 'silent',
    ...env,
  });
  // With a shared Redis (REDIS_URL), leave none of this run's keys behind (runs after the API stopped).
  track('bench redis keys', {
    stop: async () => {
      const { Redis } = await import('ioredis');
      const client = new Redis(redis.url);
      try {
        let cursor = '0';
        do {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${name}:*`, 'COUNT', 5000);
          if (keys.length) await client.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        client.disconnect();
      }
    },
  });
  await migrateAndSeed({ quiet: true });
  return { databaseUrl, storage };
}

/** The compiled API in this process on a free port; returns its /api/v1 base URL and a login helper. */
export async function startApi() {
  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import(path.join(API_DIST, 'app.module.js'));
  const { configureApp, createHttpAdapter } = await import(path.join(API_DIST, 'app.setup.js'));
  const app = await NestFactory.create(AppModule, createHttpAdapter({ trustProxy: 'loopback' }), { logger: false });
  await configureApp(app);
  await app.listen(0, '127.0.0.1');
  track('api', { stop: () => app.close() });
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api/v1`;
  const login = async (username) => {
    const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }) });
    if (res.status !== 200) throw new InfraError(`login ${username}: ${res.status}`);
    return (await res.json()).accessToken;
  };
  return { app, base, login };
}
