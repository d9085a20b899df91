import { createTestApp, type TestApp } from '../../../test-support/test-app';
import { must, reportCase } from '../../../test-support/cases';

describe('GET /enterprises/:creditCode', () => {
  let t: TestApp;
  const code = `91330402MA${Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, '1').padStart(8, '0').slice(-8)}`;
  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(`INSERT INTO enterprise (credit_code, name, region_code, industry) VALUES ($1, '嘉兴某印染有限公司', '330402101', '印染')`, [code]);
  });
  afterAll(() => t.close());

  it('turns from green to yellow to red with its cases, listing only cases in scope', async () => {
    const get = async (user = 'dispatcher.nanhu') => (await t.http().get(`/api/v1/enterprises/${code}`).set('Authorization', await t.tokenOf(user)).expect(200)).body;
    expect(await get()).toMatchObject({ name: '嘉兴某印染有限公司', healthCode: 'green', cases: [] });
    const first = await reportCase(t, 'grid.fengqiao001', { enterpriseCreditCode: code, category: 'water.outfall' });
    expect((await get()).healthCode).toBe('yellow');
    await reportCase(t, 'grid.fengqiao001', { enterpriseCreditCode: code, category: 'water.outfall', severity: 'major' });
    const red = await get();
    expect(red.healthCode).toBe('red');
    expect(red.healthReasons).toContain('存在未办结的重大问题');
    expect(red.cases).toHaveLength(2);
    expect((await get('dispatcher.xiuzhou')).cases).toHaveLength(0);
    await must(t, 'dispatcher.nanhu', first.id, 'reject', { reason: '重复' });
    expect((await get()).cases.map((c: { id: string }) => c.id)).toContain(first.id);
  });

  it('answers 404 for an unknown enterprise and 403 for a grid inspector', async () => {
    await t.http().get('/api/v1/enterprises/91330000MA00000000').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(404);
    await t.http().get(`/api/v1/enterprises/${code}`).set('Authorization', await t.tokenOf('grid.fengqiao001')).expect(403);
  });
});
