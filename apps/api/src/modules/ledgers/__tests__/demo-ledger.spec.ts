import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { DEMO_LEDGER_TITLE, seedDemoLedger } from '../demo-ledger.js';

describe('seedDemoLedger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates the central-inspection ledger once, with rows at every stage and valid case histories', async () => {
    const first = await seedDemoLedger(t.app);
    expect(first).toMatchObject({ created: true, items: 23, cases: 24 });
    expect(await seedDemoLedger(t.app)).toEqual({ ...first, created: false });

    const auth = await t.tokenOf('leader.city');
    const { body } = await t.http().get(`/api/v1/ledgers/${first.ledgerId}`).set('Authorization', auth).expect(200);
    expect(body.title).toBe(DEMO_LEDGER_TITLE);
    const states = new Set(body.items.flatMap((i: { cases: { state: string }[] }) => i.cases.map((c) => c.state)));
    expect([...states].sort()).toEqual(['assigned', 'closed', 'pending_verification', 'rectifying']);
    expect(body.progress).toMatchObject({ items: 23, cases: 24, signedOff: 5, itemsSignedOff: 4 });
    // 具体 and 共性 problems; the 共性 ones led by city departments make one city-wide case each.
    expect(body.items.filter((i: { problemScope: string }) => i.problemScope === 'common').length).toBe(7);
    expect(body.items.every((i: { problemScope: string | null }) => i.problemScope === 'specific' || i.problemScope === 'common')).toBe(true);
    expect(body.items.filter((i: { splitByCounty: boolean }) => !i.splitByCounty).map((i: { leadUnits: { name: string }[] }) => i.leadUnits[0].name)).toEqual(['嘉兴市住房和城乡建设局', '嘉兴市农业农村局', '嘉兴市综合行政执法局']);
    expect(body.items.every((i: { dueDate: string }) => i.dueDate <= body.dueDate)).toBe(true);
    // Two rows are past their deadline; the timers may flag more (not signed for in time) meanwhile.
    expect(body.progress.overdue).toBeGreaterThanOrEqual(2);
    expect(body.items[12]).toMatchObject({ signedOff: false, cases: [expect.objectContaining({ state: expect.any(String) }), expect.anything()] });
    expect(body.items.some((i: { progress: unknown[] }) => i.progress.length > 0)).toBe(true);
    // 序时: rows past their first milestone without progress are 序时滞后 with a 督办; row 1 is in 公示.
    const lagging = body.items.filter((i: { lagLevel: string | null }) => i.lagLevel === 'red');
    expect(lagging.length).toBeGreaterThan(0);
    expect(lagging.every((i: { cases: { state: string }[] }) => i.cases.some((c) => c.state === 'assigned'))).toBe(true);
    expect(body.items[0]).toMatchObject({ signedOff: true, signoffStage: 'notice', noticeEndsOn: expect.any(String) });
    const [{ supervised }] = await t.db.query(
      `SELECT count(*)::int AS supervised FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.ledger_id = $1 AND e.action = 'auto_supervise' AND e.comment LIKE '%序时滞后%'`,
      [first.ledgerId],
    );
    expect(supervised).toBeGreaterThanOrEqual(lagging.length);

    const [{ broken }] = await t.db.query(
      `SELECT count(*)::int AS broken FROM case_event e JOIN "case" c ON c.id = e.case_id
        WHERE c.ledger_id = $1 AND e.prev_hash <> COALESCE((SELECT p.hash FROM case_event p WHERE p.case_id = e.case_id AND p.seq = e.seq - 1), repeat('0', 64))`,
      [first.ledgerId],
    );
    expect(broken).toBe(0);
    const closed = body.items.find((i: { signedOff: boolean }) => i.signedOff).cases[0];
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${closed.id}`).set('Authorization', auth).expect(200);
    expect(audit.body.ok).toBe(true);
  });
});
