import { createTestApp, type TestApp } from '../../../test-support/test-app';
import { reportCase } from '../../../test-support/cases';

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
    // Other test files create cases at the same time: the city sees at least these three, the county never the 秀洲 one.
    expect(city.body.total).toBeGreaterThanOrEqual(3);
    expect(county.body.byCounty.map((r: { regionCode: string }) => r.regionCode)).toEqual(['330402']);
    expect(city.body.byCounty.map((r: { regionCode: string }) => r.regionCode)).toEqual(expect.arrayContaining(['330402', '330411']));
    expect(county.body.byState.reported).toBeGreaterThanOrEqual(2);
    expect(county.body.points.length).toBeGreaterThanOrEqual(1);
    const nanhuOnly = await t.http().get(`/api/v1/stats/overview?regionCode=330411&from=${from}&to=${to}`).set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    expect(nanhuOnly.body.total).toBe(0);
  });

  it('is not for handlers or grid inspectors', async () => {
    await t.http().get('/api/v1/stats/overview').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });
});
