import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { configureApp, createHttpAdapter } from '../app.setup.js';
import { loadConfig } from '../core/config/app-config.js';
import { appConfig } from '../core/config/configuration.js';
import { DEMO_PASSWORD } from '../modules/seed/demo-data.js';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  /** Logs a demo user in (cached per app) and returns the bearer header value. */
  tokenOf: (username: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The real application (real PostgreSQL and Redis from `npm test`), with optional env overrides. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'silent', ...process.env, ...env }, []);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(appConfig.KEY)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), { logger: false, bufferLogs: false });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    db: app.get<DataSource>(getDataSourceToken()),
    http: () => request(server),
    tokenOf: async (username) => {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(server).post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const bearer = `Bearer ${res.body.accessToken}`;
      tokens.set(username, bearer);
      return bearer;
    },
    close: () => app.close(),
  };
}
