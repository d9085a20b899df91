import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config.js';

const base = {
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'dev-secret-change-me',
};

describe('loadConfig', () => {
  it('reads a valid development configuration with defaults', () => {
    const config = loadConfig(base, []);
    expect(config.port).toBe(3000);
    expect(config.nodeEnv).toBe('development');
    expect(config.role).toBe('all');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses a missing or malformed DATABASE_URL and lists every problem', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://x', PORT: 'abc' }, [])).toThrow(ConfigError);
    try {
      loadConfig({ ...base, DATABASE_URL: 'mysql://x', PORT: 'abc' }, []);
    } catch (e) {
      expect((e as Error).message).toMatch(/DATABASE_URL/);
      expect((e as Error).message).toMatch(/port/);
    }
  });

  it('refuses a default JWT secret in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' }, [])).toThrow(/JWT_SECRET/);
  });

  it.each([
    'ecoloop-dev-only-secret-do-not-use-in-production',
    'ecoloop-test-only-jwt-secret',
    'ecoloop-bench-only-jwt-secret',
    'test-secret',
    'my-long-dev-only-secret-for-the-laptop-1234',
  ])('refuses the shipped secret %s in production', (secret) => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret }, [])).toThrow(/JWT_SECRET/);
  });

  it('refuses every JWT_SECRET value written in the repository scripts in production', () => {
    const { readFileSync, readdirSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const { join } = jest.requireActual<typeof import('node:path')>('node:path');
    const dir = join(__dirname, '../../../../../scripts');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(mjs|js|ts|sh)$/.test(f));
    const shipped = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/JWT_SECRET\s*[:=][^'"\n]*['"]([^'"\s]{8,})['"]/g)].map((m) => m[1]));
    expect(shipped.length).toBeGreaterThan(0);
    for (const secret of shipped) expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret }, [])).toThrow(/JWT_SECRET/);
  });

  it('refuses the demo seed in production', () => {
    const secret = 'x'.repeat(40);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret, DEMO_SEED: 'true' }, [])).toThrow(/DEMO_SEED/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret }, []).isProduction).toBe(true);
  });

  it('takes the process role from --role=worker', () => {
    expect(loadConfig(base, ['node', 'main.js', '--role=worker']).role).toBe('worker');
    expect(() => loadConfig(base, ['node', 'main.js', '--role=boss'])).toThrow(ConfigError);
  });

  it('is read from the environment in core/config/configuration.ts only', () => {
    const src = join(__dirname, '..', '..');
    const offenders = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !/(__tests__|test-support)/.test(f))
      .filter((f) => /process\.env/.test(readFileSync(join(src, f), 'utf8')))
      .map((f) => relative(src, join(src, f)));
    expect(offenders).toEqual([join('core', 'config', 'configuration.ts')]);
  });
});
