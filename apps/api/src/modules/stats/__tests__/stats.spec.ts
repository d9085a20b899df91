import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, reportCase, unitId } from '../../../test-support/cases.js';
import { UserContextService } from '../../../core/auth/user-context.service.js';
import { CasesService } from '../../cases/cases.service.js';
import { StatsRepository } from '../stats.repository.js';
import { regionPaths } from '../stats.service.js';

describe('GET /stats/overview', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts only the cases in the caller’s jurisdiction', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    await reportCase(t, 'grid.fengqiao001', { category: 'water.outfall', lat: 30.68, lng: 120.85 });
    await reportCase(t, 'grid.fengqiao001', { category: 'air.dust' });
    await reportCase(t, 'grid.wangjiangjing001', { category: 'air.dust' });
    const to = new Date(Date.now() + 1000).toISOString();
    const county = await t.http().get(`/api/v1/stats/overview?from=${from}&to=${to}`).set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    const city = await t.http().get(`/api/v1/stats/overview?from=${from}&to=${to}`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    // This file's database holds only these three cases: the city sees all three, the county never the 秀洲 one.
    expect(city.body.total).toBe(3);
    expect(county.body.total).toBe(2);
    expect(county.body.byCounty.map((r: { regionCode: string }) => r.regionCode)).toEqual(['330402']);
    // Every county and function zone is listed, those without cases with zeros (DESIGN §12: the dashboard shows them all).
    expect(city.body.byCounty.map((r: { regionCode: string; total: number }) => [r.regionCode, r.total])).toEqual([
      ['330402', 2], ['330411', 1], ['330421', 0], ['330424', 0], ['330471', 0], ['330472', 0], ['330481', 0], ['330482', 0], ['330483', 0],
    ]);
    expect(city.body.byCounty.find((r: { regionCode: string }) => r.regionCode === '330472')).toMatchObject({ regionName: '嘉兴港区', open: 0, closed: 0, overdue: 0 });
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(city.body.byMonth).toEqual([{ month, total: 3, closed: 0, overdue: 0, self: 3, external: 0 }]);
    expect(county.body.byState.reported).toBe(2);
    expect(county.body.points.length).toBe(1);
    const nanhuOnly = await t.http().get(`/api/v1/stats/overview?regionCode=330411&from=${from}&to=${to}`).set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    expect(nanhuOnly.body.total).toBe(0);
  });

  it('is not for handlers or grid inspectors', async () => {
    await t.http().get('/api/v1/stats/overview').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });

  describe('the rollup', () => {
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    const userOf = async (username: string) => {
      const [{ id }] = await t.db.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
      return (await t.app.get(UserContextService).load(id))!;
    };

    it('answers only for callers who read whole regions', async () => {
      const expected: Record<string, unknown> = {
        admin: null,
        'leader.city': ['330400'],
        'supervisor.nanhu': ['330400.330402'],
        'dispatcher.xiuzhou': ['330400.330411'],
        'handler.fengqiao': undefined,
        'grid.fengqiao001': undefined,
      };
      for (const [username, paths] of Object.entries(expected)) expect([username, regionPaths(await userOf(username), null)]).toEqual([username, paths]);
      expect(regionPaths(await userOf('supervisor.nanhu'), '330400.330411')).toEqual([]);
      expect(regionPaths(await userOf('leader.city'), '330400.330411')).toEqual(['330400.330411']);
    });

    it('equals a scan of the cases after reports, state changes, overdue flags and supervision', async () => {
      const a = await reportCase(t, 'grid.fengqiao001', { category: 'water.outfall' });
      const b = await reportCase(t, 'grid.fengqiao001', { category: 'air.dust' });
      await must(t, 'dispatcher.nanhu', a.id, 'accept');
      await must(t, 'dispatcher.nanhu', b.id, 'dispatch', { leadUnitId: await unitId(t, '凤桥镇生态办') });
      await must(t, 'supervisor.city', b.id, 'supervise', { note: '请加快整改', dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() });
      await t.db.query(`UPDATE "case" SET overdue = true WHERE id = $1`, [a.id]);
      const repo = t.app.get(StatsRepository);
      const cases = t.app.get(CasesService);
      for (const username of ['admin', 'leader.city', 'supervisor.nanhu']) {
        const user = await userOf(username);
        const fromRollup = await repo.rollup(regionPaths(user, null)!, { from: null, to: null });
        const fromScan = await repo.scan(cases.readScope(user), null, { from: null, to: null });
        expect(sorted(fromRollup)).toEqual(sorted(fromScan));
      }
      const res = await t.http().get('/api/v1/stats/overview').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE region_path LIKE '330400.330402%'`);
      expect(res.body.total).toBe(n);
    });
  });
});
