import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../../core/config/app-config.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http().post('/api/v1/auth/login').send({ username, password });

  it('logs a demo user in with access and refresh tokens and the user', async () => {
    const res = await login('dispatcher.nanhu', 'demo1234').expect(200);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { username: 'dispatcher.nanhu', roles: ['dispatcher'], regionCode: '330402', regionName: '南湖区', regionLevel: 'county', unitName: '南湖分局' },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    const wrong = await login('dispatcher.nanhu', 'wrong-password').expect(401);
    const unknown = await login('nobody.here', 'demo1234').expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误', code: 'invalid_credentials' });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.db.query(`SELECT password_hash FROM app_user WHERE username = 'admin'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers /me with the user and packed CASL rules', async () => {
    const res = await t.http().get('/api/v1/me').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(200);
    expect(res.body.user).toMatchObject({ username: 'handler.fengqiao', unitName: '凤桥镇生态办' });
    expect(Array.isArray(res.body.rules)).toBe(true);
    expect(res.body.rules.length).toBeGreaterThan(0);
  });

  it('refuses a missing, forged or expired token with 401 in the error shape', async () => {
    const missing = await t.http().get('/api/v1/me').expect(401);
    expect(missing.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });

    const userId = (await login('admin', 'demo1234')).body.user.id;
    const forged = new JwtService({ secret: 'not-the-secret' }).sign({ sub: userId, typ: 'access' });
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${forged}`).expect(401);

    const jwt = t.app.get(JwtService);
    const expired = jwt.sign({ sub: userId, typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 });
    const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.code).toBe('token_expired');

    await t.http().get('/api/v1/me').set('Authorization', `Basic ${Buffer.from('admin:demo1234').toString('base64')}`).expect(401);
  });

  it('rotates refresh tokens and refuses a reused one, revoking its family', async () => {
    const first = (await login('supervisor.nanhu', 'demo1234').expect(200)).body;
    const second = (await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);

    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.message).toMatch(/已被使用过/);
    // The whole family is revoked: the newer token no longer works either.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('refuses an unknown refresh token', async () => {
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: 'made-up' }).expect(401);
  });

  it('lets exactly one of two concurrent refreshes with the same token through', async () => {
    const tokens = (await login('leader.city', 'demo1234').expect(200)).body;
    const results = await Promise.all([1, 2].map(() => t.http().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10', REDIS_PREFIX: `rl-${Date.now()}` });
  });
  afterAll(() => t.close());

  it('answers 429 after 10 attempts a minute for one username and address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.http().post('/api/v1/auth/login').send({ username: 'grid.fengqiao001', password: 'wrong' })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'grid.fengqiao001', password: 'demo1234' }).expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // Another username from the same address is not affected.
    await t.http().post('/api/v1/auth/login').send({ username: 'grid.wangjiangjing001', password: 'demo1234' }).expect(200);
  });
});

describe('sessions and token claims', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http().post('/api/v1/auth/login').send({ username, password });

  describe('sessions end when the user changes (token version)', () => {
    let n = 0;
    const newUser = async () => {
      n += 1;
      const username = `session.test${Date.now()}${n}`;
      const res = await t
        .http()
        .post('/api/v1/admin/users')
        .set('Authorization', await t.tokenOf('admin'))
        .send({ username, password: 'first-password', displayName: '会话测试', roles: ['dispatcher'], regionCode: '330402' })
        .expect(201);
      const tokens = (await login(username, 'first-password').expect(200)).body;
      await t.http().get('/api/v1/me').set('Authorization', `Bearer ${tokens.accessToken}`).expect(200);
      return { id: res.body.id as string, username, tokens };
    };
    const admin = async (method: 'patch' | 'delete', id: string, body?: object) =>
      t.http()[method](`/api/v1/admin/users/${id}`).set('Authorization', await t.tokenOf('admin')).send(body);

    it.each([
      ['a password reset', { password: 'second-password' }],
      ['a change of roles', { roles: ['supervisor'] }],
      ['a change of region', { regionCode: '330411' }],
    ])('%s revokes the access and refresh tokens already issued', async (_what, change) => {
      const u = await newUser();
      expect((await admin('patch', u.id, change)).status).toBe(200);
      const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${u.tokens.accessToken}`).expect(401);
      expect(me.body.code).toBe('session_revoked');
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.tokens.refreshToken }).expect(401);
      // A new login carries the new facts.
      const password = 'password' in change ? change.password : 'first-password';
      const again = (await login(u.username, password).expect(200)).body;
      const fresh = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${again.accessToken}`).expect(200);
      expect(fresh.body.user).toMatchObject({ ...('roles' in change ? { roles: change.roles } : {}), ...('regionCode' in change ? { regionCode: change.regionCode } : {}) });
    });

    it('deactivation revokes every session and refuses new logins', async () => {
      const u = await newUser();
      expect((await admin('delete', u.id)).status).toBeLessThan(300);
      await t.http().get('/api/v1/me').set('Authorization', `Bearer ${u.tokens.accessToken}`).expect(401);
      await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.tokens.refreshToken }).expect(401);
      await login(u.username, 'first-password').expect(401);
    });
  });

  it('refuses tokens without an expiry, of another issuer or audience, or whose subject is not a user id', async () => {
    const good = (await login('admin', 'demo1234').expect(200)).body.accessToken as string;
    const jwt = t.app.get(JwtService);
    const claims = jwt.decode(good) as Record<string, unknown>;
    const { exp: _exp, iat: _iat, iss: _iss, aud: _aud, ...rest } = claims;
    const secret = t.app.get(AppConfig).jwtSecret;
    const raw = new JwtService({ secret });
    const variants: [string, string][] = [
      ['no exp', raw.sign(rest, { issuer: 'ecoloop', audience: 'ecoloop-api' })],
      ['foreign issuer', raw.sign(rest, { issuer: 'someone-else', audience: 'ecoloop-api', expiresIn: 60 })],
      ['foreign audience', raw.sign(rest, { issuer: 'ecoloop', audience: 'another-api', expiresIn: 60 })],
      ['sub not a uuid', raw.sign({ ...rest, sub: '-'.repeat(36) }, { issuer: 'ecoloop', audience: 'ecoloop-api', expiresIn: 60 })],
    ];
    for (const [what, token] of variants) {
      const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
      expect([what, res.status, res.body.statusCode]).toEqual([what, 401, 401]);
    }
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${raw.sign(rest, { issuer: 'ecoloop', audience: 'ecoloop-api', expiresIn: 60 })}`).expect(200);
  });
});
