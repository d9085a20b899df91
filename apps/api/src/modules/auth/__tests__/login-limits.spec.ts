import { loadConfig } from '../../../core/config/app-config.js';
import { Semaphore } from '../../../core/http/semaphore.js';
import { DEMO_PASSWORD } from '../../seed/demo-data.js';
import { argon2Slots } from '../password.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

describe('login limits per address and per username (issue 12 item 9)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The defaults: 10 per (username, address), 30 per address, 20 per username a minute.
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10', REDIS_PREFIX: `rl2-${Date.now()}` });
  });
  afterAll(() => t.close());
  const login = (username: string, ip: string, password = 'wrong') => t.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('answers 429 (with Retry-After) to 50 usernames from one address after 30, and blocks that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await login(`nobody${i}`, '203.0.113.7')).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual(Array(20).fill(429));
    const blocked = await login('dispatcher.nanhu', '203.0.113.7', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    await login('dispatcher.nanhu', '203.0.113.8', DEMO_PASSWORD).expect(200);
  });

  it('answers 429 to one username from 40 addresses after 20', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login('supervisor.xiuzhou', `198.18.0.${i + 1}`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(20).fill(429));
    await login('supervisor.nanhu', '198.18.1.1', DEMO_PASSWORD).expect(200);
  });

  it('bounds argon2 work while 300 logins with wrong passwords arrive from many addresses, and a real login still succeeds', async () => {
    let peak = 0;
    let peakQueue = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, argon2Slots.inUse);
      peakQueue = Math.max(peakQueue, argon2Slots.queued);
    }, 1);
    try {
      const flood = Array.from({ length: 300 }, (_, i) => login(`flood${i % 40}`, `100.64.${i >> 8}.${i & 255}`).then((r) => r.status));
      const real = login('leader.city', '192.0.2.200', DEMO_PASSWORD);
      const statuses = await Promise.all(flood);
      expect([200, 503]).toContain((await real).status);
      for (const s of statuses) expect([401, 429, 503]).toContain(s);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0); // refused at once, not queued
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeLessThanOrEqual(argon2Slots.limit);
    expect(peakQueue).toBeLessThanOrEqual(argon2Slots.maxQueue);
    await login('leader.city', '192.0.2.201', DEMO_PASSWORD).expect(200);
  });
});

describe('bounded argon2 work', () => {
  it('runs at most `limit` at once and refuses beyond the queue with 503', async () => {
    const s = new Semaphore(2, 3);
    let running = 0;
    let peak = 0;
    const job = () =>
      s.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
      });
    const results = await Promise.allSettled(Array.from({ length: 8 }, job));
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([503, 503, 503]);
  });
});

describe('TRUST_PROXY', () => {
  const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h', JWT_SECRET: 'x' };
  it.each([
    [undefined, 'loopback'],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.1', '10.0.0.0/8, 192.168.1.1'],
  ])('reads %j as %j', (value, expected) => {
    expect(loadConfig({ ...base, ...(value === undefined ? {} : { TRUST_PROXY: value }) }, []).trustProxy).toEqual(expected);
  });

  it('buckets clients by the proxy-reported address only when the proxy is trusted', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'false', LOGIN_IP_RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', REDIS_PREFIX: `rl3-${Date.now()}` });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.http().post('/api/v1/auth/login').set('X-Forwarded-For', `192.0.2.${i}`).send({ username: `u${i}`, password: 'x' })).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]); // all one client: the socket's address
    } finally {
      await t.close();
    }
  });
});
