import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';

type Card = { subjectId: string; subjectName: string; score: number | null; rank: number | null; figures: Record<string, number | null> };

describe('GET /assessment/scorecards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // 2025-08 (dated back; a fixture): 南湖区 — a self-found case handled on time and signed off first time,
    // and an open hotline case; 秀洲区 — one self-found open case.
    const a = await reportCase(t, 'grid.fengqiao001', { source: 'grid_patrol' });
    await must(t, 'dispatcher.nanhu', a.id, 'dispatch', { leadUnitId: await unitId(t, '凤桥镇生态办') });
    await must(t, 'handler.fengqiao', a.id, 'sign_for');
    await must(t, 'handler.fengqiao', a.id, 'submit_completion', { measures: '已清理', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });
    await must(t, 'supervisor.fengqiao', a.id, 'approve', { comment: '同意销号' }); // grid-found general: the town signs off
    const b = await reportCase(t, 'dispatcher.nanhu', { source: 'hotline', regionCode: '330402100' });
    const c = await reportCase(t, 'grid.wangjiangjing001', { source: 'grid_patrol' });
    await t.db.query(`UPDATE "case" SET created_at = '2025-08-12T09:00:00+08:00' WHERE id = ANY ($1)`, [[a.id, b.id, c.id]]);
  });
  afterAll(() => t.close());

  const get = async (user: string, query: string) => (await t.http().get(`/api/v1/assessment/scorecards?${query}`).set('Authorization', await t.tokenOf(user)).expect(200)).body as Card[];

  it('scores and ranks every county of the jurisdiction from the month’s figures', async () => {
    const cards = await get('leader.city', 'level=county&month=2025-08');
    const counties = (await t.db.query(`SELECT code FROM region WHERE level = 'county'`)).length;
    expect(cards).toHaveLength(counties);
    expect(cards.slice(0, 2).map((r) => [r.subjectId, r.score, r.rank])).toEqual([
      ['330411', 100, 1],
      // (50×25 + 100×15 + 100×20 + 100×15 + 100×15) / 90: no petition to rate
      ['330402', 86.1, 2],
    ]);
    expect(cards[1].figures).toEqual({
      total: 2, selfFound: 1, signForSettled: 1, signForOnTime: 1, rectifySettled: 1, rectifyOnTime: 1, closed: 1, closedFirstPass: 1,
      reworked: 0, relapsed: 0, overdue: 0, supervised: 0, petitionsFollowedUp: 0, petitionsSatisfied: 0,
      selfDiscoveryRate: 50, onTimeSignForRate: 100, onTimeCompletionRate: 100, firstPassRate: 100, noRelapseRate: 100, petitionSatisfactionRate: null,
    });
    expect(cards.slice(2).every((r) => r.score === null && r.rank === null && r.figures.total === 0)).toBe(true);
    expect((await get('supervisor.nanhu', 'level=county&month=2025-08')).map((r) => r.subjectId)).toEqual(['330402']);
  });

  it('scores towns, lead units and grid inspectors', async () => {
    const towns = await get('supervisor.nanhu', 'level=town&month=2025-08');
    expect(towns.every((r) => r.subjectId.startsWith('330402'))).toBe(true);
    expect(towns[0]).toMatchObject({ subjectId: '330402100', subjectName: '凤桥镇', score: 86.1, rank: 1 });
    const units = await get('leader.city', 'level=unit&month=2025-08');
    expect(units[0]).toMatchObject({ subjectName: '凤桥镇生态办', score: 100, rank: 1, figures: { total: 1, closedFirstPass: 1 } });
    expect(units.filter((u) => u.rank !== null)).toHaveLength(1);
    const grids = await get('leader.city', 'level=grid&month=2025-08');
    expect(grids.filter((g) => g.rank !== null).map((g) => [g.subjectName, g.rank])).toEqual([
      ['凤桥镇一网格网格员', 1],
      [expect.any(String), 1],
    ]);
  });

  it('gives the twelve months of scores and ranks up to a month, for trend charts', async () => {
    const trend = (await t.http().get('/api/v1/assessment/trend?level=county&to=2025-09').set('Authorization', await t.tokenOf('leader.city')).expect(200)).body;
    expect(trend.months).toHaveLength(12);
    expect([trend.months[0], trend.months[11]]).toEqual(['2024-10', '2025-09']);
    const nanhu = trend.series.find((s: { subjectId: string }) => s.subjectId === '330402');
    expect(nanhu.subjectName).toBe('南湖区');
    expect(nanhu.points.map((p: { month: string; score: number | null; rank: number | null }) => [p.month, p.score, p.rank]).slice(9)).toEqual([
      ['2025-07', null, null],
      ['2025-08', 86.1, 2],
      ['2025-09', null, null],
    ]);
    expect(nanhu.points[10].figures).toMatchObject({ total: 2, onTimeCompletionRate: 100 });
    const county = (await t.http().get('/api/v1/assessment/trend?level=county&to=2025-09').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200)).body;
    expect(county.series.map((s: { subjectId: string }) => s.subjectId)).toEqual(['330402']);
    const bad = await t.http().get('/api/v1/assessment/trend?level=county&to=2025-13').set('Authorization', await t.tokenOf('leader.city')).expect(400);
    expect(bad.body.code).toBeDefined();
    await t.http().get('/api/v1/assessment/trend?level=county').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });

  it('exports the monthly 通报 as xlsx and refuses bad input', async () => {
    const res = await t
      .http()
      .get('/api/v1/assessment/scorecards?level=county&month=2025-08&format=xlsx')
      .set('Authorization', await t.tokenOf('leader.city'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.getWorksheet('考核通报')!;
    expect(ws.getCell('A1').value).toBe('2025年8月县（市、区）生态环境问题发现与整改考核通报');
    expect((ws.getRow(3).values as unknown[]).slice(1, 5)).toEqual([1, '秀洲区', 100, 1]);
    expect((ws.getRow(4).values as unknown[]).slice(1, 6)).toEqual([2, '南湖区', 86.1, 2, 50]);
    await t.http().get('/api/v1/assessment/scorecards?level=village').set('Authorization', await t.tokenOf('leader.city')).expect(400);
    await t.http().get('/api/v1/assessment/scorecards?level=county&month=2025-8').set('Authorization', await t.tokenOf('leader.city')).expect(400);
    await t.http().get('/api/v1/assessment/scorecards?level=county').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });
});
