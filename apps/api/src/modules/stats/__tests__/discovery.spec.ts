import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { reportCase } from '../../../test-support/cases.js';

type Row = { regionCode: string; self: number; external: number; selfRate: number | null; bySource: { source: string; count: number }[]; byMonth: { month: string; self: number; external: number }[] };

describe('GET /stats/discovery', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const reportedIn = async (username: string, at: string, body: Record<string, unknown>) => {
    const c = await reportCase(t, username, body);
    await t.db.query(`UPDATE "case" SET created_at = $2 WHERE id = $1`, [c.id, at]); // dated back (fixture); the rollup follows
    return c.id as string;
  };

  it('counts self- against outside-found problems per county, town and grid, by source and month, from the rollup', async () => {
    await reportedIn('grid.fengqiao001', '2025-06-03T10:00:00+08:00', { source: 'grid_patrol' });
    await reportedIn('grid.fengqiao001', '2025-06-04T10:00:00+08:00', { source: 'grid_patrol' });
    await reportedIn('dispatcher.nanhu', '2025-06-05T10:00:00+08:00', { source: 'hotline', regionCode: '330402100' });
    await reportedIn('dispatcher.xiuzhou', '2025-06-06T10:00:00+08:00', { source: 'central_inspection', regionCode: '330411' });
    const rejected = await reportedIn('dispatcher.xiuzhou', '2025-06-07T10:00:00+08:00', { source: 'media', regionCode: '330411' });
    await t.db.query(`UPDATE "case" SET state = 'rejected' WHERE id = $1`, [rejected]);
    await reportedIn('dispatcher.xiuzhou', '2025-07-01T10:00:00+08:00', { source: 'media', regionCode: '330411' });

    const get = async (user: string, query: string) => (await t.http().get(`/api/v1/stats/discovery?${query}`).set('Authorization', await t.tokenOf(user)).expect(200)).body as Row[];
    const counties = await get('leader.city', 'level=county&month=2025-06');
    const all = (await t.db.query(`SELECT code FROM region WHERE level = 'county' ORDER BY code`)).map((r: { code: string }) => r.code);
    expect(counties.map((r) => r.regionCode)).toEqual(all); // every county, with or without cases
    const by = (rows: Row[], code: string) => rows.find((r) => r.regionCode === code)!;
    expect(by(counties, '330402')).toEqual({
      regionCode: '330402',
      regionName: '南湖区',
      self: 2,
      external: 1,
      selfRate: 66.7,
      bySource: [{ source: 'grid_patrol', count: 2 }, { source: 'hotline', count: 1 }],
      byMonth: [{ month: '2025-06', self: 2, external: 1 }],
    });
    expect(by(counties, '330411')).toMatchObject({ self: 0, external: 1, selfRate: 0 }); // the rejected one does not count
    expect(by(counties, '330421')).toMatchObject({ self: 0, external: 0, selfRate: null, bySource: [] });

    const towns = await get('supervisor.nanhu', 'level=town&month=2025-06');
    expect(towns.every((r) => r.regionCode.startsWith('330402'))).toBe(true);
    expect(by(towns, '330402100')).toMatchObject({ self: 2, external: 1 });
    const grids = await get('supervisor.nanhu', 'level=grid&month=2025-06');
    expect(by(grids, '330402100001')).toMatchObject({ self: 2, external: 0 }); // the hotline case lies on the town, not a grid

    // Without a month: the twelve months up to this one (none of them in 2025 here, so all zero).
    const year = await get('leader.city', 'level=county');
    expect(by(year, '330411').byMonth).toHaveLength(12);

    await t.http().get('/api/v1/stats/discovery?level=village').set('Authorization', await t.tokenOf('leader.city')).expect(400);
    await t.http().get('/api/v1/stats/discovery').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });
});
