import { DemoSeedService } from '../../seed/demo-seed.service.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

describe('regions, units and users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('returns the region tree with the demo city, counties, towns and grids', async () => {
    const res = await t.http().get('/api/v1/regions').set('Authorization', await t.tokenOf('grid.fengqiao001')).expect(200);
    const city = res.body.find((r: { code: string }) => r.code === '330400');
    expect(city).toMatchObject({ name: '嘉兴市', level: 'city', path: '330400' });
    expect(city.children.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['330402', '330411', '330421', '330424', '330481', '330482', '330483']),
    );
    const nanhu = city.children.find((c: { code: string }) => c.code === '330402');
    const fengqiao = nanhu.children.find((c: { code: string }) => c.code === '330402100');
    expect(fengqiao.name).toBe('凤桥镇');
    expect(fengqiao.children.map((g: { code: string; path: string }) => [g.code, g.path])).toEqual(
      expect.arrayContaining([['330402100001', '330400.330402.330402100.330402100001']]),
    );
  });

  it('lists units of a region subtree as {id, name, kind, regionCode}', async () => {
    const res = await t.http().get('/api/v1/units?regionCode=330402').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    const names = res.body.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['南湖分局', '凤桥镇生态办', '余新镇生态办']));
    expect(names).not.toContain('王江泾镇生态办');
    expect(Object.keys(res.body[0]).sort()).toEqual(['id', 'kind', 'name', 'regionCode']);
  });

  it('answers 404 for units of an unknown region', async () => {
    await t.http().get('/api/v1/units?regionCode=999999').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(404);
  });

  it('lets the admin create, rename and delete a region, refusing a code outside its parent', async () => {
    const admin = await t.tokenOf('admin');
    const code = `3304021${String(Date.now() % 90 + 10)}`;
    await t.http().post('/api/v1/admin/regions').set('Authorization', admin).send({ code: '330411199', name: '错镇', level: 'town', parentCode: '330402' }).expect(422);
    const created = await t.http().post('/api/v1/admin/regions').set('Authorization', admin).send({ code, name: '新建镇', level: 'town', parentCode: '330402' }).expect(201);
    expect(created.body.path).toBe(`330400.330402.${code}`);
    await t.http().post('/api/v1/admin/regions').set('Authorization', admin).send({ code, name: '新建镇', level: 'town', parentCode: '330402' }).expect(409);
    await t.http().patch(`/api/v1/admin/regions/${code}`).set('Authorization', admin).send({ name: '改名镇' }).expect(200);
    await t.http().delete('/api/v1/admin/regions/330402').set('Authorization', admin).expect(409);
    await t.http().delete(`/api/v1/admin/regions/${code}`).set('Authorization', admin).expect(204);
  });

  it('refuses admin endpoints to non-admins with 403', async () => {
    const dispatcher = await t.tokenOf('dispatcher.city');
    await t.http().post('/api/v1/admin/regions').set('Authorization', dispatcher).send({ code: '330402199', name: 'x', level: 'town', parentCode: '330402' }).expect(403);
    await t.http().get('/api/v1/admin/users').set('Authorization', dispatcher).expect(403);
    await t.http().post('/api/v1/admin/units').set('Authorization', await t.tokenOf('leader.city')).send({ name: 'x', kind: 'external', regionCode: '330402' }).expect(403);
  });

  it('lets the admin manage units and users; a new user can log in', async () => {
    const admin = await t.tokenOf('admin');
    const suffix = Date.now().toString(36);
    const unit = await t.http().post('/api/v1/admin/units').set('Authorization', admin).send({ name: `测试单位${suffix}`, kind: 'department', regionCode: '330402' }).expect(201);
    await t.http().post('/api/v1/admin/units').set('Authorization', admin).send({ name: `测试单位${suffix}`, kind: 'department', regionCode: '330402' }).expect(409);
    const user = await t.http().post('/api/v1/admin/users').set('Authorization', admin).send({
      username: `handler.t${suffix}`,
      password: 'secret-pass-1',
      displayName: '测试经办人',
      roles: ['handler'],
      unitId: unit.body.id,
      regionCode: '330402',
    }).expect(201);
    expect(user.body).toMatchObject({ unitName: `测试单位${suffix}`, roles: ['handler'] });
    await t.http().post('/api/v1/auth/login').send({ username: `handler.t${suffix}`, password: 'secret-pass-1' }).expect(200);
    await t.http().delete(`/api/v1/admin/users/${user.body.id}`).set('Authorization', admin).expect(204);
    await t.http().post('/api/v1/auth/login').send({ username: `handler.t${suffix}`, password: 'secret-pass-1' }).expect(401);
    await t.http().post('/api/v1/admin/users').set('Authorization', admin).send({ username: 'x.y', password: 'short', displayName: 'x', roles: ['boss'], regionCode: '330402' }).expect(400);
  });

  it('seeds the demo organisation idempotently', async () => {
    const before = await t.db.query(`SELECT (SELECT count(*) FROM region) r, (SELECT count(*) FROM unit) u, (SELECT count(*) FROM app_user) p`);
    const added = await new DemoSeedService(t.db).seedOrganisation();
    expect(added).toEqual({ regions: 0, units: 0, users: 0 });
    const after = await t.db.query(`SELECT (SELECT count(*) FROM region) r, (SELECT count(*) FROM unit) u, (SELECT count(*) FROM app_user) p`);
    expect(after).toEqual(before);
  });
});
