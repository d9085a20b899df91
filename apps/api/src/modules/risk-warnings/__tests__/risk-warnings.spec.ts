import { createTestApp, type TestApp } from '../../../test-support/test-app';

describe('GET /risk-warnings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('rates each county of the caller’s jurisdiction for a month from its cases', async () => {
    // A month far in the past that no other test writes to: 2 outside reports and 1 self-found in 嘉善县.
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
    expect(city.body).toHaveLength(7);
    const jiashan = city.body.find((w: { regionCode: string }) => w.regionCode === '330421');
    expect(jiashan).toMatchObject({ regionName: '嘉善县', month: '2025-03', figures: { newCases: 3, external: 2, selfDiscovered: 1, overdue: 1 }, controlIndex: 33.3, level: 'yellow' });
    expect(city.body[0].regionCode).toBe('330421'); // highest risk first
    const county = await t.http().get('/api/v1/risk-warnings?month=2025-03').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    expect(county.body.map((w: { regionCode: string }) => w.regionCode)).toEqual(['330402']);
    await t.http().get('/api/v1/risk-warnings?month=2025-13').set('Authorization', await t.tokenOf('leader.city')).expect(400);
    await t.http().get('/api/v1/risk-warnings').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });
});
