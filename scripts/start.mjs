// `npm start`: everything on a fresh machine (DESIGN.md §2).
//   a supported Node → dependencies → PostgreSQL (DATABASE_URL or embedded) and Redis (REDIS_URL or a
//   local redis-server) → database `ecoloop` → build (nx) → the API (which migrates, seeds the demo
//   data into an empty database, and serves the web client) on http://localhost:$PORT.
// Ctrl-C stops the API, then Redis and PostgreSQL, and exits 0. If the API exits by itself, everything
// is stopped and its exit code is ours.
import fs from 'node:fs';
import path from 'node:path';
import { checkNode, ensureDependencies } from './lib/deps.mjs';

checkNode();
ensureDependencies();
const { DATA_DIR, InfraError, ROOT, cleanupAll, exitOnSignal, fail, isShuttingDown, log, redact, startChild, track } = await import('./lib/processes.mjs');
const { isAlive, procInfo } = await import('./lib/processes.mjs');
const { createDatabase, startPostgres } = await import('./lib/postgres.mjs');
const { freePort, startRedis } = await import('./lib/services.mjs');
const { build } = await import('./lib/system.mjs');

const DEMO_USERS = [
  ['admin', 'system administrator'],
  ['dispatcher.city', 'city dispatcher (嘉兴市)'],
  ['supervisor.city', 'city supervisor (嘉兴市)'],
  ['leader.city', 'city leader (嘉兴市)'],
  ['dispatcher.nanhu', 'county dispatcher (南湖区)'],
  ['supervisor.nanhu', 'county supervisor (南湖区)'],
  ['dispatcher.xiuzhou', 'county dispatcher (秀洲区)'],
  ['supervisor.xiuzhou', 'county supervisor (秀洲区)'],
  ['dispatcher.fengqiao', 'town dispatcher (凤桥镇)'],
  ['supervisor.fengqiao', 'town supervisor (凤桥镇)'],
  ['handler.fengqiao', 'handler, 凤桥镇生态办'],
  ['handler.yuxin', 'handler, 余新镇生态办'],
  ['handler.wangjiangjing', 'handler, 王江泾镇生态办'],
  ['handler.zhifa', 'handler, 南湖区综合行政执法局 (department)'],
  ['handler.haishi', 'handler, 嘉兴海事局 (outside body)'],
  ['grid.fengqiao001', 'grid worker, 330402100001'],
  ['grid.wangjiangjing001', 'grid worker, 330411101001'],
];
const DEMO_PASSWORD = 'demo1234';

/** One `npm start` per checkout (its embedded servers use fixed ports and data); a killed one's lock is taken over. */
function lockCheckout() {
  const lockFile = path.join(DATA_DIR, 'run', 'start.lock');
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const holder = fs.existsSync(lockFile) ? JSON.parse(fs.readFileSync(lockFile, 'utf8')) : null;
  if (holder && isAlive(holder.pid, holder.start))
    throw new InfraError(`EcoLoop is already running from this checkout (pid ${holder.pid}); stop it first (Ctrl-C in its terminal).`);
  fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, start: procInfo(process.pid).start }));
  track('start lock', { stop: () => fs.rmSync(lockFile, { force: true }) });
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
  exitOnSignal(0);

  const nodeEnv = process.env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  if (production && !process.env.JWT_SECRET) throw new InfraError('NODE_ENV=production needs JWT_SECRET to be set (there is no default secret in production).');
  const demoSeed = process.env.DEMO_SEED ?? (production ? 'false' : 'true');
  if (production && demoSeed === 'true') throw new InfraError('DEMO_SEED=true is refused with NODE_ENV=production.');

  const port = await freePort('PORT', 3000, 'the API', 'PORT to another port');
  lockCheckout();
  const redis = await startRedis({ purpose: 'start' }); // redis-server installed (or failing) before anything else starts
  const pg = await startPostgres({ purpose: 'start' });
  const databaseUrl = pg.embedded ? await createDatabase(pg.url, 'ecoloop', { ifMissing: true }) : pg.url;

  await build();
  const apiMain = path.join(ROOT, 'apps', 'api', 'dist', 'main.js');

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
  const api = startChild('the API', process.execPath, [apiMain], { env });
  // The banner once the API answers (it migrates and seeds first).
  void (async () => {
    const note = setTimeout(() => log('the API does not answer yet (a first start migrates and loads the demo data); still waiting…'), 60_000);
    for (; api.running(); await new Promise((r) => setTimeout(r, 500))) {
      if (await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(() => true, () => false)) {
        banner({ port, databaseUrl, redisUrl: redis.url, demoSeed, storageDir });
        break;
      }
    }
    clearTimeout(note);
  })();

  const { exitCode: code, signal } = await api.child;
  if (isShuttingDown()) return; // stopped by us: the shutdown handler exits
  log(`the API exited (${signal ? `signal ${signal}` : `code ${code}`}); stopping…`);
  await cleanupAll();
  process.exit(code ?? 1);
}

main().catch(fail);
