// The closed loop as four people live it, driven through the UI against the real API.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TOKENS_KEY } from '../../src/api/tokens';
import { newContext, snapBoth } from './browser';
import { makePng } from './png';
import { submitModal, tick } from './ui';

export const DEMO_PASSWORD = 'demo1234';
/** Near 凤桥镇 (南湖区), where grid 330402100001 lies. */
export const FENGQIAO = { latitude: 30.6605, longitude: 120.8625 };

export interface FlowOptions {
  baseUrl: string;
  /** Prefix for screenshot names. */
  shotPrefix?: string;
  log?: (msg: string) => void;
}

/**
 * Signs `username` in and opens the app's start page. Through the login form when `form` is set;
 * otherwise the way Playwright's guides advise for tests that are not about signing in: the tokens
 * from the API's login are put where the app keeps them (one page load instead of two).
 */
export async function login(page: Page, baseUrl: string, username: string, opts: { form?: boolean; password?: string } = {}): Promise<void> {
  const password = opts.password ?? DEMO_PASSWORD;
  if (opts.form) {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  } else {
    const res = await page.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password } });
    if (!res.ok()) throw new Error(`login of ${username}: ${res.status()} ${await res.text()}`);
    const { accessToken, refreshToken } = (await res.json()) as { accessToken: string; refreshToken: string };
    await page.goto(`${baseUrl}/api/v1/health`); // the app's origin, without loading the app
    // The key goes in as an argument: the function runs in the page, where this module's imports do not exist.
    await page.evaluate(({ key, value }) => localStorage.setItem(key, value), { key: TOKENS_KEY, value: JSON.stringify({ accessToken, refreshToken }) });
    await page.goto(baseUrl);
  }
  await page.getByTestId('user-name').waitFor({ timeout: 30_000 });
}

