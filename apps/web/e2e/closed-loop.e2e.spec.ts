// The closed loop end to end in Chromium against the real API (apps/api), which serves the built
// web client. Screenshots of each page at desktop and phone widths go to e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { runClosedLoop, tourPages } from './support/flows';
import { startApiForE2E, type E2EServer } from './support/server';
import { ensureWebBuilt, startStaticServer } from './support/static-server';

/**
 * What to run against, in order: E2E_BASE_URL (a running stack serving web + API), E2E_API_TARGET
 * (a running API; this build of the web is served statically in front of it), else startApiForE2E().
 */
async function startTarget(): Promise<E2EServer> {
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => undefined };
  if (process.env.E2E_API_TARGET) {
    ensureWebBuilt();
    return startStaticServer({ apiTarget: process.env.E2E_API_TARGET });
  }
  return startApiForE2E();
}

describe('web: the closed loop in the browser', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTarget();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports with a photo, dispatches, signs for, completes with evidence and signs off', async () => {
    const caseId = await runClosedLoop(browser, { baseUrl: server.baseUrl, shotPrefix: 'loop-' });
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('renders the cases, ledgers, notifications and dashboard pages', async () => {
    await tourPages(browser, { baseUrl: server.baseUrl, shotPrefix: 'loop-' });
  });
});
