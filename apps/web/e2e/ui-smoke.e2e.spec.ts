// The UI on its own: the built client served statically, /api/v1 answered by an in-memory mock
// (support/mock-api.ts) with the real libs/auth rules. Runs without PostgreSQL or the API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium, newContext, shootBoth } from './support/browser';
import { FENGQIAO, login, runClosedLoop, tourPages } from './support/flows';
import { makePng } from './support/png';
import { MockApi } from './support/mock-api';
import { ensureWebBuilt, startStaticServer } from './support/static-server';

describe('web: UI smoke against a mock API', () => {
  let web: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    web = await startStaticServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('shows the login page in Chinese and refuses a wrong password', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await page.goto(`${web.baseUrl}/worklist`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await shootBoth(page, 'mock-00-login');
    await page.getByTestId('login-username').fill('dispatcher.nanhu');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await ctx.close();
  });

  it('runs the closed loop through the UI', async () => {
    const mock = new MockApi();
    const caseId = await runClosedLoop(browser, {
      baseUrl: web.baseUrl,
      prepare: (ctx) => mock.install(ctx),
      shotPrefix: 'mock-',
    });
    const c = mock.cases.find((x) => x.id === caseId)!;
    expect(c.state).toBe('closed');
    expect(mock.events.filter((e) => e.caseId === caseId).map((e) => e.action)).toEqual([
      'report',
      'dispatch',
      'sign_for',
      'submit_completion',
      'approve',
    ]);
    expect(c.attachmentIds.length).toBe(2);
  });

  it('renders every page with data', async () => {
    const mock = new MockApi();
    await tourPages(browser, { baseUrl: web.baseUrl, prepare: (ctx) => mock.install(ctx), shotPrefix: 'mock-' });
  });

  it('shows empty states when ledgers, stats and notifications are not there yet', async () => {
    const mock = new MockApi({ missing: ['ledgers', 'stats', 'notifications'] });
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'leader.city');
    await page.goto(`${web.baseUrl}/ledgers`);
    await expect(page.getByText('台账功能暂未开放').first().textContent()).resolves.toBeTruthy();
    await shootBoth(page, 'mock-15-ledgers-missing');
    await page.goto(`${web.baseUrl}/dashboard`);
    await page.getByTestId('dashboard-estimated').waitFor();
    await shootBoth(page, 'mock-16-dashboard-estimated');
    await ctx.close();
  });

  it('tells the user when someone else changed the case (409) and reloads it', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'dispatcher.nanhu');
    const c = mock.cases.find((x) => x.state === 'reported' && x.regionCode.startsWith('330402'))!;
    await page.goto(`${web.baseUrl}/cases/${c.id}`);
    await page.getByTestId('action-accept').click();
    c.version += 1; // someone else acted meanwhile
    await page.getByTestId('action-submit').click();
    await page.getByText('案件已被他人更新').first().waitFor();
    await ctx.close();
  });

  it('keeps the report as a draft and retries with the same Idempotency-Key while offline', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser, { phone: true, permissions: ['geolocation'], geolocation: FENGQIAO });
    await mock.install(ctx);
    const keys: string[] = [];
    await ctx.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length <= 2) return route.abort('internetdisconnected');
      return route.fallback();
    });
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'grid.fengqiao001');
    await page.goto(`${web.baseUrl}/report`);
    await page.locator('label', { has: page.getByTestId('category-water') }).click();
    await page.getByTestId('report-title').fill('离线草稿：河道漂浮垃圾');
    await page.getByTestId('report-description').fill('信号弱时上报。');
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: makePng() });
    await page.locator('[data-testid="report-photo-item"][data-status="done"]').waitFor();

    // the draft survives a reload
    await page.reload();
    await expect(page.getByTestId('report-title').inputValue()).resolves.toBe('离线草稿：河道漂浮垃圾');

    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-status').getByText('网络不可用').waitFor();
    await shootBoth(page, 'mock-17-report-offline');
    await page.waitForURL(/\/cases\/[^/]+$/, { timeout: 30_000 });
    expect(keys.length).toBe(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(mock.cases.filter((c) => c.title === '离线草稿：河道漂浮垃圾')).toHaveLength(1);
    await ctx.close();
  });

  it('shows the row errors of a refused ledger import', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'dispatcher.nanhu');
    await page.goto(`${web.baseUrl}/ledgers/${mock.ledgerId}`);
    await page.getByTestId('page-ledger-detail').waitFor();
    await page.getByTestId('ledger-import').locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]').setInputFiles({
      name: 'ledger.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK fake'),
    });
    await page.getByTestId('ledger-import-errors').getByText('未知的行政区划：南湖新区').waitFor();
    await shootBoth(page, 'mock-18-ledger-import-errors');
    await ctx.close();
  });
});
