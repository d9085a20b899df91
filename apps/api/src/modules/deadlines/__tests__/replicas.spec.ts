import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { reportCase, unitId } from '../../../test-support/cases.js';
import { startApiProcess, stopAll, type ApiProcess } from '../../../test-support/api-process.js';
import { verifyChain } from '../../cases/event-hash.js';
import { CasesRepository } from '../../cases/cases.repository.js';

/**
 * DESIGN §14: N API replicas and M workers on one PostgreSQL and Redis, and every timer fires once.
 * Two full replicas (API + timers) and one `--role=worker`, built as deployed (dist/main.js), race
 * for the same due deadlines through their BullMQ workers and their reconcilers.
 */
describe('replicas: two API processes and a worker', () => {
  let t: TestApp;
  const procs: ApiProcess[] = [];
  const prefix = `replicas-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await stopAll(procs);
    await t.close();
  });

  const start = async (args: string[]) => {
    // A worker serves no HTTP: nothing to wait for but its start.
    const proc = await startApiProcess(args, { REDIS_PREFIX: prefix, RECONCILE_INTERVAL_MS: '1000' }, !args.includes('--role=worker'));
    procs.push(proc);
    return proc.port;
  };

  it('fires each due deadline exactly once, with one overdue event, one automatic supervision and one notification each', async () => {
    const [first, second] = await Promise.all([start([]), start([]), start(['--role=worker'])]);
    const ports = [first, second];

    // Cases whose sign-for deadline falls due in two seconds, made through the first replica's peers.
    const fengqiao = await unitId(t, '凤桥镇生态办');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await reportCase(t, 'grid.fengqiao001');
      const auth = await t.tokenOf('dispatcher.nanhu');
      const dueAt = new Date(Date.now() + 2_000 + i * 50).toISOString();
      const accepted = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/cases/${c.id}/actions/dispatch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify({ expectedVersion: c.version, leadUnitId: fengqiao }),
      });
      expect(accepted.status).toBe(200);
      // The sign-for deadline (policy: a working day) is brought forward to fall due now.
      await t.db.query(`UPDATE deadline SET due_at = $2, original_due_at = $2, remind_at = NULL, created_at = now() - interval '1 hour' WHERE case_id = $1 AND kind = 'sign_for' AND status = 'pending'`, [c.id, dueAt]);
      ids.push(c.id);
    }

    const deadline = Date.now() + 30_000;
    let pending = ids.length;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM deadline WHERE case_id = ANY ($1) AND kind = 'sign_for' AND status = 'pending'`, [ids]);
    }
    expect(pending).toBe(0);
    // Let every replica's reconciler and worker have another go at the same deadlines.
    await new Promise((r) => setTimeout(r, 2_500));

    const events = await t.db.query(
      `SELECT case_id, action, count(*)::int AS n FROM case_event WHERE case_id = ANY ($1) AND action IN ('overdue', 'auto_supervise') GROUP BY 1, 2`,
      [ids],
    );
    expect(events).toHaveLength(ids.length * 2);
    expect(events.every((e: { n: number }) => e.n === 1)).toBe(true);
    const [{ orders }] = await t.db.query(`SELECT count(*)::int AS orders FROM deadline WHERE case_id = ANY ($1) AND kind = 'supervision'`, [ids]);
    expect(orders).toBe(ids.length);
    const notified = await t.db.query(`SELECT dedupe_key, count(*)::int AS n FROM notification WHERE case_id = ANY ($1) GROUP BY 1 HAVING count(*) > 1`, [ids]);
    expect(notified).toEqual([]);
    const repo = t.app.get(CasesRepository);
    for (const id of ids) expect(verifyChain(await repo.events(id))).toMatchObject({ ok: true });
  }, 180_000);
});
