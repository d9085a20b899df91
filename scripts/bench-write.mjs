// `npm run bench:write`: the case write path against PostgreSQL itself, measured in one run.
//   PostgreSQL and Redis (configured or self-started) → a fresh database with the demo organisation →
//   the production build of the API as its own process (NODE_ENV=production, request logs at info to a
//   file) → BENCH_WRITE_CASES (2,000) rectifying cases made through the API → POST /cases/:id/actions/report_progress
//   at 1, 8 and 32 clients (each client on its own share of the cases, in turn) for BENCH_SECONDS each → the equivalent SQL (update the
//   case and its version, insert the event with the next seq, settle and insert a deadline) on the same
//   server at the same concurrency, with pgbench when installed, else node-postgres → per client count:
//   `API X tps (p50, p95) vs SQL Y tps = R %`, each the median of BENCH_ROUNDS (3) alternating rounds.
//   Needs the built API (`npm run build`). Prints figures only.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import getPort from 'get-port';
import { API_DIST, prepareBench } from './lib/bench-env.mjs';
import { withPg } from './lib/postgres.mjs';
import { InfraError, cleanupAll, fail, log, startChild } from './lib/processes.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
// Like pgbench's 20,000 rows picked at random: the clients spread over many cases, so that a case
// gathers a realistic history (a few progress reports and deadlines each), not thousands.
const CASES = Number(process.env.BENCH_WRITE_CASES ?? 2000);
// API processes (API_PROCESSES): one, the API's own default. On two cores shared with PostgreSQL a
// second process measured worse (2026-12-03: 8 clients 580 vs 758 tps, 1.62 vs 1.15 ms of CPU per
// request: each process merges fewer concurrent writes); BENCH_API_PROCESSES=2 runs it that way.
const PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 1);
// Rounds of (API run, SQL run) per client count: on a shared 2-core VM one run of either can be off by
// a third, so each figure printed is the median of the rounds (and the ratios' range is shown).
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const median = (xs) => pct(xs, 0.5);

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

function request(base, method, url, body, token) {
  return new Promise((resolve, reject) => {
    const data = body ? Buffer.from(JSON.stringify(body)) : null;
    const req = http.request(new URL(base + url), {
      method,
      agent,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(data ? { 'content-length': data.length } : {}) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, body: json ?? text });
      });
    });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/**
 * One client's keep-alive connection, as lean as pgbench's own client: a request is one prepared
 * string written to the socket, the answer is read by its Content-Length and not parsed. Node's http client costs
 * about 0.3 ms of CPU per request, taken from the two cores that the API and PostgreSQL share.
 */
function leanConnection(base, token) {
  const { hostname, port, pathname } = new URL(base);
  const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
  const headers = `HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: `;
  let buffer = null;
  let waiting = null;
  socket.on('data', (chunk) => {
    buffer = buffer ? Buffer.concat([buffer, chunk]) : chunk;
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0 || !waiting) return;
    const head = buffer.toString('latin1', 0, end);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return waiting.reject(new InfraError(`an answer without Content-Length: ${head.slice(0, 200)}`));
    const bodyEnd = end + 4 + Number(length[1]);
    if (buffer.length < bodyEnd) return;
    const text = buffer.toString('utf8', end + 4, bodyEnd);
    buffer = buffer.length > bodyEnd ? buffer.subarray(bodyEnd) : null;
    const done = waiting;
    waiting = null;
    done.resolve({ status: Number(head.slice(9, 12)), text });
  });
  socket.on('error', (e) => waiting?.reject(e));
  return {
    /** The answer's status and body text (parsed by the caller only where it needs more than the version). */
    post(url, body) {
      const json = JSON.stringify(body);
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(`POST ${pathname}${url} ${headers}${Buffer.byteLength(json)}\r\n\r\n${json}`);
      });
    },
    close: () => socket.destroy(),
  };
}

/** The case's version in a case detail's JSON text: its only "version" key. */
const versionOf = (text) => Number(/"version":(\d+)/.exec(text)?.[1]);

