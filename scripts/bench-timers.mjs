// `npm run bench:timers` (BENCH_N=100000 by default): how fast due deadlines become overdue.
//   PostgreSQL (DATABASE_URL, or a throw-away embedded cluster) and Redis (REDIS_URL, or a throw-away
//   redis-server) → a fresh database, migrated, with the demo organisation → N assigned cases, each
//   with a sign_for deadline that fell due while "the API was down", written straight in SQL → the
//   real processing path: the compiled API (apps/api/dist) started as a worker (role `worker`), whose
//   reconciler finds them at start → prints the time until every one is overdue with its events
//   (overdue + auto_supervise), the throughput, and checks the result → drops the database.
// Needs the built API (`npm run build`). Prints figures; a wrong result exits non-zero.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { API_DIST as dist, prepareBench } from './lib/bench-env.mjs';
import { InfraError, cleanupAll, fail, log, track } from './lib/processes.mjs';
import { withPg } from './lib/postgres.mjs';

const N = Number(process.env.BENCH_N ?? 100_000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The four demo towns' first grids and their units (DESIGN §8). */
const PLACES = [
  ['330402100001', '330400.330402.330402100.330402100001', '凤桥镇生态办'],
  ['330402101001', '330400.330402.330402101.330402101001', '余新镇生态办'],
  ['330411101001', '330400.330411.330411101.330411101001', '王江泾镇生态办'],
  ['330411104001', '330400.330411.330411104.330411104001', '新塍镇生态办'],
];

async function seedDeadlines(databaseUrl) {
  await withPg(databaseUrl, async (c) => {
    const units = (await c.query(`SELECT name, id FROM unit WHERE name = ANY ($1)`, [PLACES.map((p) => p[2])])).rows;
    const unitOf = Object.fromEntries(units.map((u) => [u.name, u.id]));
    await c.query(
      `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, state, owner_level,
                           lead_unit_id, signoff_steps, version, created_at, updated_at)
       SELECT 'BENCH-' || lpad(g::text, 7, '0'), '基准测试：河道入河排污口整治 ' || g, '基准测试生成的问题', 'water.outfall', 'grid_patrol', 'general',
              ($2::text[])[1 + g % 4], ($3::text[])[1 + g % 4], 'assigned', 'county', ($4::uuid[])[1 + g % 4], '{county}', 1,
              now() - interval '2 days', now() - interval '2 days'
         FROM generate_series(1, $1::int) AS g`,
      [N, PLACES.map((p) => p[0]), PLACES.map((p) => p[1]), PLACES.map((p) => unitOf[p[2]])],
    );
    // Set two days ago, due within the last hour: every one has fired while nothing was running.
    await c.query(
      `INSERT INTO deadline (case_id, kind, due_at, original_due_at, created_at)
       SELECT id, 'sign_for', due, due, now() - interval '2 days'
         FROM (SELECT id, now() - interval '1 minute' - random() * interval '1 hour' AS due FROM "case" WHERE code LIKE 'BENCH-%') s`,
    );
    await c.query(`UPDATE "case" c SET due_at = d.due_at, deadline_kind = d.kind FROM deadline d WHERE d.case_id = c.id AND c.code LIKE 'BENCH-%'`);
    await c.query('ANALYZE');
  });
}

/**
 * Whether any of the due deadlines is still pending: an index probe (pending deadlines by due time; the
 * due ones come first), cheap enough to ask ten times a second. Counting the events instead scanned the
 * growing event table each time, and that polling took about a core of PostgreSQL's two from the worker
 * being measured (2026-12-03: 31 s of the 58 s run).
 */
async function pendingLeft(c) {
  const { rows } = await c.query(`SELECT EXISTS (SELECT 1 FROM deadline WHERE status = 'pending' AND kind = 'sign_for') AS "left"`);
  return rows[0].left;
}

/** Deadlines gone overdue so far (every five seconds, for the log). */
async function overdueSoFar(c) {
  const { rows } = await c.query(`SELECT count(*)::int AS n FROM deadline WHERE status = 'overdue' AND kind = 'sign_for'`);
  return rows[0].n;
}

/** The events written, counted at the end. */
async function events(c) {
  const { rows } = await c.query(
    `SELECT (SELECT count(*) FROM case_event WHERE action = 'overdue')::int AS overdue,
            (SELECT count(*) FROM case_event WHERE action = 'auto_supervise')::int AS supervised`,
  );
  return rows[0];
}

async function main() {
  if (!Number.isInteger(N) || N < 1) throw new InfraError('BENCH_N must be a positive integer');
  const { databaseUrl } = await prepareBench('timers', { APP_ROLE: 'worker' });

  let t = performance.now();
  await seedDeadlines(databaseUrl);
  log(`wrote ${N} cases with a due sign_for deadline in ${Math.round(performance.now() - t)} ms`);

  await import('reflect-metadata');
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import(path.join(dist, 'app.module.js'));
  const { TimersConfig } = await import(path.join(dist, 'modules', 'deadlines', 'timers.config.js'));
  t = performance.now();
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  await app.init(); // role worker: the BullMQ worker and the reconciler start; its first pass begins now
  track('worker', { stop: () => app.close() });
  const booted = performance.now() - t;
  const cfg = app.get(TimersConfig);
  log(`worker up in ${Math.round(booted)} ms (batch ${cfg.batchSize} cases × ${cfg.batchConcurrency} side by side)`);

  // A deadline goes overdue in one transaction with its events, so none pending means all are written.
  let total = 0;
  const p = await withPg(databaseUrl, async (c) => {
    let lastLog = performance.now();
    while (await pendingLeft(c)) {
      if (performance.now() - t > TIMEOUT_MS) throw new InfraError(`not done after ${TIMEOUT_MS} ms: ${await overdueSoFar(c)} overdue`);
      if (performance.now() - lastLog > 5000) {
        log(`  … ${await overdueSoFar(c)} overdue so far`);
        lastLog = performance.now();
      }
      await sleep(100);
    }
    total = performance.now() - t;
    return events(c);
  });

  const work = total - booted;

  // The result must be right, not just fast.
  const { verifyChain } = await import(path.join(dist, 'modules', 'cases', 'event-hash.js'));
  const check = await withPg(databaseUrl, async (c) => {
    const counts = (
      await c.query(
        `SELECT (SELECT count(*) FROM deadline WHERE kind = 'sign_for' AND status = 'overdue')::int AS "overdueDeadlines",
                (SELECT count(*) FROM deadline WHERE kind = 'supervision' AND status = 'pending' AND level = 'city')::int AS orders,
                (SELECT count(*) FROM "case" WHERE overdue AND supervision_level = 'city' AND version = 2)::int AS cases,
                (SELECT count(*) FROM notification)::int AS notifications`,
      )
    ).rows[0];
    const sample = (await c.query(`SELECT id FROM "case" ORDER BY random() LIMIT 20`)).rows;
    let chains = 0;
    for (const { id } of sample) {
      const events = (
        await c.query(
          `SELECT case_id AS "caseId", seq, action, from_state AS "fromState", to_state AS "toState", actor_id AS "actorId", actor_name AS "actorName",
                  actor_role AS "actorRole", actor_unit_id AS "actorUnitId", comment, payload, attachment_ids AS "attachmentIds", at, prev_hash AS "prevHash", hash
             FROM case_event WHERE case_id = $1 ORDER BY seq`,
          [id],
        )
      ).rows;
      if (verifyChain(events).ok && events.map((e) => e.action).join() === 'overdue,auto_supervise') chains++;
    }
    return { ...counts, chains, sampled: sample.length };
  });

  log(`${N} deadlines overdue with ${p.overdue} overdue + ${p.supervised} auto_supervise events in ${(total / 1000).toFixed(1)} s ` +
    `(${(work / 1000).toFixed(1)} s after start-up): ${Math.round((N / work) * 1000)} deadlines/s`);
  log(`check: ${check.overdueDeadlines} overdue deadlines, ${check.orders} city orders, ${check.cases} cases overdue at version 2, ` +
    `${check.notifications} notifications, ${check.chains}/${check.sampled} sampled hash chains valid`);
  await cleanupAll();
  const ok = check.overdueDeadlines === N && check.orders === N && check.cases === N && p.overdue === N && p.supervised === N && check.chains === check.sampled;
  if (!ok) throw new InfraError('the result is wrong (see the check above)');
}

main().catch(fail);
