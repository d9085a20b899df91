import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { reportCase } from '../../test-support/cases.js';

// Built at run time: the test transpiler would turn a lone surrogate in a literal into U+FFFD.
const lone = (unit: number) => String.fromCharCode(unit);
const caseBody = { regionCode: '330402', description: '河道边有秸秆焚烧', category: 'air.dust', source: 'grid_patrol', severity: 'general' };

describe('bad input is 4xx, never 500 (issue 12 item 5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['a NUL byte', '垃圾\u0000堆放'],
    ['a lone high surrogate', `垃圾${lone(0xd800)}堆放`],
    ['a lone low surrogate', `${lone(0xdfff)}垃圾堆放`],
  ])('refuses %s in a case title with 400 and burns no case code', async (_what, title) => {
    const before = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402' });
    const res = await t.http().post('/api/v1/cases').set('Authorization', await t.tokenOf('dispatcher.nanhu')).send({ ...caseBody, title });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'invalid_text', details: [expect.objectContaining({ field: 'title' })] });
    const after = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402' });
    const seq = (code: string) => Number(code.slice(-6));
    expect(seq(after.code)).toBe(seq(before.code) + 1);
  });

  it('answers what the router refuses (a malformed URL, a huge path parameter) and a wrong id in the error shape, with the security headers', async () => {
    const auth = await t.tokenOf('dispatcher.nanhu');
    const answers = [
      [await t.http().get('/api/v1/cases/%E0%A4%A').set('Authorization', auth), 400],
      [await t.http().get(`/api/v1/cases/${'a'.repeat(300)}`).set('Authorization', auth), 404], // not an id: no such case, as before
      [await t.http().get(`/api/v1/cases/${'a'.repeat(1200)}`).set('Authorization', auth), 414],
    ] as const;
    for (const [res, status] of answers) {
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), code: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses NUL in a nested array element, a key, a query string and a login name', async () => {
    const auth = await t.tokenOf('dispatcher.nanhu');
    await t.http().get('/api/v1/cases').query({ q: 'a\u0000b' }).set('Authorization', auth).expect(400);
    await t.http().post('/api/v1/auth/login').send({ username: 'admin\u0000', password: 'x' }).expect(400);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: lone(0xd83d) }).expect(400);
    const res = await t.http().post('/api/v1/cases').set('Authorization', auth).send({ ...caseBody, title: 't', 'x\u0000': 1 });
    expect(res.status).toBe(400);
    await t.http().post('/api/v1/cases').set('Authorization', auth).send({ ...caseBody, title: 't', attachmentIds: ['\u0000'] }).expect(400);
  });

  it('accepts a well-formed astral character (a surrogate pair)', async () => {
    const c = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402', title: '河面漂浮物 🌊' });
    expect(c.title).toBe('河面漂浮物 🌊');
  });

  it.each(['------------------------------------', '00000000-0000-0000-0000-00000000000g', '1', "1' OR '1'='1"])(
    'answers 404 (not 500) for the path id %j on every id route, before any query',
    async (id) => {
      const auth = await t.tokenOf('admin');
      const enc = encodeURIComponent(id);
      for (const [method, path] of [
        ['get', `/api/v1/cases/${enc}`],
        ['get', `/api/v1/cases/${enc}/events`],
        ['get', `/api/v1/cases/${enc}/duplicates`],
        ['post', `/api/v1/cases/${enc}/actions/remind`],
        ['get', `/api/v1/attachments/${enc}`],
        ['post', `/api/v1/notifications/${enc}/read`],
        ['get', `/api/v1/ledgers/${enc}`],
        ['patch', `/api/v1/admin/deadline-policies/${enc}`],
      ] as const) {
        const res = await t.http()[method](path).set('Authorization', auth).send({ expectedVersion: 1 });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.body).toMatchObject({ code: 'not_found', details: [expect.objectContaining({ message: '不是有效的 UUID' })] });
      }
    },
  );

  it('answers 401, not 500, for a validly signed token whose subject is not a uuid', async () => {
    const jwt = t.app.get(JwtService);
    for (const sub of ['------------------------------------', 'admin', '']) {
      const token = jwt.sign({ sub, typ: 'access' });
      const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
    }
  });
});
