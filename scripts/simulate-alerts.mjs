// `npm run simulate:alerts`: posts a realistic stream of machine alerts (DESIGN §10) to a running
// EcoLoop, as the devices would: one API key per source, X-Api-Key, each alert once (plus a few
// replays, as devices resend). Prints what became of them and the intake's latency.
//   ECOLOOP_URL      the API (default http://localhost:3000)
//   ADMIN_USER/ADMIN_PASSWORD   an admin who issues the keys (default admin / demo1234, the demo's)
//   SIM_DAYS         how many days of alerts (default 1), SIM_PER_DAY (default 200), SIM_CONCURRENCY (default 4)
//   SIM_SEED         stream seed (default: the current time, so each run posts new alerts)
// Needs the built API (`npm run build`): the stream comes from apps/api/dist/modules/alerts/alert-streams.js.
import { performance } from 'node:perf_hooks';
import { alertStream } from '../apps/api/dist/modules/alerts/alert-streams.js';

const BASE = (process.env.ECOLOOP_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const DAYS = Number(process.env.SIM_DAYS ?? 1);
const PER_DAY = Number(process.env.SIM_PER_DAY ?? 200);
const CONCURRENCY = Number(process.env.SIM_CONCURRENCY ?? 4);
const SEED = Number(process.env.SIM_SEED ?? Date.now() % 2 ** 31);
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;

async function call(method, path, body, headers = {}) {
  const res = await fetch(`${BASE}/api/v1${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function main() {
  const login = await call('POST', '/auth/login', { username: process.env.ADMIN_USER ?? 'admin', password: process.env.ADMIN_PASSWORD ?? 'demo1234' });
  if (login.status !== 200) throw new Error(`admin login failed (${login.status}): is EcoLoop running at ${BASE}?`);
  const auth = { authorization: `Bearer ${login.body.accessToken}` };
  const regions = (await call('GET', '/regions', null, auth)).body;
  const towns = [];
  const walk = (nodes) => nodes.forEach((n) => (n.level === 'town' ? towns.push(n) : walk(n.children ?? [])));
  walk(Array.isArray(regions) ? regions : [regions]);
  if (towns.length === 0) throw new Error('no towns in GET /regions');
  // Towns carry no coordinates in the API: spread them over 嘉兴 around the city centre.
  const placed = towns.map((t, i) => ({ code: t.code, lat: 30.75 + 0.05 * Math.sin(i * 1.7), lng: 120.76 + 0.07 * Math.cos(i * 1.3) }));
  const enterprises = [];
  for (const code of ['91330402MA28A1B2C3', '91330402MA28D4E5F6', '91330402MA28G7H8J9']) {
    const e = await call('GET', `/enterprises/${code}`, null, auth);
    const town = placed.find((t) => t.code === e.body?.regionCode);
    if (e.status === 200 && town) enterprises.push({ creditCode: code, regionCode: town.code, industry: e.body.industry ?? null, lat: town.lat + 0.01, lng: town.lng - 0.01 });
  }

  const keys = {};
  for (const source of ['online_monitoring', 'mobile_survey', 'camera', 'drone', 'satellite']) {
    const issued = await call('POST', '/admin/api-keys', { name: `模拟器 ${source} ${new Date().toISOString().slice(0, 16)}`, source }, auth);
    if (issued.status !== 201) throw new Error(`issuing a key failed: ${issued.status} ${JSON.stringify(issued.body)}`);
    keys[source] = issued.body;
  }
  const now = Date.now();
  const stream = alertStream({ seed: SEED, from: new Date(now - DAYS * 86_400_000), to: new Date(now - 60_000), enterprises, towns: placed, perDay: PER_DAY, runId: `sim${SEED}` });
  // Devices resend: every 20th alert goes twice.
  const posts = stream.flatMap((a, i) => (i % 20 === 0 ? [a, a] : [a]));
  console.log(`simulate:alerts → ${BASE}: ${stream.length} alerts (${posts.length - stream.length} resent), ${towns.length} towns, ${enterprises.length} enterprises, seed ${SEED}`);

  const outcome = { created: 0, replayed: 0, failed: 0, short: 0, sustained: 0, repeated: 0, folded: 0, cases: new Set() };
  const latencies = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < posts.length) {
      const a = posts[next++];
      const t0 = performance.now();
      const res = await call('POST', '/alerts', a, { 'x-api-key': keys[a.source].key });
      latencies.push(performance.now() - t0);
      if (res.status === 201) {
        outcome.created++;
        outcome[res.body.grade]++;
        if (res.body.folded) outcome.folded++;
        if (res.body.caseId) outcome.cases.add(res.body.caseId);
      } else if (res.status === 200) outcome.replayed++;
      else {
        outcome.failed++;
        if (outcome.failed <= 5) console.error(`  ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  console.log(`  created ${outcome.created}, replays answered ${outcome.replayed}, failed ${outcome.failed}`);
  console.log(`  grades: short ${outcome.short}, sustained ${outcome.sustained}, repeated ${outcome.repeated}; folded into open cases ${outcome.folded}; cases touched ${outcome.cases.size}`);
  console.log(`  ${(posts.length / seconds).toFixed(1)} alerts/s at ${CONCURRENCY} clients; latency p50 ${pct(latencies, 0.5).toFixed(1)} ms, p95 ${pct(latencies, 0.95).toFixed(1)} ms`);
  for (const k of Object.values(keys)) await call('DELETE', `/admin/api-keys/${k.id}`, null, auth);
  if (outcome.failed > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`simulate:alerts: ${err.message}`);
  process.exit(1);
});
