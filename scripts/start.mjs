// `npm start`: everything on a fresh machine (DESIGN.md §2).
//   install dependencies when missing → PostgreSQL (DATABASE_URL or embedded) and Redis (REDIS_URL or a
//   local redis-server) → database `ecoloop` → build (nx) → the API (which migrates, seeds the demo
//   data into an empty database, and serves the web client) on http://localhost:$PORT.
// Ctrl-C stops the API, then Redis and PostgreSQL, and exits 0. If the API exits by itself, everything
// is stopped and its exit code is ours.
import fs from 'node:fs';
import path from 'node:path';
import {
  DATA_DIR,
  InfraError,
  ROOT,
  build,
  cleanupAll,
  ensureDatabase,
  ensureDependencies,
  fail,
  isShuttingDown,
  log,
  onShutdown,
  portInUse,
  preflight,
  redact,
  spawnManaged,
  startPostgres,
  startRedis,
} from './lib/infra.mjs';

const DEMO_USERS = [
  ['admin', 'system administrator'],
  ['dispatcher.city', 'city dispatcher (嘉兴市)'],
  ['supervisor.city', 'city supervisor (嘉兴市)'],
  ['leader.city', 'city leader (嘉兴市)'],
  ['dispatcher.nanhu', 'county dispatcher (南湖区)'],
  ['supervisor.nanhu', 'county supervisor (南湖区)'],
  ['dispatcher.xiuzhou', 'county dispatcher (秀洲区)'],
  ['supervisor.xiuzhou', 'county supervisor (秀洲区)'],
  ['handler.fengqiao', 'handler, 凤桥镇生态办'],
  ['handler.yuxin', 'handler, 余新镇生态办'],
  ['handler.wangjiangjing', 'handler, 王江泾镇生态办'],
  ['grid.fengqiao001', 'grid worker, 330402101001'],
  ['grid.wangjiangjing001', 'grid worker, 330411101001'],
];
const DEMO_PASSWORD = 'demo1234';

async function listening(port) {
  return (await portInUse(port, '127.0.0.1')) || (await portInUse(port, '::1'));
}

function banner({ port, databaseUrl, redisUrl, demoSeed, storageDir }) {
  const url = `http://localhost:${port}`;
  const line = '─'.repeat(72);
  const out = [
    '',
    line,
    `  EcoLoop is running:  ${url}`,
    `  API:                 ${url}/api/v1`,
    `  PostgreSQL:          ${redact(databaseUrl)}`,
    `  Redis:               ${redact(redisUrl)}`,
    `  Attachments:         ${storageDir}`,
  ];
  if (demoSeed === 'true') {
    out.push('', `  Demo logins (password ${DEMO_PASSWORD} for every one):`);
    for (const [user, what] of DEMO_USERS) out.push(`    ${user.padEnd(24)} ${what}`);
  }
  out.push('', '  Press Ctrl-C to stop.', line, '');
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  onShutdown(async (why) => {
    log(`${why}: stopping…`);
    await cleanupAll();
    log('stopped');
    process.exit(0);
  });

  const nodeEnv = process.env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new InfraError(`PORT=${process.env.PORT} is not a valid port`);
  if (production && !process.env.JWT_SECRET) throw new InfraError('NODE_ENV=production needs JWT_SECRET to be set (there is no default secret in production).');
  const demoSeed = process.env.DEMO_SEED ?? (production ? 'false' : 'true');
  if (production && demoSeed === 'true') throw new InfraError('DEMO_SEED=true is refused with NODE_ENV=production.');

  ensureDependencies();
  if (await listening(port)) throw new InfraError(`port ${port} is already in use; stop what uses it or set PORT to another port.`);
  await preflight();

  const pg = await startPostgres({ purpose: 'start' });
  const redis = await startRedis({ purpose: 'start' });
  const databaseUrl = pg.embedded ? await ensureDatabase(pg.url, 'ecoloop') : pg.url;

  await build();
  const apiMain = path.join(ROOT, 'apps', 'api', 'dist', 'main.js');
  if (!fs.existsSync(apiMain)) throw new InfraError(`the build did not produce ${path.relative(ROOT, apiMain)}.`);

  const storageDir = path.resolve(ROOT, process.env.STORAGE_DIR || path.join(DATA_DIR, 'storage'));
  fs.mkdirSync(storageDir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: nodeEnv,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    PORT: String(port),
    JWT_SECRET: process.env.JWT_SECRET || 'ecoloop-dev-only-secret-do-not-use-in-production',
    STORAGE_DIR: storageDir,
    DEMO_SEED: demoSeed,
    WEB_DIST: process.env.WEB_DIST || path.join(ROOT, 'apps', 'web', 'dist'), // the API serves the client at /
  };

  log(`starting the API (migrations${demoSeed === 'true' ? ', demo data when the database is empty' : ''}, then http://localhost:${port})…`);
  const api = spawnManaged('the API', process.execPath, [apiMain], { env });

  // Banner once the API listens (it migrates and seeds first).
  let up = false;
  void api.done.then(() => {
    up = true; // stop polling
  });
  void (async () => {
    const started = Date.now();
    let noted = false;
    while (!up && !isShuttingDown()) {
      if (await listening(port)) {
        up = true;
        banner({ port, databaseUrl, redisUrl: redis.url, demoSeed, storageDir });
        return;
      }
      if (!noted && Date.now() - started > 60_000) {
        noted = true;
        log('the API is not listening yet (first start migrates and loads the demo data); still waiting…');
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  })();

  const { code, signal } = await api.done;
  log(`the API exited (${signal ? `signal ${signal}` : `code ${code}`}); stopping…`);
  await cleanupAll();
  process.exit(code ?? 1);
}

main().catch(fail);
