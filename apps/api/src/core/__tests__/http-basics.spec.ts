import { REQUEST_TIMEOUT_MS } from '../../app.setup.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports db and redis in /health', async () => {
    const res = await t.http().get('/api/v1/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.db.status).toBe('ok');
    expect(res.body.redis.status).toBe('ok');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.http().get('/api/v1/no-such-thing').set('Authorization', await t.tokenOf('admin')).expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'not_found', message: '未找到或无权查看' });
  });

  it('answers a path outside the API (no web client served) and a HEAD with 404 in the error shape', async () => {
    for (const req of [t.http().get('/no-such-page'), t.http().post('/no-such-page').send({})]) {
      const res = await req.expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'not_found', message: '未找到或无权查看' });
    }
    const head = await t.http().head('/api/v1/no-such-thing').expect(404);
    expect(head.headers['content-type']).toMatch(/application\/json/);
  });

  it('answers an unknown route without a token with 404 or 401 in the error shape', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect([401, 404]).toContain(res.status);
    expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String), code: res.status === 401 ? 'unauthorized' : 'not_found', message: expect.any(String) });
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": "adm').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: '提交的内容不是有效的 JSON', code: 'invalid_json' });
  });

  it('refuses unknown fields with 400 and field details', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'x', role: 'admin' }).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
  });

  it('answers every refusal in Chinese, whatever the layer that refuses', async () => {
    const admin = await t.tokenOf('admin');
    const grid = await t.tokenOf('grid.fengqiao001');
    const answers = [
      await t.http().get('/api/v1/no-such-thing').set('Authorization', admin),
      await t.http().get('/api/v1/cases'),
      await t.http().get('/api/v1/cases').set('Authorization', 'Bearer not-a-token'),
      await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'wrong-password' }),
      await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'x', role: 'admin' }),
      await t.http().get('/api/v1/cases/00000000-0000-4000-8000-000000000000').set('Authorization', admin),
      await t.http().get('/api/v1/ledgers/00000000-0000-4000-8000-000000000000').set('Authorization', admin),
      await t.http().get('/api/v1/admin/users').set('Authorization', grid),
      await t.http().post('/api/v1/cases').set('Authorization', grid).send({ title: 'x', category: 'water.made_up', source: 'grid_patrol', severity: 'general' }),
    ];
    for (const res of answers) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.message).not.toMatch(/not found|Not permitted|must be|should not|Invalid|Unauthorized/);
      for (const d of res.body.details ?? []) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('cuts a request that has not arrived after five minutes, as Node does (Fastify turns that off)', () => {
    expect(t.app.getHttpServer().requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBe(300_000);
  });

  it('echoes a request id', async () => {
    const res = await t.http().get('/api/v1/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/v1/auth/login']).toBeDefined();
  });
});