export async function openAs(browser: Browser, opts: FlowOptions, username: string, phone = false, how: { form?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser, {
    phone,
    permissions: ['geolocation'],
    geolocation: FENGQIAO,
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  await login(page, opts.baseUrl, username, how);
  return { ctx, page };
}

async function expectState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="case-state"][data-state="${state}"]`).waitFor({ timeout: 30_000 });
}

async function runAction(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).first().click();
  await page.getByTestId('action-submit').waitFor();
  if (fill) await fill();
  // The dialog is gone once its button is (the modal is destroyed when it closes).
  await submitModal(page, page.getByTestId('action-submit'), page.getByTestId('action-submit'));
}

async function attach(page: Page, inputTestId: string, itemTestId: string, name: string, seed: number): Promise<void> {
  await page.getByTestId(inputTestId).setInputFiles({ name, mimeType: 'image/png', buffer: makePng(320, 240, seed) });
  await page.locator(`[data-testid="${itemTestId}"][data-status="done"]`).first().waitFor({ timeout: 30_000 });
}

/**
 * grid.fengqiao001 reports with a photo → the town (DESIGN §11): dispatcher.fengqiao dispatches to
 * 凤桥镇生态办 → handler.fengqiao signs for and submits completion with evidence →
 * supervisor.fengqiao signs off (a grid-found general case is the town's to close).
 * Returns the case id.
 */
export async function runClosedLoop(browser: Browser, opts: FlowOptions): Promise<string> {
  const shot = (page: Page, name: string) => snapBoth(page, `${opts.shotPrefix ?? ''}${name}`);
  const log = opts.log ?? (() => undefined);
  const title = `E2E 凤桥镇田间秸秆露天焚烧 ${Date.now().toString(36)}`;

  // 1. Grid inspector, on a phone: report with a photo and the position.
  log('grid inspector reports');
  const grid = await openAs(browser, opts, 'grid.fengqiao001', true, { form: true });
  await grid.page.getByTestId('page-worklist').waitFor();
  await shot(grid.page, '01-grid-worklist');
  await grid.page.goto(`${opts.baseUrl}/report`);
  await grid.page.getByTestId('page-report').waitFor();
  // antd puts the test id on the hidden radio input; click its visible label
  await tick(grid.page.locator('label', { has: grid.page.getByTestId('category-air') }));
  await tick(grid.page.locator('label', { has: grid.page.getByTestId('subcategory-air.open_burning') }));
  await grid.page.getByTestId('report-title').fill(title);
  await grid.page.getByTestId('report-description').fill('巡查发现田间有农户焚烧秸秆，浓烟较大，现场约 2 亩。');
  await attach(grid.page, 'report-photo-input', 'report-photo-item', 'scene.png', 1);
  await grid.page.getByTestId('report-locate').click();
  await grid.page.getByTestId('report-position').waitFor();
  await grid.page.getByTestId('report-address').fill('凤桥镇联丰村三组东侧农田');
  await shot(grid.page, '02-report-filled');
  await grid.page.getByTestId('report-submit').click();
  await grid.page.waitForURL(/\/cases\/[^/]+$/, { timeout: 60_000 });
  await expectState(grid.page, 'reported');
  const caseId = new URL(grid.page.url()).pathname.split('/').pop()!;
  await grid.page.getByTestId('attachment-image').first().waitFor();
  await shot(grid.page, '03-case-reported');
  await grid.ctx.close();

  // 2. The town's dispatcher: find it in 待受理 and dispatch to 凤桥镇生态办.
  log('dispatcher dispatches');
  const disp = await openAs(browser, opts, 'dispatcher.fengqiao');
  await disp.page.getByTestId('page-worklist').waitFor();
  await disp.page.getByTestId('filter-q').locator('input').fill(title);
  await disp.page.getByTestId('filter-q').locator('input').press('Enter');
  await disp.page.locator(`[data-case-id="${caseId}"]`).first().waitFor();
  await shot(disp.page, '04-dispatcher-worklist');
  await disp.page.locator(`[data-case-id="${caseId}"]`).first().click();
  await expectState(disp.page, 'reported');
  await runAction(disp.page, 'dispatch', async () => {
    await disp.page.getByTestId('field-leadUnitId').click();
    await disp.page.locator('.ant-select-item-option', { hasText: '凤桥镇生态办' }).first().click();
    await shot(disp.page, '05-dispatch-form');
  });
  await expectState(disp.page, 'assigned');
  await disp.ctx.close();

  // 3. Handler: sign for, then submit completion with evidence.
  log('handler signs for and completes');
  const handler = await openAs(browser, opts, 'handler.fengqiao');
  await handler.page.getByTestId('page-worklist').waitFor();
  await shot(handler.page, '06-handler-worklist');
  await handler.page.goto(`${opts.baseUrl}/cases/${caseId}`);
  await expectState(handler.page, 'assigned');
  await runAction(handler.page, 'sign_for');
  await expectState(handler.page, 'rectifying');
  await runAction(handler.page, 'submit_completion', async () => {
    await handler.page.getByTestId('field-measures').fill('已劝导农户停止焚烧并清理现场余烬，落实秸秆离田还田，村两委加强巡查。');
    await attach(handler.page, 'evidence-upload-input', 'evidence-upload-item', 'after.png', 7);
    await shot(handler.page, '07-completion-form');
  });
  await expectState(handler.page, 'pending_verification');
  await handler.ctx.close();

  // 4. The town's supervisor: sign off (销号).
  log('supervisor signs off');
  const sup = await openAs(browser, opts, 'supervisor.fengqiao');
  await sup.page.getByTestId('page-worklist').waitFor();
  await shot(sup.page, '08-supervisor-worklist');
  await sup.page.goto(`${opts.baseUrl}/cases/${caseId}`);
  await expectState(sup.page, 'pending_verification');
  await runAction(sup.page, 'approve');
  await expectState(sup.page, 'closed');
  await sup.page.locator('[data-testid="timeline-item"][data-action="approve"]').waitFor();
  await shot(sup.page, '09-case-closed');
  await sup.ctx.close();
  return caseId;
}

/** The other pages, for screenshots: cases, ledgers, notifications (dispatcher) and the dashboard (leader). */
export async function tourPages(browser: Browser, opts: FlowOptions): Promise<void> {
  const shot = (page: Page, name: string) => snapBoth(page, `${opts.shotPrefix ?? ''}${name}`);
  const disp = await openAs(browser, opts, 'dispatcher.nanhu');
  await disp.page.goto(`${opts.baseUrl}/cases`);
  await disp.page.getByTestId('page-cases').waitFor();
  await shot(disp.page, '10-cases');
  await disp.page.goto(`${opts.baseUrl}/ledgers`);
  await disp.page.getByTestId('page-ledgers').waitFor();
  await shot(disp.page, '11-ledgers');
  const firstLedger = disp.page.locator('[data-testid^="ledger-link-"]').first();
  if (await firstLedger.count()) {
    await firstLedger.click();
    await disp.page.getByTestId('page-ledger-detail').waitFor();
    await shot(disp.page, '12-ledger-detail');
  }
  await disp.page.goto(`${opts.baseUrl}/notifications`);
  await disp.page.getByTestId('page-notifications').waitFor();
  await shot(disp.page, '13-notifications');
  await disp.ctx.close();

  const leader = await openAs(browser, opts, 'leader.city');
  await leader.page.goto(`${opts.baseUrl}/dashboard`);
  await leader.page.getByTestId('page-dashboard').waitFor();
  await shot(leader.page, '14-dashboard');
  await leader.ctx.close();
}
