// 序时滞后 through the machine (DESIGN §15): a missed milestone turns the row yellow and opens a
// 督办 on its open cases; after the grace it turns red; progress that catches up clears it.
import { day, templateFile } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { LedgerLagService } from '../ledger-lag.service.js';

const at = (n: number) => new Date(Date.now() + n * 86_400_000);

describe('序时滞后 on ledger rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('turns a row yellow with a 督办 through the machine, red after the grace, and clears it when progress catches up', async () => {
    const auth = await t.tokenOf('dispatcher.city');
    const ledger = await t
      .http()
      .post('/api/v1/ledgers')
      .set('Authorization', auth)
      .send({ title: `序时测试台账 ${Date.now()}`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '督察组', issuedDate: day(-5), dueDate: day(150) })
      .expect(201);
    const file = await templateFile([
      { seq: 1, title: '凤桥镇河道漂浮物', category: 'water', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(90), milestones: `${day(10)} 30%;${day(60)} 100%` },
      { seq: 2, title: '凤桥镇工地扬尘', category: 'air.dust', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(90), milestones: `${day(10)} 30%` },
    ]);
    await t.http().post(`/api/v1/ledgers/${ledger.body.id}/import`).set('Authorization', auth).attach('file', file, '台账.xlsx').expect(201);
    const lag = t.app.get(LedgerLagService);

    // Row 2 reports 40 % before its milestone: on schedule. Row 1 reports nothing.
    const before = await t.http().get(`/api/v1/ledgers/${ledger.body.id}`).set('Authorization', auth).expect(200);
    const [row1, row2] = before.body.items;
    await t.http().post(`/api/v1/ledgers/${ledger.body.id}/items/${row2.id}/progress`).set('Authorization', await t.tokenOf('handler.fengqiao')).send({ period: '2026-12', note: '已覆盖裸土', percent: 40 }).expect(201);
    expect(await lag.sweep(at(5), ledger.body.id)).toMatchObject({ yellow: 0, red: 0, supervisedCases: 0 });

    expect(await lag.sweep(at(12), ledger.body.id)).toMatchObject({ yellow: 1, red: 0, supervisedCases: 1 });
    const yellow = await t.http().get(`/api/v1/ledgers/${ledger.body.id}`).set('Authorization', auth).expect(200);
    expect(yellow.body.items.map((i: { lagLevel: string | null; lagMilestone: string | null }) => [i.lagLevel, i.lagMilestone])).toEqual([
      ['yellow', day(10)],
      [null, null],
    ]);
    const caseId = row1.cases[0].id;
    const detail = await t.http().get(`/api/v1/cases/${caseId}`).set('Authorization', auth).expect(200);
    expect(detail.body.supervisionLevel).toEqual(expect.stringMatching(/^(city|province)$/));
    const [event] = await t.db.query(`SELECT action, actor_role, comment, payload FROM case_event WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [caseId]);
    expect(event).toMatchObject({ action: 'auto_supervise', actor_role: 'system', payload: expect.objectContaining({ ledgerItemId: row1.id, milestone: day(10), planned: 30, actual: 0 }) });
    expect(event.comment).toContain('序时滞后');
    const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM deadline WHERE case_id = $1 AND kind = 'supervision' AND status = 'pending'`, [caseId]);
    expect(pending).toBe(1);

    // The same lag again: nothing new. After the grace (7 days): red, no second 督办.
    expect(await lag.sweep(at(13), ledger.body.id)).toMatchObject({ yellow: 0, red: 0, supervisedCases: 0 });
    expect(await lag.sweep(at(19), ledger.body.id)).toMatchObject({ red: 1, supervisedCases: 0 });
    const red = await t.http().get(`/api/v1/ledgers/${ledger.body.id}`).set('Authorization', auth).expect(200);
    expect(red.body.items[0].lagLevel).toBe('red');

    // The lead unit catches up: the lag is cleared, and the ledger's history says so.
    await t.http().post(`/api/v1/ledgers/${ledger.body.id}/items/${row1.id}/progress`).set('Authorization', await t.tokenOf('handler.fengqiao')).send({ period: '2026-12', note: '漂浮物已打捞', percent: 50 }).expect(201);
    expect(await lag.sweep(at(20), ledger.body.id)).toMatchObject({ cleared: 1 });
    const kinds = await t.db.query(`SELECT kind FROM ledger_event WHERE ledger_id = $1 ORDER BY id`, [ledger.body.id]);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['created', 'imported', 'lag', 'lag', 'lag_cleared']);
  });
});
