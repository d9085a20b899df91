// GeoReport v2 as a client sees it: every resource in .json and .xml (parsed with an XML parser,
// not matched as text), the spec's error shape, and the parameters real clients send.
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { PNG_1X1, must } from '../../../test-support/cases.js';

const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name), parseTagValue: false });

describe('Open311 GeoReport v2 for existing clients', () => {
  let t: TestApp;
  let apiKey: string;
  let seq = 0;
  /** Spreads reports over the map so only the duplicate tests' reports are near each other. */
  const spot = () => ({ lat: String(30.5 + (++seq % 50) * 0.01), long: String(120.6 + Math.floor(seq / 50) * 0.01) });
  const post = (format: 'json' | 'xml', body: Record<string, string>) => t.http().post(`/open311/v2/requests.${format}`).type('form').send({ api_key: apiKey, ...body });
  const getXml = async (path: string, status = 200) => {
    const res = await t.http().get(path).expect(status);
    expect(res.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    return xml.parse(res.text);
  };

  beforeAll(async () => {
    t = await createTestApp();
    apiKey = (await t.http().post('/api/v1/admin/api-keys').set('Authorization', await t.tokenOf('admin')).send({ name: '市民App', source: 'open311' }).expect(201)).body.key;
  });
  afterAll(() => t.close());

  it('discovery names this endpoint and its formats', async () => {
    const json = (await t.http().get('/open311/v2/discovery.json').expect(200)).body;
    expect(json.endpoints).toEqual([expect.objectContaining({ specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), formats: ['application/json', 'text/xml'] })]);
    const doc = await getXml('/open311/v2/discovery.xml');
    expect(doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['application/json', 'text/xml']);
    expect(doc.discovery.changeset).toBe(json.changeset);
  });

  it('services and service definitions, in both formats, for the configured domain id or a region code', async () => {
    const doc = await getXml('/open311/v2/services.xml?jurisdiction_id=jiaxing.gov.cn');
    const burning = doc.services.service.find((s: { service_code: string }) => s.service_code === 'air.open_burning');
    expect(burning).toEqual(expect.objectContaining({ service_name: '秸秆露天焚烧', metadata: 'true', type: 'realtime', group: '大气' }));
    await t.http().get('/open311/v2/services.json?jurisdiction_id=330402').expect(200);
    const unknown = await t.http().get('/open311/v2/services.json?jurisdiction_id=example.org').expect(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('example.org') }]);
    expect((await getXml('/open311/v2/services.xml?jurisdiction_id=example.org', 404)).errors.error).toEqual([{ code: '404', description: expect.any(String) }]);

    const def = (await t.http().get('/open311/v2/services/air.open_burning.json').expect(200)).body;
    expect(def.service_code).toBe('air.open_burning');
    expect(def.attributes[0]).toEqual(expect.objectContaining({ variable: true, code: 'material', datatype: 'singlevaluelist', required: true, order: 1, values: expect.arrayContaining([{ key: 'straw', name: '秸秆' }]) }));
    const defXml = await getXml('/open311/v2/services/air.open_burning.xml');
    expect(defXml.service_definition.attributes.attribute[0].values.value[0]).toEqual({ key: 'straw', name: '秸秆' });
    expect((await t.http().get('/open311/v2/services/air.dust.json').expect(200)).body).toEqual({ service_code: 'air.dust', attributes: [] });
    expect((await t.http().get('/open311/v2/services/air.made_up.json').expect(404)).body[0].code).toBe(404);
    await t.http().get('/open311/v2/services/air.open_burning.html').expect(404);
  });

  it('takes a form-encoded report answered in XML, keeping e-mail, media_url, address_id and attributes', async () => {
    const res = await post('xml', {
      service_code: 'air.open_burning', jurisdiction_id: 'jiaxing.gov.cn', ...spot(), address_string: '凤桥镇三星村田间', address_id: 'ADDR-001',
      'attribute[material]': 'straw', email: 'li@example.com', media_url: 'https://img.example.com/1.jpg', first_name: '四', last_name: '李', device_id: 'dev-1',
    }).expect(201);
    const request = xml.parse(res.text).service_requests.request[0];
    expect(request.service_request_id).toMatch(/^JX-\d{4}-\d{6}$/);
    const [stored] = await t.db.query(
      `SELECT c.description, c.reporter_name, p.email, p.media_url, p.address_id, p.attributes, p.device_id, p.api_key_id FROM "case" c JOIN public_report p ON p.case_id = c.id WHERE c.code = $1`,
      [request.service_request_id],
    );
    expect(stored).toEqual(expect.objectContaining({ reporter_name: '李四', email: 'li@example.com', media_url: 'https://img.example.com/1.jpg', address_id: 'ADDR-001', attributes: { material: 'straw' }, device_id: 'dev-1', api_key_id: expect.any(String) }));
    expect(stored.description).toContain('焚烧的是什么：秸秆');

    const status = (await t.http().get(`/open311/v2/requests/${request.service_request_id}.json`).expect(200)).body[0];
    expect(status).toEqual(expect.objectContaining({
      service_request_id: request.service_request_id, status: 'open', status_notes: '待受理', description: expect.stringContaining('秸秆'),
      address: '凤桥镇三星村田间', address_id: 'ADDR-001', media_url: 'https://img.example.com/1.jpg', expected_datetime: expect.any(String), agency_responsible: null,
    }));
    expect(JSON.stringify(status)).not.toContain('li@example.com');
    const statusXml = await getXml(`/open311/v2/requests/${request.service_request_id}.xml`);
    expect(statusXml.service_requests.request[0]).toEqual(expect.objectContaining({ service_request_id: request.service_request_id, status: 'open', lat: expect.any(String) }));
  });

  it('checks what the spec asks: known service, location, required attributes, api_key; description is optional', async () => {
    const missingAttr = await post('json', { service_code: 'air.open_burning', ...spot() }).expect(400);
    expect(missingAttr.body).toEqual([{ code: 400, description: expect.stringContaining('attribute[material]') }]);
    await post('json', { service_code: 'air.open_burning', ...spot(), 'attribute[material]': 'plutonium' }).expect(400);
    const noPlace = await post('json', { service_code: 'air.dust', description: '工地扬尘' }).expect(400);
    expect(noPlace.body[0].description).toContain('位置');
    await post('json', { service_code: 'air.dust', lat: '30.7' }).expect(400);
    await post('json', { service_code: 'air.made_up', ...spot() }).expect(404);
    await post('json', { service_code: 'air.dust', ...spot(), jurisdiction_id: '999999' }).expect(404);
    // No description, only an address: accepted.
    expect((await post('json', { service_code: 'air.dust', address_string: '南湖区某工地' }).expect(201)).body[0].service_request_id).toMatch(/^JX-/);
    const badKey = await t.http().post('/open311/v2/requests.json').type('form').send({ service_code: 'air.dust', ...spot(), api_key: 'elk_wrong' }).expect(403);
    expect(badKey.body).toEqual([{ code: 403, description: expect.any(String) }]);
    const deviceKey = (await t.http().post('/api/v1/admin/api-keys').set('Authorization', await t.tokenOf('admin')).send({ name: '无人机', source: 'drone' }).expect(201)).body.key;
    await t.http().post('/open311/v2/requests.json').type('form').send({ service_code: 'air.dust', ...spot(), api_key: deviceKey }).expect(403);
    // The staff API refuses unknown subcategories the same way.
    const staff = await t.http().post('/api/v1/cases').set('Authorization', await t.tokenOf('grid.fengqiao001')).send({ title: 't', description: 'd', category: 'air.made_up', source: 'grid_patrol', severity: 'general' }).expect(400);
    expect(staff.body.code).toBe('validation_failed');
  });

  it('takes a multipart report with a media file, stored as the case’s attachment', async () => {
    const res = await t.http().post('/open311/v2/requests.json')
      .field('service_code', 'solid_waste.dumping').field('lat', spot().lat).field('long', '120.61').field('api_key', apiKey).field('description', '路边倾倒建筑垃圾')
      .attach('media', PNG_1X1, 'photo.png').expect(201);
    const code = res.body[0].service_request_id;
    const [c] = await t.db.query(`SELECT c.id FROM "case" c WHERE c.code = $1`, [code]);
    const attachments = await t.db.query(`SELECT mime, uploaded_by FROM attachment WHERE case_id = $1`, [c.id]);
    expect(attachments).toEqual([{ mime: 'image/png', uploaded_by: null }]);
    const events = await t.db.query(`SELECT attachment_ids FROM case_event WHERE case_id = $1 AND seq = 1`, [c.id]);
    expect(events[0].attachment_ids).toHaveLength(1);
    // Not an allowed type: refused, nothing created.
    await t.http().post('/open311/v2/requests.json').field('service_code', 'air.dust').field('lat', '30.9').field('long', '120.9').field('api_key', apiKey)
      .attach('media', Buffer.from('#!/bin/sh\necho hi\n'), 'x.png').expect(415);
  });

  it('GET requests filters by id, service_code, status, dates and page; tokens give the id', async () => {
    const a = (await post('json', { service_code: 'noise.construction', ...spot(), description: '夜间施工噪声扰民' }).expect(201)).body[0];
    const b = (await post('json', { service_code: 'noise.construction', ...spot(), description: '凌晨打桩' }).expect(201)).body[0];
    const c = (await post('json', { service_code: 'air.cooking_fume', ...spot(), description: '饭店油烟直排' }).expect(201)).body[0];
    const byIds = (await t.http().get(`/open311/v2/requests.json?service_request_id=${a.service_request_id},${c.service_request_id}&service_code=air.dust`).expect(200)).body;
    expect(byIds.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([a.service_request_id, c.service_request_id].sort());
    const noise = (await t.http().get('/open311/v2/requests.json?service_code=noise.construction').expect(200)).body;
    expect(noise.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b.service_request_id, a.service_request_id]);
    // A region code as jurisdiction_id narrows the list to it (spot() reports belong to the city).
    expect((await t.http().get('/open311/v2/requests.json?service_code=noise.construction&jurisdiction_id=330402').expect(200)).body).toEqual([]);
    expect((await t.http().get('/open311/v2/requests.json?service_code=noise.construction&jurisdiction_id=330400').expect(200)).body).toHaveLength(2);
    const page2 = (await t.http().get('/open311/v2/requests.json?service_code=noise.construction&page=2&page_size=1').expect(200)).body;
    expect(page2.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a.service_request_id]);

    const [row] = await t.db.query(`SELECT id FROM "case" WHERE code = $1`, [c.service_request_id]);
    await must(t, 'dispatcher.city', row.id, 'reject', { reason: '不属于生态环境部门职责' });
    const closed = (await t.http().get('/open311/v2/requests.json?status=closed&service_code=air.cooking_fume').expect(200)).body;
    expect(closed).toEqual([expect.objectContaining({ service_request_id: c.service_request_id, status: 'closed', status_notes: '不予受理' })]);
    expect((await t.http().get('/open311/v2/requests.json?status=open&service_code=air.cooking_fume').expect(200)).body).toEqual([]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await t.http().get(`/open311/v2/requests.json?start_date=${future}`).expect(400)).body[0].code).toBe(400);
    const past = (await t.http().get(`/open311/v2/requests.json?service_code=noise.construction&end_date=${new Date(Date.now() - 86_400_000).toISOString()}`).expect(200)).body;
    expect(past).toEqual([]);
    const listXml = await getXml('/open311/v2/requests.xml?service_code=noise.construction');
    expect(listXml.service_requests.request.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([b.service_request_id, a.service_request_id]);

    expect((await t.http().get(`/open311/v2/tokens/${a.token}.json`).expect(200)).body).toEqual([{ service_request_id: a.service_request_id, token: a.token }]);
    expect((await getXml(`/open311/v2/tokens/${a.token}.xml`)).service_requests.request[0].service_request_id).toBe(a.service_request_id);
    await t.http().get('/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json').expect(404);
  });

  it('limits anonymous posting per address, not clients with an api_key', async () => {
    const from = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const anonymous = () => t.http().post('/open311/v2/requests.json').set('X-Forwarded-For', from).type('form').send({ service_code: 'air.dust', address_string: '限流测试路1号' });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await anonymous()).status);
    expect(statuses).toEqual(Array(30).fill(201));
    const limited = await anonymous().expect(429);
    expect(limited.body).toEqual([{ code: 429, description: expect.any(String) }]);
    await t.http().post('/open311/v2/requests.json').set('X-Forwarded-For', from).type('form').send({ service_code: 'air.dust', address_string: '限流测试路1号', api_key: apiKey }).expect(201);
  });

  it('links a repeated public report to the first (same kind, nearby, similar text) and shows both reporters the outcome', async () => {
    const place = { lat: '30.8123', long: '120.7456' };
    const first = (await post('json', { service_code: 'water.outfall', ...place, description: '村口河边排污口一直在排黑水，味道很臭', phone: '13811112222' }).expect(201)).body[0];
    const again = (await post('json', { service_code: 'water.outfall', lat: '30.8125', long: '120.7458', description: '村口河边排污口在排黑水，很臭', phone: '13933334444' }).expect(201)).body[0];
    const other = (await post('json', { service_code: 'water.outfall', lat: '30.8124', long: '120.7457', description: '企业雨水管晴天有泡沫水流出' }).expect(201)).body[0];
    expect(again.service_notice).toContain(first.service_request_id);

    const rows = await t.db.query(`SELECT code, duplicate_of_id, reporter_phone FROM "case" WHERE code = ANY ($1) ORDER BY code`, [[first.service_request_id, again.service_request_id, other.service_request_id]]);
    const byCode = Object.fromEntries(rows.map((r: { code: string }) => [r.code, r]));
    const [firstRow] = await t.db.query(`SELECT id FROM "case" WHERE code = $1`, [first.service_request_id]);
    expect(byCode[again.service_request_id]).toEqual(expect.objectContaining({ duplicate_of_id: firstRow.id, reporter_phone: '13933334444' }));
    expect(byCode[other.service_request_id].duplicate_of_id).toBeNull();

    const show = async (code: string) => (await t.http().get(`/open311/v2/requests/${code}.json`).expect(200)).body[0];
    expect((await show(again.service_request_id)).status_notes).toBe(`重复举报，已与 ${first.service_request_id} 一并办理：待受理`);
    expect((await show(first.service_request_id)).status_notes).toBe('待受理（另有 1 件重复举报一并办理）');
    await must(t, 'dispatcher.city', firstRow.id, 'reject', { reason: '经核查为雨水排口，无污水' });
    expect(await show(again.service_request_id)).toEqual(expect.objectContaining({ status: 'closed', status_notes: `重复举报，已与 ${first.service_request_id} 一并办理：不予受理` }));
    expect((await show(first.service_request_id)).status).toBe('closed');
  });
});