async function must(base, method, url, body, token, status = [200, 201]) {
  const res = await request(base, method, url, body, token);
  if (!status.includes(res.status)) throw new InfraError(`${method} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

async function startApi(env) {
  const port = await getPort();
  const logFile = path.join(os.tmpdir(), `ecoloop-bench-write-${process.pid}.log`);
  const out = fs.openSync(logFile, 'w');
  // BENCH_PROFILE=<dir>: a V8 CPU profile of the API, written there when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  const { child } = startChild('api', process.execPath, [...profile, path.join(API_DIST, 'main.js')], { env: { ...env, PORT: String(port) }, stdout: out, stderr: out });
  const base = `http://127.0.0.1:${port}/api/v1`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null && child.exitCode !== undefined) throw new InfraError(`the API exited (${child.exitCode}); see ${logFile}`);
    const ok = await request(base, 'GET', '/health').then((r) => r.status === 200, () => false);
    if (ok) return { base, logFile, pid: child.pid };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new InfraError(`the API did not answer /health; see ${logFile}`);
}

async function login(base, username) {
  return (await must(base, 'POST', '/auth/login', { username, password: 'demo1234' })).accessToken;
}

/** Rectifying cases of 凤桥镇生态办, made through the API as the demo users would. */
async function makeCases(base) {
  const [grid, dispatcher, handler] = await Promise.all(['grid.fengqiao001', 'dispatcher.nanhu', 'handler.fengqiao'].map((u) => login(base, u)));
  const units = await must(base, 'GET', '/units', null, dispatcher);
  const unit = units.find((u) => u.name === '凤桥镇生态办');
  const cases = [];
  let next = 0;
  // Made eight at a time (a dispatcher's and a unit's day, compressed).
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < CASES) {
        const i = next++;
        let c = await must(base, 'POST', '/cases', { title: `基准：河道漂浮物 ${i + 1}`, description: '凤桥镇三星村河道漂浮物较多', category: 'water', source: 'grid_patrol', severity: 'general', lat: 30.7, lng: 120.8 }, grid);
        c = await must(base, 'POST', `/cases/${c.id}/actions/accept`, { expectedVersion: c.version }, dispatcher);
        c = await must(base, 'POST', `/cases/${c.id}/actions/dispatch`, { expectedVersion: c.version, leadUnitId: unit.id }, dispatcher);
        c = await must(base, 'POST', `/cases/${c.id}/actions/sign_for`, { expectedVersion: c.version }, handler);
        cases.push({ id: c.id, version: c.version });
      }
    }),
  );
  return { cases, token: handler };
}

/** CPU time (user, system) that a process and its children (the API's cluster) have used, in ms, from /proc (Linux); null elsewhere. */
function cpuMs(pid) {
  try {
    const ms = { user: 0, sys: 0 };
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      if (Number(entry) !== pid && Number(fields[1]) !== pid) continue;
      ms.user += (Number(fields[11]) * 1000) / 100; // clock ticks (USER_HZ = 100)
      ms.sys += (Number(fields[12]) * 1000) / 100;
    }
    return ms;
  } catch {
    return null;
  }
}

async function apiRun(base, pool, token, clients) {
  const latencies = [];
  let ok = 0;
  const errors = {};
  const end = performance.now() + SECONDS * 1000;
  // Client k works on cases k, k + clients, k + 2·clients, … in turn: no two clients share a case.
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      const mine = pool.filter((_c, i) => i % clients === k);
      const connection = leanConnection(base, token);
      for (let n = 0; performance.now() < end; n++) {
        const c = mine[n % mine.length];
        const t0 = performance.now();
        const res = await connection.post(`/cases/${c.id}/actions/report_progress`, { expectedVersion: c.version, note: '序时推进：已完成河道清理' });
        latencies.push(performance.now() - t0);
        if (res.status === 200) {
          ok++;
          c.version = versionOf(res.text);
        } else {
          errors[res.status] = (errors[res.status] ?? 0) + 1;
          if (res.status === 409) c.version = (await must(base, 'GET', `/cases/${c.id}`, null, token)).version;
        }
      }
      connection.close();
    }),
  );
  return { tps: ok / SECONDS, latencies, errors };
}

const SQL_SETUP = `
DROP TABLE IF EXISTS perf_case, perf_event, perf_deadline;
CREATE TABLE perf_case (id int PRIMARY KEY, state text, version int NOT NULL DEFAULT 1, updated_at timestamptz);
INSERT INTO perf_case SELECT g, 'rectifying', 1, now() FROM generate_series(1, 20000) g;
CREATE TABLE perf_event (case_id int, seq int, action text, payload jsonb, prev_hash text, hash text, at timestamptz DEFAULT now(), PRIMARY KEY (case_id, seq));
CREATE TABLE perf_deadline (id bigserial PRIMARY KEY, case_id int, kind text, due_at timestamptz, status text);
CREATE INDEX ON perf_deadline (case_id) WHERE status = 'pending';`;
const SQL_TXN = [
  'UPDATE perf_case SET version = version + 1, updated_at = now() WHERE id = $1',
  `INSERT INTO perf_event (case_id, seq, action, payload, prev_hash, hash)
     SELECT $1, coalesce(max(seq), 0) + 1, 'report_progress', '{"note":"x"}', md5(random()::text), md5(random()::text) FROM perf_event WHERE case_id = $1`,
  `UPDATE perf_deadline SET status = 'met' WHERE case_id = $1 AND status = 'pending'`,
  `INSERT INTO perf_deadline (case_id, kind, due_at, status) VALUES ($1, 'rectify', now() + interval '7 days', 'pending')`,
];

