import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { PNG_1X1 } from '../../../test-support/cases.js';

describe('Open311 and uploads against abuse (issue 12 item 11)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_QUOTA_PER_HOUR: '3', REDIS_PREFIX: `abuse-${Date.now()}` });
  });
  afterAll(() => t.close());

  const report = (ip: string, body: Record<string, string>) => t.http().post('/open311/v2/requests.json').set('X-Forwarded-For', ip).type('form').send(body);

  it('limits status reads per address: walking codes meets 429 after 60 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await t.http().get(`/open311/v2/requests/JX-2026-${String(900000 + i).padStart(6, '0')}.json`).set('X-Forwarded-For', '203.0.113.50')).status);
    expect(statuses.slice(0, 60).every((s) => s === 404 || s === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual(Array(10).fill(429));
    await t.http().get('/open311/v2/requests/JX-2026-000001.json').set('X-Forwarded-For', '203.0.113.51').expect((r) => expect([200, 404]).toContain(r.status));
  });

  it('folds an identical report from the same client into the same request', async () => {
    const body = { service_code: 'air.dust', description: `工地扬尘严重 ${Date.now()}`, address_string: '凤桥镇三星村', phone: '13600002222' };
    const [a, b] = await Promise.all([report('198.51.100.20', body), report('198.51.100.20', body)]);
    const c = await report('198.51.100.20', { ...body, description: ` ${body.description} ` });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    const code = a.body[0].service_request_id;
    expect(b.body[0].service_request_id).toBe(code);
    expect(c.body[0].service_request_id).toBe(code);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE source = 'public' AND description = $1`, [body.description]);
    expect(n).toBe(1);

    const other = await report('198.51.100.21', body);
    expect(other.body[0].service_request_id).not.toBe(code);
    const changed = await report('198.51.100.20', { ...body, description: `${body.description}，夜间施工` });
    expect(changed.body[0].service_request_id).not.toBe(code);
  });

  it('caps uploads per user an hour before reading the file', async () => {
    const auth = await t.tokenOf('grid.wangjiangjing001');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http().post('/api/v1/attachments').set('Authorization', auth).attach('file', PNG_1X1, `p${i}.png`)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    await t.http().post('/api/v1/attachments').set('Authorization', await t.tokenOf('grid.fengqiao001')).attach('file', PNG_1X1, 'other.png').expect(201);
  });
});
