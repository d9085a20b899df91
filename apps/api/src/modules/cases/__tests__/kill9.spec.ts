import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, reportCase, unitId } from '../../../test-support/cases.js';
import { startApiProcess, stopAll, type ApiProcess } from '../../../test-support/api-process.js';
import { CasesRepository } from '../cases.repository.js';
import type { CaseDto } from '../dto/case.dto.js';
import { verifyChain } from '../event-hash.js';

/**
 * Durability (issue 12 "fault suite"): an API process killed with SIGKILL while writes are in flight
 * loses no acknowledged write and leaves every hash chain whole; the next process carries on.
 */
describe('kill -9 of an API process under load', () => {
  let t: TestApp;
  const procs: ApiProcess[] = [];
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await stopAll(procs);
    await t.close();
  });

  it('keeps every acknowledged write and every chain whole', async () => {
    const fengqiao = await unitId(t, '凤桥镇生态办');
    const cases: { id: string; version: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await reportCase(t, 'grid.fengqiao001');
      await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
      const signed = await must(t, 'handler.fengqiao', c.id, 'sign_for');
      cases.push({ id: c.id, version: signed.version });
    }
    const api = await startApiProcess();
    procs.push(api);
    const token = await t.tokenOf('handler.fengqiao');

    // Eight clients, each on its own case, until the process is killed under them.
    const acknowledged: { caseId: string; note: string; version: number }[] = [];
    let stop = false;
    const clients = cases.map(async (c, i) => {
      for (let n = 0; !stop; n++) {
        const note = `序时进展 ${i}-${n}`;
        try {
          const res = await fetch(`${api.base}/cases/${c.id}/actions/report_progress`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: token },
            body: JSON.stringify({ expectedVersion: c.version, note }),
          });
          if (res.status !== 200) continue;
          const body = (await res.json()) as CaseDto;
          acknowledged.push({ caseId: c.id, note, version: body.version });
          c.version = body.version;
        } catch {
          return; // the connection died with the process
        }
      }
    });
    // Kill once writes are flowing (at least 16 acknowledged, or after 15 s on a very busy machine).
    for (const until = Date.now() + 15_000; acknowledged.length < 16 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    api.child.kill('SIGKILL');
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThan(0);

    const repo = t.app.get(CasesRepository);
    for (const c of cases) {
      const events = await repo.events(c.id);
      expect(verifyChain(events)).toMatchObject({ ok: true });
      const notes = new Set(events.map((e) => e.comment));
      for (const a of acknowledged.filter((x) => x.caseId === c.id)) expect([a.note, notes.has(a.note)]).toEqual([a.note, true]);
      const [row] = await t.db.query(`SELECT version, last_seq, last_hash FROM "case" WHERE id = $1`, [c.id]);
      expect(row.last_seq).toBe(events.length);
      expect(row.last_hash).toBe(events.at(-1)!.hash);
      const highest = Math.max(0, ...acknowledged.filter((x) => x.caseId === c.id).map((x) => x.version));
      expect(row.version).toBeGreaterThanOrEqual(highest);
    }

    // A new process carries on from the database.
    const next = await startApiProcess();
    procs.push(next);
    const c = cases[0];
    const [{ version }] = await t.db.query(`SELECT version FROM "case" WHERE id = $1`, [c.id]);
    const res = await fetch(`${next.base}/cases/${c.id}/actions/report_progress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: JSON.stringify({ expectedVersion: version, note: '重启后继续' }),
    });
    expect(res.status).toBe(200);
    expect(verifyChain(await repo.events(c.id))).toMatchObject({ ok: true });
  }, 180_000);
});
