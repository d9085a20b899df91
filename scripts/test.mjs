// `npm test [-- <jest args>]`: the whole suite against real PostgreSQL and Redis (DESIGN.md §2).
//   install dependencies when missing → Chromium for the web e2e → Redis (REDIS_URL, or a throw-away local
//   redis-server) and PostgreSQL (DATABASE_URL, or a throw-away embedded cluster) → build → a template
//   database ecoloop_test_<stamp>_<pid>_tpl migrated and seeded once (each API test file copies it) → jest →
//   drop the run's databases (KEEP_TEST_DB=1 keeps them) → stop what was started → exit with jest's code.
import fs from 'node:fs';
import path from 'node:path';
import { checkNode, ensureDependencies } from './lib/deps.mjs';

checkNode();
ensureDependencies();
const { ROOT, cleanupAll, exitOnSignal, fail, isShuttingDown, log, redact, startChild, track, warn } = await import('./lib/processes.mjs');
const { createDatabase, dropDatabases, migrateAndSeed, startPostgres } = await import('./lib/postgres.mjs');
const { runDir, startRedis } = await import('./lib/services.mjs');
const { build, ensureChromium } = await import('./lib/system.mjs');

/** The closing line CI reads: 'N passed, N failed, N skipped'. */
function printSummary(resultsFile) {
  try {
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    const failedSuites = r.numRuntimeErrorTestSuites ?? 0; // suites that failed to run count as failures
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    process.stdout.write(`\nSummary: ${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed, ${skipped} skipped\n`);
  } catch {
    /* jest did not write results (e.g. it failed to start): its exit code tells */
  }
}

async function main() {
  const jestArgs = process.argv.slice(2);
  exitOnSignal(130);
  const keep = process.env.KEEP_TEST_DB === '1';

  const chromium = await ensureChromium(); // the web e2e needs it: fail before starting anything
  log(`Chromium for the web e2e: ${chromium}`);

  const redis = await startRedis({ purpose: 'test' }); // redis-server installed (or failing) before PostgreSQL starts
  const pg = await startPostgres({ purpose: 'test' });

  // The template, migrated and seeded once below; every API test file runs on a copy of its own
  // (apps/api/src/test-support/isolated-database.ts), everything else on the copy `name`.
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14); // UTC yyyymmddhhmmss
  const name = `ecoloop_test_${stamp}_${process.pid}`;
  const template = `${name}_tpl`;
  const templateUrl = await createDatabase(pg.url, template);
  if (!keep) {
    track('test databases', {
      stop: () => dropDatabases(pg.url, name).catch((err) => warn(`could not drop the databases ${name}*: ${err.message}`)),
    });
  }

  // The web client (served by the API in the e2e) and the API, whose CLI prepares the test database.
  await build(['@ecoloop/web', '@ecoloop/api']);

  const storageDir = path.join(runDir('test'), 'storage');
  fs.mkdirSync(storageDir, { recursive: true });
  const resultsFile = path.join(runDir('test'), 'jest-results.json');

  const jestBin = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const wantsOwnJson = jestArgs.some((a) => a === '--json' || a.startsWith('--outputFile'));
  const args = ['--ci', '--maxWorkers=2', ...(wantsOwnJson ? [] : ['--json', `--outputFile=${resultsFile}`]), ...jestArgs];

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: templateUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: name,
    JWT_SECRET: 'ecoloop-test-only-jwt-secret',
    STORAGE_DIR: storageDir,
    CHROMIUM_PATH: chromium,
  };

  // Migrate the template and load the demo organisation (regions, units, users) once, before jest:
  // the API's global-setup checks for both.
  await migrateAndSeed({ env });
  const databaseUrl = await createDatabase(pg.url, name, { template });
  Object.assign(env, { DATABASE_URL: databaseUrl, TEST_TEMPLATE_DATABASE: template });
  log(`test databases ${name}*${keep ? ' (kept afterwards: KEEP_TEST_DB=1)' : ''}`);

  log(`jest ${args.join(' ')}`);
  log(`  DATABASE_URL=${redact(databaseUrl)} REDIS_URL=${redact(redis.url)} REDIS_PREFIX=${name}`);
  const jest = startChild('jest', process.execPath, [jestBin, ...args], { env, stopSignal: 'SIGINT', stopTimeoutMs: 10_000 });
  const { exitCode: code, signal } = await jest.child;
  if (isShuttingDown()) return; // interrupted: the shutdown handler exits
  if (!wantsOwnJson) printSummary(resultsFile);
  if (keep) {
    log(`kept the test databases ${name}* on ${redact(pg.url)}`);
    if (pg.embedded) log(`  (its embedded cluster is stopped; data directory: ${pg.dataDir})`);
  }
  await cleanupAll();
  process.exit(code ?? (signal ? 1 : 0));
}

main().catch(fail);
