// `npm test [-- <jest args>]`: the whole suite against real PostgreSQL and Redis (DESIGN.md §2).
//   install dependencies when missing → PostgreSQL (DATABASE_URL, or a throw-away embedded cluster) and
//   Redis (REDIS_URL, or a throw-away local redis-server) → a fresh database ecoloop_test_<stamp>_<pid>
//   → Chromium for the web e2e → build the web client → jest → drop the database (KEEP_TEST_DB=1 keeps
//   it) → stop what was started → exit with jest's code.
import fs from 'node:fs';
import path from 'node:path';
import {
  InfraError,
  ROOT,
  build,
  cleanupAll,
  createDatabase,
  dropDatabase,
  ensureChromium,
  ensureDependencies,
  fail,
  getTestRunDir,
  log,
  onShutdown,
  preflight,
  redact,
  run,
  spawnManaged,
  startPostgres,
  startRedis,
  track,
  warn,
  workspaceAt,
} from './lib/infra.mjs';

function stamp(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

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
  onShutdown(async (why) => {
    log(`${why}: stopping the test run…`);
    await cleanupAll();
    process.exit(130);
  });

  ensureDependencies();
  const keep = process.env.KEEP_TEST_DB === '1';

  await preflight();
  const chromium = await ensureChromium(); // the web e2e needs it: fail before starting anything
  log(`Chromium for the web e2e: ${chromium}`);

  const pg = await startPostgres({ purpose: 'test' });
  const redis = await startRedis({ purpose: 'test' });

  const name = `ecoloop_test_${stamp()}_${process.pid}`;
  const databaseUrl = await createDatabase(pg.url, name);
  log(`test database ${name}${keep ? ' (kept afterwards: KEEP_TEST_DB=1)' : ''}`);
  if (!keep) {
    track('test database', {
      stop: () => dropDatabase(pg.url, name).catch((err) => warn(`could not drop ${name}: ${err.message}`)),
    });
  }

  // The web client (served by the API in the e2e) and the API, whose CLI prepares the test database.
  const projects = ['apps/web', 'apps/api'].map(workspaceAt).filter(Boolean);
  if (projects.length) {
    try {
      await build(projects.map((w) => w.name));
    } catch (err) {
      // A partial run (`npm test -- libs/workflow`) need not wait for the API to compile.
      if (!jestArgs.length || !(err instanceof InfraError)) throw err;
      warn(`${err.message} Going on with the jest arguments given; tests that need the build will fail.`);
    }
  }

  const runDir = getTestRunDir();
  const storageDir = path.join(runDir, 'storage');
  fs.mkdirSync(storageDir, { recursive: true });
  const resultsFile = path.join(runDir, 'jest-results.json');

  const jestBin = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  if (!fs.existsSync(jestBin)) throw new InfraError('jest is not installed (node_modules/jest); run `npm ci`.');
  const wantsOwnJson = jestArgs.some((a) => a === '--json' || a.startsWith('--outputFile'));
  const args = ['--ci', '--maxWorkers=2', ...(wantsOwnJson ? [] : ['--json', `--outputFile=${resultsFile}`]), ...jestArgs];

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: name,
    JWT_SECRET: 'ecoloop-test-only-jwt-secret',
    STORAGE_DIR: storageDir,
    CHROMIUM_PATH: chromium,
  };

  // Migrate the fresh database and load the demo organisation (regions, units, users) once, before
  // jest: the API's global-setup checks for both.
  const cli = path.join(ROOT, 'apps', 'api', 'dist', 'cli.js');
  if (fs.existsSync(cli)) {
    for (const command of ['migrate', 'seed-organisation']) {
      log(`node apps/api/dist/cli.js ${command}`);
      const r = await run(process.execPath, [cli, command], { env });
      if (r.code !== 0) throw new InfraError(`\`node apps/api/dist/cli.js ${command}\` failed (exit ${r.code}); see the output above.`);
    }
  } else {
    warn('apps/api/dist/cli.js does not exist: the test database is neither migrated nor seeded');
  }

  log(`jest ${args.join(' ')}`);
  log(`  DATABASE_URL=${redact(databaseUrl)} REDIS_URL=${redact(redis.url)} REDIS_PREFIX=${name}`);
  const jest = spawnManaged('jest', process.execPath, [jestBin, ...args], { env, stopSignal: 'SIGINT', stopTimeoutMs: 10_000 });
  const { code, signal } = await jest.done;
  if (!wantsOwnJson) printSummary(resultsFile);
  if (keep) {
    log(`kept the test database: ${redact(databaseUrl)}`);
    if (pg.embedded) log(`  (its embedded cluster is stopped; data directory: ${pg.dataDir})`);
  }
  await cleanupAll();
  process.exit(code ?? (signal ? 1 : 0));
}

main().catch(fail);
