// The built client under the API's Content-Security-Policy (issue 12 item 12): every page renders
// and the browser reports no CSP violation (scripts, Ant Design's CSS-in-JS styles, blob: previews).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from './support/browser';
import { login } from './support/flows';
import { startApiForE2E, type E2EServer } from './support/server';

describe('web: the client under the strict CSP', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApiForE2E();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders login, cases, ledgers and dashboard without a CSP violation', async () => {
    const ctx = await newContext(browser);
    const page: Page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const first = await page.goto(`${server.baseUrl}/login`);
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await login(page, server.baseUrl, 'admin', { form: true });
    for (const [path, testId] of [
      ['/cases', 'page-cases'],
      ['/ledgers', 'page-ledgers'],
      ['/dashboard', 'page-dashboard'],
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByTestId(testId).waitFor({ timeout: 30_000 });
    }
    // Ant Design injected its styles (CSS-in-JS) as <style> elements, which the policy allows.
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await ctx.close();
  });
});
