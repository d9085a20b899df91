import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

describe('Open311 GeoReport v2 public intake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the services without a login', async () => {
    const res = await t.http().get('/open311/v2/services.json').expect(200);
    expect(res.body).toEqual(expect.arrayContaining([expect.objectContaining({ service_code: 'air.open_burning', service_name: '秸秆露天焚烧', group: '大气' })]));
  });

  it('takes a form-encoded report, answers its status without personal data, and routes it to the county dispatcher', async () => {
    const created = await t
      .http()
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ service_code: 'water.black_odorous', jurisdiction_id: '330402101', lat: '30.75', long: '120.9', address_string: '余新镇金星村河道', description: '河水发黑发臭', first_name: '先生', last_name: '钱', phone: '13700001111' })
      .expect(201);
    const code = created.body[0].service_request_id;
    expect(code).toMatch(/^JX-\d{4}-\d{6}$/);

    const status = await t.http().get(`/open311/v2/requests/${code}.json`).expect(200);
    expect(status.body[0]).toMatchObject({ service_request_id: code, status: 'open', status_notes: '待受理', service_code: 'water.black_odorous' });
    expect(JSON.stringify(status.body)).not.toContain('13700001111');

    const list = await t.http().get(`/api/v1/cases?q=${code}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(list.body.items[0]).toMatchObject({ code, source: 'public', reporterName: '钱先生', reporterPhone: '13700001111', regionCode: '330402101' });
    const handlerView = await t.http().get(`/api/v1/cases?q=${code}`).set('Authorization', await t.tokenOf('dispatcher.xiuzhou')).expect(200);
    expect(handlerView.body.total).toBe(0);
    const events = await t.http().get(`/api/v1/cases/${list.body.items[0].id}/events`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(events.body[0]).toMatchObject({ action: 'report', actorId: null, actorRole: 'public' });
  });

  it('refuses a bad report with 400, an unknown service with 404 (as GeoReport v2 says), and an unknown request with 404', async () => {
    await t.http().post('/open311/v2/requests.json').send({ service_code: 'air', description: '' }).expect(400);
    await t.http().post('/open311/v2/requests.json').send({ service_code: 'fire', lat: 30.7, long: 120.8 }).expect(404);
    await t.http().get('/open311/v2/requests/JX-2026-999999.json').expect(404);
    await t.http().get('/open311/v2/requests/anything.json').expect(404);
  });

  it('answers every error under /open311/ as GeoReport v2 errors, also those raised before a route is reached', async () => {
    const json = [{ code: expect.any(Number), description: expect.stringMatching(/[\u4e00-\u9fff]/) }];
    const unknown = await t.http().get('/open311/v2/nothing-here.json').expect(404);
    expect(unknown.body).toEqual(json);
    const badJson = await t.http().post('/open311/v2/requests.json').set('Content-Type', 'application/json').send('{"service_code":').expect(400);
    expect(badJson.body).toEqual(json);
    const badXml = await t.http().post('/open311/v2/requests.xml').set('Content-Type', 'application/json').send('{"service_code":').expect(400);
    expect(badXml.text).toMatch(/<errors>\s*<error>\s*<code>400<\/code>/);
    // The API's own paths keep the API's error shape.
    const api = await t.http().get('/api/v1/nothing-here').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});
