import { jsonDepthExceeds } from '../http/body-limits.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

const nested = (depth: number) => `{"refreshToken":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('jsonDepthExceeds', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonDepthExceeds(Buffer.from(nested(31)))).toBe(false); // 32 with the outer object
    expect(jsonDepthExceeds(Buffer.from(nested(32)))).toBe(true);
    expect(jsonDepthExceeds(Buffer.from(JSON.stringify({ a: '['.repeat(100) + '"\\[', b: [[1]] })))).toBe(false);
  });
});

describe('deep and large bodies (issue 12 item 1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 400 fast for 33 levels and 413 for a 1 MB public body', async () => {
    const deep = await t.http().post('/api/v1/cases').set('Authorization', await t.tokenOf('admin')).set('Content-Type', 'application/json').send(nested(40));
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ statusCode: 400, code: 'too_deep' });
    const big = await t.http().post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send(nested(499_000));
    expect(big.status).toBe(413);
    const form = await t.http().post('/open311/v2/requests.json').type('form').send(`description=${'x'.repeat(20_000)}`);
    expect(form.status).toBe(413);
    expect(form.body).toEqual([{ code: 413, description: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    const xml = await t.http().post('/open311/v2/requests.xml').type('form').send(`description=${'x'.repeat(20_000)}`);
    expect(xml.status).toBe(413);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.text).toMatch(/<errors>\s*<error>\s*<code>413<\/code>\s*<description>[^<]*[\u4e00-\u9fff]/);
  });

  it('keeps /health fast while 20 nested 1 MB bodies arrive in parallel, and still refreshes normally', async () => {
    const body = nested(499_000);
    const attacks = Array.from({ length: 20 }, (_, i) =>
      t.http().post(i % 2 ? '/api/v1/auth/refresh' : '/api/v1/cases').set('Authorization', 'Bearer x').set('Content-Type', 'application/json').send(body),
    );
    const started = Date.now();
    const health = await t.http().get('/api/v1/health');
    const healthMs = Date.now() - started;
    const statuses = (await Promise.all(attacks)).map((r) => r.status);
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1000);
    for (const s of statuses) expect([400, 401, 413, 429]).toContain(s);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: 'not-a-real-token' }).expect(401);
  });

  it('reads Open311 forms two levels deep with at most 100 fields, and refuses plain text', async () => {
    const form = (body: string) => t.http().post('/open311/v2/requests.json').type('form').send(body);
    const deep = await form('service_code=air.open_burning&attribute[a][b][c]=x');
    // Refused by the parser, before the route: still GeoReport v2 errors, in Chinese.
    expect(deep.status).toBe(400);
    expect(deep.body).toEqual([{ code: 400, description: expect.stringMatching(/层级/) }]);
    const many = await form(Array.from({ length: 101 }, (_, i) => `f${i}=1`).join('&'));
    expect(many.status).toBe(413);
    expect(many.body).toEqual([{ code: 413, description: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    // Two levels pass the parser and reach the service's own checks (GeoReport v2 errors).
    const twoLevels = await form('service_code=air.open_burning&attribute[material][]=straw');
    expect(twoLevels.status).toBe(400);
    expect(twoLevels.body).toEqual([{ code: 400, description: expect.any(String) }]);

    const text = await t.http().post('/api/v1/cases').set('Authorization', await t.tokenOf('admin')).set('Content-Type', 'text/plain').send('标题');
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
  });

  it('throttles /auth/refresh per address', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await t.http().post('/api/v1/auth/refresh').set('X-Forwarded-For', ip).send({ refreshToken: `nope-${i}` });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(429);
  });
});
