// Boots what the e2e runs against. The lead wires this to the real API (apps/api), which also
// serves the built web client (apps/web/dist) at `/`.
//
// Contract:
//   startApiForE2E(): Promise<{ baseUrl: string; stop(): Promise<void> }>
//   - `baseUrl` (e.g. http://127.0.0.1:34567) serves the web client at `/` (index.html for client
//     routes) and the API at `/api/v1`, on a fresh database loaded with the DESIGN §8 demo data
//     (password demo1234 for every demo user);
//   - `stop()` shuts everything down.
//
// Until then, set E2E_BASE_URL to a running stack (e.g. `npm start` → http://localhost:3000, or
// `npx vite preview` in apps/web → http://localhost:4173 proxying /api to :3000) to run the e2e.

import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestApp } from '../../../api/src/test-support/test-app';

export interface E2EServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real API in this process, on the test database `npm test` prepared (demo organisation loaded),
 * serving the built client from apps/web/dist on a free port.
 */
export async function startApiForE2E(): Promise<E2EServer> {
  const dist = join(__dirname, '..', '..', 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('apps/web/dist is missing: `npm test` builds it; or run `npm run build -w @ecoloop/web`');
  const t = await createTestApp({ WEB_DIST: dist });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => t.close() };
}
