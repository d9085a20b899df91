import { ConfigError, loadConfig } from '../config/app-config';

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

  it('refuses the demo seed in production', () => {
    const secret = 'x'.repeat(40);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret, DEMO_SEED: 'true' }, [])).toThrow(/DEMO_SEED/);
    expect(loadConfig({ ...base, NODE_ENV: 'production', JWT_SECRET: secret }, []).isProduction).toBe(true);
  });

  it('takes the process role from --role=worker', () => {
    expect(loadConfig(base, ['node', 'main.js', '--role=worker']).role).toBe('worker');
    expect(() => loadConfig(base, ['node', 'main.js', '--role=boss'])).toThrow(ConfigError);
  });
});
