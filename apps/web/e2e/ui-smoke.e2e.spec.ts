// The UI on its own: the built client served statically, /api/v1 answered by an in-memory mock
// (support/mock-api.ts) with the real libs/auth rules. Runs without PostgreSQL or the API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { Page } from 'playwright-core';
import { launchChromium, newContext, shootBoth, snapBoth } from './support/browser';
import { FENGQIAO, login, runClosedLoop, tourPages } from './support/flows';
import { makePng } from './support/png';
import { MockApi, unitIdOf } from './support/mock-api';
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

  // ---- 系统管理, 风险预警, 企业健康码, merge from duplicates, ledger progress and 交账 -------------

  /** Picks `text` in the antd (Tree)Select opened by clicking `testId`, typing to search first. */
  async function pick(page: Page, testId: string, text: string, opts: { search?: boolean; tree?: boolean } = {}) {
    await page.getByTestId(testId).click();
    if (opts.search) await page.keyboard.type(text);
    const option = opts.tree
      ? page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${text}$`) })
      : page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
    await option.first().click();
  }

  it('系统管理: users, units, the region tree, deadline policies and the work calendar', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'admin');
    await page.getByTestId('page-admin').waitFor(); // an admin lands in 系统管理
    await page.getByTestId('nav-admin').waitFor();

    // 用户: create a handler with region and unit
    await page.getByTestId('user-row-handler.fengqiao').waitFor();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-field-username').fill('handler.xincheng');
    await page.getByTestId('user-field-displayName').fill('新塍镇经办人');
    await page.getByTestId('user-field-password').fill('xincheng2026');
    await pick(page, 'user-field-roles', '责任单位经办人');
    await page.locator('.ant-modal-title').click(); // close the multi-select
    await pick(page, 'user-field-regionCode', '新塍镇', { search: true, tree: true });
    await pick(page, 'user-field-unitId', '新塍镇生态办', { search: true });
    await page.getByTestId('user-submit').click();
    await page.getByTestId('user-row-handler.xincheng').waitFor();
    await snapBoth(page, 'mock-20-admin-users');

    // 单位: create one
    await page.getByTestId('admin-tab-units').click();
    await page.getByTestId('unit-create').click();
    await page.getByTestId('unit-field-name').fill('凤桥镇农业农村办');
    await pick(page, 'unit-field-kind', '职能部门');
    await pick(page, 'unit-field-regionCode', '凤桥镇', { search: true, tree: true });
    await page.getByTestId('unit-submit').click();
    await page.getByTestId('unit-name').getByText('凤桥镇农业农村办').waitFor();
    await snapBoth(page, 'mock-21-admin-units');

    // 行政区划: add a village under 凤桥镇; deleting 凤桥镇 (in use) is refused with the reason
    await page.getByTestId('admin-tab-regions').click();
    await page.getByTestId('region-node-330402101').click();
    await page.getByTestId('region-add-child').click();
    await page.getByTestId('region-field-code').fill('330402101201');
    await page.getByTestId('region-field-name').fill('联丰村');
    await page.getByTestId('region-submit').click();
    await page.getByTestId('region-node-330402101201').waitFor();
    await page.getByTestId('region-node-330402101').click();
    await page.getByTestId('region-delete').click();
    await page.getByTestId('region-delete-confirm').click();
    await page.getByText('该区划下仍有下级区划、单位、用户或案件，不能删除').waitFor();
    await snapBoth(page, 'mock-22-admin-regions');

    // 办理时限: the catch-all 交办时限 becomes 2 working days
    await page.getByTestId('admin-tab-policies').click();
    await page.getByTestId('policy-edit').first().click();
    await page.getByTestId('policy-field-amount').fill('2');
    await page.getByTestId('policy-submit').click();
    await page.getByTestId('policy-amount').first().getByText('2 工作日').waitFor();
    await snapBoth(page, 'mock-23-admin-policies');

    // 工作日历: a Monday in October becomes a holiday (休) and is saved
    const year = new Date().getFullYear();
    const monday = [...Array(7).keys()].map((d) => new Date(Date.UTC(year, 9, 12 + d))).find((d) => d.getUTCDay() === 1)!;
    const day = monday.toISOString().slice(0, 10);
    await page.getByTestId('admin-tab-calendar').click();
    await pick(page, 'calendar-month', `${year}年10月`);
    expect(await page.getByTestId(`calendar-day-${day}`).getAttribute('data-mark')).toBe('');
    await page.getByTestId(`calendar-day-${day}`).click();
    await page.locator(`[data-testid="calendar-day-${day}"][data-mark="holiday"]`).waitFor();
    await page.getByTestId('calendar-save').click();
    await page.getByText(`已保存 ${year} 年工作日历`).waitFor();
    await snapBoth(page, 'mock-24-admin-calendar');
    await ctx.close();

    expect(mock.policies.find((p) => p.kind === 'dispatch' && !p.source && !p.category && !p.severity)?.amount).toBe(2);
    expect(mock.calendars.get(year)?.holidays).toContain(day);
  });

  it('风险预警: county scores for a month, sorted, with a chart; another month is chosen', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const months: string[] = [];
    ctx.on('request', (r) => r.url().includes('/api/v1/risk-warnings') && months.push(new URL(r.url()).searchParams.get('month') ?? ''));
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'leader.city');
    await page.getByTestId('nav-risk').click();
    await page.getByTestId('risk-chart').waitFor();
    expect(await page.locator('[data-testid="risk-table"] tbody tr[data-row-key]').count()).toBe(7);
    const scores = await page.locator('[data-testid="risk-table"] tbody tr[data-row-key] strong').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => b - a));
    await snapBoth(page, 'mock-25-risk-warnings');

    const prev = new Date(Date.now() + 8 * 3_600_000);
    prev.setUTCDate(1);
    prev.setUTCMonth(prev.getUTCMonth() - 1);
    const prevMonth = prev.toISOString().slice(0, 7);
    await page.getByTestId('risk-month').click();
    await page.locator(`.ant-picker-dropdown:visible .ant-picker-cell[title="${prevMonth}"]`).click();
    await page.waitForURL(new RegExp(`month=${prevMonth}`));
    await page.locator('[data-testid="risk-count-green"]').getByText('7').waitFor();
    expect(months.at(-1)).toBe(prevMonth);
    await ctx.close();
  });

  it('企业健康码: looks a credit code up, shows the code, reasons and cases, and links from a case', async () => {
    const mock = new MockApi();
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'dispatcher.nanhu');
    await page.getByTestId('nav-enterprises').click();
    await page.getByTestId('enterprise-code').fill('91330402ma28a1b2c3');
    await page.getByTestId('enterprise-lookup').click();
    await page.waitForURL(/\/enterprises\/91330402MA28A1B2C3$/);
    await page.getByTestId('enterprise-name').getByText('嘉兴凤桥印染有限公司').waitFor();
    expect(['green', 'yellow', 'red']).toContain(await page.getByTestId('health-code').getAttribute('data-code'));
    await page.getByTestId('case-table').locator('[data-case-id]').first().waitFor();
    await snapBoth(page, 'mock-26-enterprise');

    await page.goto(`${web.baseUrl}/enterprises/91330402MA28ZZZZZZ`);
    await page.getByText('未找到该企业').waitFor();

    const c = mock.cases.find((x) => x.enterpriseCreditCode === '91330402MA28A1B2C3')!;
    await page.goto(`${web.baseUrl}/cases/${c.id}`);
    await page.getByTestId('case-enterprise-link').getByTestId('health-code-tag').waitFor();
    await page.getByTestId('case-enterprise-link').click();
    await page.getByTestId('health-code').waitFor();
    await ctx.close();
  });

  it('merges a case into a likely duplicate nearby, offered first', async () => {
    const mock = new MockApi();
    const target = mock.cases.find((x) => x.state === 'reported' && x.regionCode.startsWith('330402') && x.category.startsWith('air'))!;
    const dup = mock.cases.find((x) => x.id !== target.id && x.state === 'rectifying' && x.regionCode.startsWith('330402') && x.category.startsWith('air'))!;
    dup.lat = target.lat! + 0.003;
    dup.lng = target.lng! + 0.002;
    const ctx = await newContext(browser);
    await mock.install(ctx);
    const page = await ctx.newPage();
    await login(page, web.baseUrl, 'dispatcher.nanhu');
    await page.goto(`${web.baseUrl}/cases/${target.id}`);
    await page.getByTestId('action-merge').first().click();
    await page.getByTestId('merge-duplicates-hint').getByText('发现 1 件附近的疑似重复案件').waitFor();
    await page.getByTestId('field-targetCaseId').click();
    const option = page.getByTestId('merge-duplicate-option').first();
    await option.getByText(/相距 \d+ 米/).waitFor();
    await snapBoth(page, 'mock-27-merge-duplicates', { fullPage: false });
    await option.click();
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid="case-state"][data-state="merged"]').waitFor();
    expect(target.duplicateOfId).toBe(dup.id);
    await ctx.close();
  });

  it('a handler reports an item’s 序时进展 and a supervisor 交账 with per-item explanations', async () => {
    const mock = new MockApi();
    const row = mock.cases.find((x) => x.ledgerId === mock.ledgerId && x.regionCode.startsWith('330402101') && x.state !== 'closed')!;
    row.state = 'rectifying';
    row.leadUnitId = unitIdOf('fengqiao');
    const seq = mock.cases.filter((x) => x.ledgerId === mock.ledgerId).indexOf(row) + 1;

    const handler = await newContext(browser);
    await mock.install(handler);
    const hp = await handler.newPage();
    await login(hp, web.baseUrl, 'handler.fengqiao');
    await hp.goto(`${web.baseUrl}/ledgers/${mock.ledgerId}`);
    await hp.getByTestId(`item-progress-add-${seq}`).click();
    await hp.getByTestId('progress-note').fill('已完成排查，整改工程量约完成四成。');
    await hp.getByTestId('progress-submit').click();
    await hp.getByTestId('progress-entry').getByText('已完成排查').waitFor();
    await hp.getByTestId(`item-progress-${seq}`).getByText('已完成排查').waitFor(); // the ledger reloaded: still one entry
    expect(await hp.getByTestId('progress-entry').count()).toBe(1);
    await snapBoth(hp, 'mock-28-ledger-progress', { fullPage: false });
    await handler.close();
    expect(mock.progress).toHaveLength(1);
    expect(mock.progress[0].period).toMatch(/^\d{4}-\d{2}$/);

    const sup = await newContext(browser);
    await mock.install(sup);
    const sp = await sup.newPage();
    await login(sp, web.baseUrl, 'supervisor.nanhu');
    await sp.goto(`${web.baseUrl}/ledgers/${mock.ledgerId}`);
    await sp.getByTestId(`item-progress-${seq}`).getByText('已完成排查').waitFor();
    await sp.getByTestId('ledger-report-back').click();
    await sp.getByTestId('report-back-items').waitFor();
    const boxes = sp.locator('[data-testid^="explanation-"]');
    const n = await boxes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await boxes.nth(i).fill('涉及管网改造，已制定方案，预计年底前完成。');
    await sp.getByTestId('report-back-comment').fill('南湖区已完成大部分问题整改，未销号问题均已说明。');
    await snapBoth(sp, 'mock-29-report-back', { fullPage: false });
    await sp.getByTestId('report-back-submit').click();
    await sp.getByTestId('ledger-report-backs').getByText('南湖区已完成大部分问题整改').waitFor();
    await sup.close();
    expect(mock.reportBacks).toHaveLength(1);
    expect(mock.reportBacks[0].explanations).toHaveLength(n);
  });
});
