import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../../../test-support/test-app';

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
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid username or password', code: 'invalid_credentials' });
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
    expect(reuse.body.message).toMatch(/reuse/);
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
