import { Client } from 'pg';
import { startApiProcess, stopAll, type ApiProcess } from '../../../test-support/api-process.js';

/** Waits until the process answers /health (a first start loads the whole demo before it listens). */
async function healthy(proc: ApiProcess, tries = 2400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`the API exited (${proc.child.exitCode ?? proc.child.signalCode}) while loading the demo`);
    if (await fetch(`${proc.base}/health`).then((r) => r.status === 200, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not finish loading the demo');
}

async function counts(): Promise<Record<string, number>> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const [row] = (
      await db.query(`SELECT (SELECT count(*) FROM "case")::int AS cases, (SELECT count(*) FROM case_event)::int AS events,
                             (SELECT count(*) FROM petition)::int AS petitions, (SELECT count(*) FROM ledger)::int AS ledgers,
                             (SELECT count(*) FROM alert)::int AS alerts, (SELECT count(*) FROM enterprise)::int AS enterprises,
                             (SELECT count(*) FROM risk_warning)::int AS warnings, (SELECT count(*) FROM credit_repair)::int AS repairs`)
    ).rows;
    return row;
  } finally {
    await db.end();
  }
}

/**
 * `npm start` on an empty database, as main.ts runs it: migrations, then every demo part through the
 * services before the API listens (no module has been initialised by app.init() yet), then a restart
 * that loads nothing twice. The demo parts' own tests call them on an initialised app; this is the
 * path a newcomer takes.
 */
describe('the demo as npm start loads it', () => {
  const procs: ApiProcess[] = [];
  afterAll(() => stopAll(procs));

  it('loads every demo part into an empty database before listening, and nothing twice on a restart', async () => {
    const env = { DEMO_SEED: 'true', REDIS_PREFIX: `${process.env.REDIS_PREFIX}_demo_start` };
    const first = await startApiProcess([], env, false);
    procs.push(first);
    await healthy(first);
    const loaded = await counts();
    expect(loaded).toEqual({
      cases: expect.any(Number),
      events: expect.any(Number),
      petitions: expect.any(Number),
      ledgers: expect.any(Number),
      alerts: expect.any(Number),
      enterprises: expect.any(Number),
      warnings: expect.any(Number),
      repairs: expect.any(Number),
    });
    for (const [part, n] of Object.entries(loaded)) expect([part, n > 0]).toEqual([part, true]);
    await stopAll([first]);

    const again = await startApiProcess([], env, false);
    procs.push(again);
    await healthy(again);
    // Timers may have marked due deadlines meanwhile (events); the demo itself is not loaded again.
    const { events, ...parts } = await counts();
    const { events: before, ...loadedParts } = loaded;
    expect(parts).toEqual(loadedParts);
    expect(events).toBeGreaterThanOrEqual(before!);
  }, 900_000);
});
