// Boots what the e2e runs against: the real API (apps/api), which also serves the built web client
// (apps/web/dist) at `/`, on the test database `npm test` prepared (demo organisation loaded,
// password demo1234 for every demo user).

import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../../api/src/test-support/test-app';
import { ensureWebBuilt, startStaticServer } from './static-server';

export interface E2EServer {
  baseUrl: string;
  stop(): Promise<void>;
  /** The API in this process (startApiForE2E only): for bringing a deadline's time forward. */
  testApp?: TestApp;
}

/** The real API in this process, serving the built client from apps/web/dist on a free port. */
export async function startApiForE2E(): Promise<E2EServer> {
  const dist = join(__dirname, '..', '..', 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('apps/web/dist is missing: `npm test` builds it; or run `npm run build -w @ecoloop/web`');
  const t = await createTestApp({ WEB_DIST: dist });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => t.close(), testApp: t };
}

/**
 * What to run against, in order: E2E_BASE_URL (a running stack serving web + API), E2E_API_TARGET
 * (a running API; this build of the web is served statically in front of it), else startApiForE2E().
 */
export async function startTarget(): Promise<E2EServer> {
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => undefined };
  if (process.env.E2E_API_TARGET) {
    ensureWebBuilt();
    return startStaticServer({ apiTarget: process.env.E2E_API_TARGET });
  }
  return startApiForE2E();
}