/** The same transaction as the pgbench script of shared/tools/perf-write.mjs. */
function pgbenchRun(pgbenchPath, databaseUrl, clients) {
  const script = path.join(os.tmpdir(), `ecoloop-bench-write-${process.pid}.sql`);
  fs.writeFileSync(script, `\\set cid random(1, 20000)\nBEGIN;\n${SQL_TXN.map((s) => s.replaceAll('$1', ':cid')).join(';\n')};\nCOMMIT;\n`);
  const out = execFileSync(pgbenchPath, ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(SECONDS), '-f', script, databaseUrl], { encoding: 'utf8' });
  return { tps: Number(/tps = ([\d.]+)/.exec(out)?.[1]), tool: 'pgbench' };
}

async function nodePgRun(databaseUrl, clients) {
  const { default: pg } = await import('pg');
  const conns = await Promise.all(Array.from({ length: clients }, async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    return c;
  }));
  let ok = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(conns.map(async (c) => {
    while (performance.now() < end) {
      const id = 1 + Math.floor(Math.random() * 20000);
      await c.query('BEGIN');
      for (const sql of SQL_TXN) await c.query(sql, [id]);
      await c.query('COMMIT');
      ok++;
    }
  }));
  await Promise.all(conns.map((c) => c.end()));
  return { tps: ok / SECONDS, tool: 'node-postgres' };
}

async function main() {
  const { databaseUrl } = await prepareBench('write', { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });
  const env = { ...process.env, NODE_ENV: 'production', DEMO_SEED: 'false', API_PROCESSES: String(PROCESSES), JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'info' };
  const { base, logFile, pid } = await startApi(env);
  log(`API (production build) at ${base}, logs in ${logFile}`);
  const { cases, token } = await makeCases(base);
  log(`${cases.length} rectifying cases ready (made through the API)`);
  const pgbench = ['/usr/bin', '/usr/lib/postgresql/18/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin']
    .map((dir) => path.join(dir, 'pgbench'))
    .find((file) => fs.existsSync(file));

  const results = [];
  for (const clients of CLIENTS) {
    // Warm up (JIT, pools, caches) before measuring.
    await apiRun(base, cases, token, clients).catch(() => undefined);
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const cpu0 = cpuMs(pid);
      const own0 = process.cpuUsage();
      const api = await apiRun(base, cases, token, clients);
      const own = process.cpuUsage(own0);
      const cpu1 = cpuMs(pid);
      const done = api.tps * SECONDS;
      const client = (own.user + own.system) / 1000 / done;
      const cpu = cpu0 === null || cpu1 === null ? null : { user: (cpu1.user - cpu0.user) / done, sys: (cpu1.sys - cpu0.sys) / done, client };
      await withPg(databaseUrl, (c) => c.query(SQL_SETUP));
      const sql = pgbench ? pgbenchRun(pgbench, databaseUrl, clients) : await nodePgRun(databaseUrl, clients);
      await withPg(databaseUrl, (c) => c.query('DROP TABLE IF EXISTS perf_case, perf_event, perf_deadline'));
      rounds.push({ api, cpu, sql });
    }
    results.push({ clients, rounds });
    log(`${clients} clients done`);
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`\nbench:write ${new Date().toISOString()} — ${machine}; API_PROCESSES=${PROCESSES}; ${SECONDS} s per run, median of ${ROUNDS} rounds`);
  for (const { clients, rounds } of results) {
    const latencies = rounds.flatMap((r) => r.api.latencies);
    const errors = {};
    for (const r of rounds) for (const [status, n] of Object.entries(r.api.errors)) errors[status] = (errors[status] ?? 0) + n;
    const ratios = rounds.map((r) => (100 * r.api.tps) / r.sql.tps).sort((a, b) => a - b);
    const cpus = rounds.every((r) => r.cpu !== null) ? rounds.map((r) => r.cpu).sort((a, b) => a.user + a.sys - (b.user + b.sys)) : null;
    const cpu = cpus && cpus[Math.floor((cpus.length - 1) / 2)];
    const errs = Object.keys(errors).length ? ` errors ${JSON.stringify(errors)}` : '';
    console.log(
      `${String(clients).padStart(2)} clients: API ${median(rounds.map((r) => r.api.tps)).toFixed(0)} tps (p50 ${pct(latencies, 0.5).toFixed(1)} ms, p95 ${pct(latencies, 0.95).toFixed(1)} ms)${errs}` +
        ` vs SQL ${median(rounds.map((r) => r.sql.tps)).toFixed(0)} tps (${rounds[0].sql.tool}) = ${median(ratios).toFixed(0)} %` +
        (ROUNDS > 1 ? ` (rounds ${ratios.map((x) => x.toFixed(0)).join(', ')} %)` : '') +
        (cpu ? `; API CPU ${(cpu.user + cpu.sys).toFixed(2)} ms per request (user ${cpu.user.toFixed(2)}, system ${cpu.sys.toFixed(2)}; load generator ${cpu.client.toFixed(2)})` : ''),
    );
  }
  await cleanupAll();
  process.exit(0);
}

main().catch(fail);
