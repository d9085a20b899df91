import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { reportCase } from '../../../test-support/cases.js';
import { MonthlyWarningsJob } from '../monthly-warnings.job.js';

type Warning = { regionCode: string; level: string; score: number | null; controlIndex: number | null; figures: Record<string, number>; issuedAt: string | null; consequences: { kind: string; caseIds: string[] }[] };

describe('risk warnings', () => {
  let t: TestApp;
  let counties: string[];
  beforeAll(async () => {
    t = await createTestApp();
    counties = (await t.db.query(`SELECT code FROM region WHERE level = 'county' ORDER BY code`)).map((r: { code: string }) => r.code);
  });
  afterAll(() => t.close());

  /** A case reported through the API, then dated back into `month` (a test fixture). */
  const reportedIn = async (username: string, regionCode: string, at: string, body: Record<string, unknown>, overdue = false) => {
    const c = await reportCase(t, username, { regionCode, ...body });
    await t.db.query(`UPDATE "case" SET created_at = $2, overdue = $3 WHERE id = $1`, [c.id, at, overdue]);
    return c.id as string;
  };
  const admin = () => t.tokenOf('admin');

  it('previews an open month for every county in the caller’s jurisdiction, no_data where nothing was reported', async () => {
    // 嘉善县, 2025-03: 2 outside reports (1 overdue) and 1 self-found.
    const insert = (source: string, overdue = false) =>
      t.db.query(
        `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, state, overdue, version, created_at)
         VALUES ('RW-' || left(gen_random_uuid()::text, 12), 't', 'd', 'air', $1, 'general', '330421', '330400.330421', 'reported', $2, 1, '2025-03-10T10:00:00+08:00')`,
        [source, overdue],
      );
    await insert('hotline', true);
    await insert('media');
    await insert('grid_patrol');
    const city = await t.http().get('/api/v1/risk-warnings?month=2025-03').set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(city.body.map((w: Warning) => w.regionCode).sort()).toEqual(counties);
    const [jiashan, ...rest] = city.body as Warning[];
    // discovery 1/3 → 13.33; handling (2/3 + 1 + 1)/3 → 35.56; response 1 → 20: 68.9
    expect(jiashan).toMatchObject({ regionCode: '330421', regionName: '嘉善县', month: '2025-03', level: 'yellow', controlIndex: 68.9, score: 31.1, issuedAt: null, consequences: [] });
    expect(jiashan.figures).toEqual({ newCases: 3, external: 2, selfDiscovered: 1, overdue: 1, reworked: 0, reopened: 0, respondedLate: 0, externalMajor: 0 });
    for (const w of rest) expect(w).toMatchObject({ level: 'no_data', score: null, controlIndex: null });
    const county = await t.http().get('/api/v1/risk-warnings?month=2025-03').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    expect(county.body.map((w: Warning) => w.regionCode)).toEqual(['330402']);
    await t.http().get('/api/v1/risk-warnings?month=2025-13').set('Authorization', await t.tokenOf('leader.city')).expect(400);
    await t.http().get('/api/v1/risk-warnings').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
    const formula = await t.http().get('/api/v1/risk-warnings/formula').set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(formula.body.formula).toContain('管控力指数 = 40×发现力');
  });

  it('issues a finished month once and freezes it; red puts the county’s cases under city 督办 and opens 定点帮扶', async () => {
    // 秀洲区, 2025-04: two problems found from outside, both overdue, one of them major → red.
    const a = await reportedIn('dispatcher.xiuzhou', '330411', '2025-04-10T10:00:00+08:00', { source: 'hotline', severity: 'major' }, true);
    const b = await reportedIn('dispatcher.xiuzhou', '330411', '2025-04-11T10:00:00+08:00', { source: 'media' }, true);
    await t.http().post('/api/v1/risk-warnings/issue').set('Authorization', await t.tokenOf('leader.city')).send({ month: '2025-04' }).expect(403);
    await t.http().post('/api/v1/risk-warnings/issue').set('Authorization', await admin()).send({ month: '2025-4' }).expect(400);
    const future = await t.http().post('/api/v1/risk-warnings/issue').set('Authorization', await admin()).send({ month: '2999-01' }).expect(422);
    expect(future.body.code).toBe('month_not_over');

    const issued = await t.http().post('/api/v1/risk-warnings/issue').set('Authorization', await admin()).send({ month: '2025-04' }).expect(200);
    expect(issued.body).toMatchObject({ month: '2025-04', issued: counties.length, alreadyIssued: 0 });
    const xiuzhou = (issued.body.warnings as Warning[]).find((w) => w.regionCode === '330411')!;
    // discovery 0; handling (0 + 1 + 1)/3 → 26.67; response 20: 46.7 → orange, raised to red by the major outside find.
    expect(xiuzhou).toMatchObject({ level: 'red', controlIndex: 46.7, score: 53.3 });
    expect(xiuzhou.issuedAt).not.toBeNull();
    expect(xiuzhou.consequences.map((c) => c.kind)).toEqual(['city_supervision', 'assistance']);
    expect(xiuzhou.consequences[0].caseIds.sort()).toEqual([a, b].sort());
    expect((issued.body.warnings as Warning[]).filter((w) => w.regionCode !== '330411').every((w) => w.level === 'no_data' && w.consequences.length === 0)).toBe(true);

    // The order went through the machine: supervision level, a city supervision deadline, a system event.
    const detail = await t.http().get(`/api/v1/cases/${a}`).set('Authorization', await t.tokenOf('dispatcher.city')).expect(200);
    expect(detail.body.supervisionLevel).toBe('city');
    expect(detail.body.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'supervision', status: 'pending' })]));
    const events = await t.http().get(`/api/v1/cases/${a}/events`).set('Authorization', await t.tokenOf('dispatcher.city')).expect(200);
    const order = events.body.find((e: { action: string }) => e.action === 'auto_supervise');
    expect(order).toMatchObject({ actorRole: 'system', payload: { level: 'city', riskWarning: { regionCode: '330411', month: '2025-04', level: 'red' } } });
    await t.http().get(`/api/v1/audit/verify?caseId=${a}`).set('Authorization', await admin()).expect(200).expect((r) => expect(r.body.ok).toBe(true));

    // 预警通报 to the county's dispatchers; 定点帮扶 to the city.
    const kinds = async (username: string) =>
      (await t.db.query(`SELECT n.kind, n.title FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = $1 AND n.dedupe_key LIKE 'risk-warning:%:2025-04%'`, [username])) as { kind: string; title: string }[];
    expect(await kinds('dispatcher.xiuzhou')).toEqual(expect.arrayContaining([
      { kind: 'risk_warning', title: '【预警通报】秀洲区 2025-04 红色' },
      { kind: 'assistance_task', title: '【定点帮扶】秀洲区 2025-04' },
    ]));
    expect((await kinds('dispatcher.nanhu')).map((n) => n.title)).toEqual(['【预警通报】南湖区 2025-04 无数据']);
    expect((await kinds('leader.city')).map((n) => n.kind)).toEqual(['assistance_task']);

    // Frozen: a late report into April changes neither the figures nor the level; issuing again does nothing.
    await reportedIn('dispatcher.xiuzhou', '330411', '2025-04-12T10:00:00+08:00', { source: 'grid_patrol' });
    const again = await t.http().post('/api/v1/risk-warnings/issue').set('Authorization', await admin()).send({ month: '2025-04' }).expect(200);
    expect(again.body).toMatchObject({ issued: 0, alreadyIssued: counties.length, warnings: [] });
    const read = await t.http().get('/api/v1/risk-warnings?month=2025-04').set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect((read.body as Warning[]).find((w) => w.regionCode === '330411')).toMatchObject({ level: 'red', figures: { newCases: 2 }, issuedAt: xiuzhou.issuedAt });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND action = 'auto_supervise'`, [a]);
    expect(n).toBe(1);
  });

  it('issues each county once when several issue the same month at once', async () => {
    const runs = await Promise.all([0, 1, 2].map(async () => t.http().post('/api/v1/risk-warnings/issue').set('Authorization', await admin()).send({ month: '2025-05' }).expect(200)));
    expect(runs.map((r) => r.body.issued).reduce((x, y) => x + y, 0)).toBe(counties.length);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM risk_warning WHERE month = '2025-05' AND issued_at IS NOT NULL`);
    expect(n).toBe(counties.length);
  });

  it('the monthly job issues the previous month from the first working day (State Council calendar)', async () => {
    const job = t.app.get(MonthlyWarningsJob);
    expect(await job.firstWorkingDay('2025-10')).toBe('2025-10-09'); // 国庆、中秋 1–8 October 2025
    expect(await job.check(new Date('2025-10-08T10:00:00+08:00'))).toBeNull();
    const run = await job.check(new Date('2025-10-09T09:00:00+08:00'));
    expect(run).toMatchObject({ month: '2025-09', issued: counties.length });
    expect(await job.check(new Date('2025-10-20T09:00:00+08:00'))).toMatchObject({ month: '2025-09', issued: 0 });
  });
});
