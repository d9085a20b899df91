import { createTestApp, type TestApp } from '../../test-support/test-app';

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
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('answers an unknown route without a token with 404 or 401 in the error shape', async () => {
    const res = await t.http().get('/api/v1/no-such-thing');
    expect([401, 404]).toContain(res.status);
    expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String), message: expect.any(String) });
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": "adm').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Malformed JSON in request body' });
  });

  it('refuses unknown fields with 400 and field details', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'x', role: 'admin' }).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
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
