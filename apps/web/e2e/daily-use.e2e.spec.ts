// What the people who use the system every day asked for (issue 19), in Chromium against the real
// API. Data is made through the API; the one shortcut is bringing a deadline's due time forward and
// running the API's own overdue timer, instead of waiting a working day.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DeadlineTimersService } from '../../api/src/modules/deadlines/jobs/deadline-timers.service';
import { act, apiAs, AT_FENGQIAO, must, reportCase } from './support/api';
import { launchChromium, newContext, snapBoth } from './support/browser';
import { login } from './support/flows';
import { makePng } from './support/png';
import { startApiForE2E, type E2EServer } from './support/server';
import { TOKENS_KEY } from '../src/api/tokens';

let seq = 0;
const unique = (label: string) => `${label} ${Date.now().toString(36)}${(seq++).toString(36)}`;

describe('web: daily use (issue 19)', () => {
  let server: E2EServer;
  let base: string;
  let browser: Browser;
  let fengqiao: string;

  beforeAll(async () => {
    server = await startApiForE2E();
    base = server.baseUrl;
    browser = await launchChromium();
    const [row] = await server.testApp!.db.query(`SELECT id FROM unit WHERE name = '凤桥镇生态办'`);
    fengqiao = row.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A case reported by the grid inspector and handed to 凤桥镇生态办, signed for: rectifying. */
  async function rectifyingCase(title: string) {
    const c = await reportCase(await apiAs(base, 'grid.fengqiao001'), title, AT_FENGQIAO);
    const dispatcher = await apiAs(base, 'dispatcher.nanhu');
    await act(dispatcher, c.id, 'accept');
    await act(dispatcher, c.id, 'dispatch', { leadUnitId: fengqiao });
    await act(await apiAs(base, 'handler.fengqiao'), c.id, 'sign_for');
    return c;
  }

  it('says which deadline was missed and by how long beside the current one, in the list and the detail', async () => {
    const title = unique('超期测试：田间秸秆焚烧');
    const c = await reportCase(await apiAs(base, 'grid.fengqiao001'), title, AT_FENGQIAO);
    await act(await apiAs(base, 'dispatcher.nanhu'), c.id, 'accept');
    // The 交办 deadline fell due 8 minutes ago; the API's timer marks it overdue and orders 督办.
    const db = server.testApp!.db;
    const [d] = await db.query(`SELECT id FROM deadline WHERE case_id = $1 AND kind = 'dispatch' AND status = 'pending'`, [c.id]);
    await db.query(`UPDATE deadline SET due_at = now() - interval '8 minutes', remind_at = NULL, created_at = now() - interval '1 hour' WHERE id = $1`, [d.id]);
    const run = await server.testApp!.app.get(DeadlineTimersService).processOverdue({ deadlineIds: [d.id] });
    expect(run).toMatchObject({ processed: 1, supervised: 1 });

    const api = await apiAs(base, 'dispatcher.nanhu');
    const detail = await must(api.GET('/api/v1/cases/{id}', { params: { path: { id: c.id } } }));
    expect(detail).toMatchObject({ overdue: true, deadlineKind: 'supervision', missedDeadline: { kind: 'dispatch', status: 'overdue', settledAt: null } });
    expect(new Date(detail.dueAt!).getTime()).toBeGreaterThan(Date.now());

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.nanhu');
    await page.goto(`${base}/cases?q=${encodeURIComponent(title)}`);
    const row = page.locator('tr', { has: page.getByTestId(`case-link-${c.code}`) });
    await row.getByTestId('due-missed').waitFor();
    expect(await row.getByTestId('due-missed').innerText()).toMatch(/^交办超期(8|9|10)分$/);
    expect(await row.getByTestId('due-current').innerText()).toMatch(/^督办限\d\d-\d\d \d\d:\d\d/);
    expect(await row.innerText()).not.toContain('已超期');
    expect(await page.locator('th', { hasText: '当前环节时限' }).count()).toBe(1);
    await snapBoth(page, 'daily-01-list-missed-deadline');

    await page.getByTestId(`case-link-${c.code}`).click();
    await page.getByTestId('case-deadlines').waitFor();
    expect(await page.title()).toBe(`${c.code} 案件详情 – EcoLoop`);
    const item = (kind: string) => page.locator(`[data-testid="deadline-item"][data-kind="${kind}"]`);
    expect(await item('dispatch').getByTestId('deadline-status').innerText()).toMatch(/^已超期 (8|9|10)分$/);
    expect(await item('supervision').getByTestId('deadline-status').innerText()).toBe('进行中');
    expect(await page.getByTestId('case-facts').getByTestId('due-missed').innerText()).toMatch(/^交办超期/);
    // Opened from 案件查询: the breadcrumb leads back to it and its menu item stays highlighted.
    expect(await page.getByTestId('case-breadcrumb').innerText()).toContain('案件查询');
    await page.locator('.ant-menu-item-selected', { has: page.getByTestId('nav-cases') }).waitFor();
    // One primary action; 催办 is not offered before dispatch.
    await page.getByTestId('action-dispatch').waitFor();
    expect(await page.locator('[data-testid="case-actions"] .ant-btn-primary').count()).toBe(1);
    expect(await page.getByTestId('action-remind').count()).toBe(0);
    await snapBoth(page, 'daily-02-detail-missed-deadline');
    // The overdue case's marker: still for a user who asked for reduced motion (the chart finished
    // drawing), pulsing otherwise (an effect series, which never finishes).
    await page.locator('[data-testid="case-map"][data-rendered="true"]').waitFor();
    const animated = await newContext(browser, { reducedMotion: 'no-preference' });
    const pulsing = await animated.newPage();
    await login(pulsing, base, 'dispatcher.nanhu');
    await pulsing.goto(`${base}/cases/${c.id}`);
    // The chart's canvas exists once ECharts is set up, and its option (with the marker) is set in the same commit.
    await pulsing.getByTestId('case-map').locator('canvas').first().waitFor();
    expect(await pulsing.getByTestId('case-map').getAttribute('data-rendered')).toBeNull();
    await animated.close();

    // The 督办单 prints with the bureau, the case code, its deadline and a QR code to the case.
    await page.getByTestId('print-supervision').click();
    await page.getByTestId('case-print').waitFor();
    expect(await page.getByTestId('print-title').innerText()).toBe('生态环境问题督办单');
    expect(await page.getByTestId('print-bureau').innerText()).toBe('嘉兴市生态环境局');
    expect(await page.getByTestId('case-print').innerText()).toContain(c.code);
    expect(await page.getByTestId('print-due').innerText()).toMatch(/^督办 \d{4}-\d\d-\d\d \d\d:\d\d 前$/);
    expect(await page.getByTestId('print-qr').locator('canvas, svg').count()).toBe(1);
    expect(await page.title()).toBe(`${c.code} 督办单 – EcoLoop`);
    await snapBoth(page, 'daily-08-print-supervision');
    await ctx.close();
  });

  it('tells the lead unit of new work, with type tabs, unread counts and titles without repeated tags', async () => {
    const title = unique('通知测试：河道漂浮物');
    const c = await reportCase(await apiAs(base, 'grid.fengqiao001'), title, AT_FENGQIAO);
    const dispatcher = await apiAs(base, 'dispatcher.nanhu');
    await act(dispatcher, c.id, 'accept');
    await act(dispatcher, c.id, 'dispatch', { leadUnitId: fengqiao });

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'handler.fengqiao');
    await page.getByTestId('header-notifications').click();
    await page.getByTestId('page-notifications').waitFor();
    expect(await page.title()).toBe('消息通知 – EcoLoop');
    await page.getByTestId('notifications-tab-todo').click();
    const mine = page.locator('[data-testid="notification-item"][data-kind="assigned"]', { hasText: title });
    await mine.waitFor();
    expect(await mine.getByTestId('notification-kind').innerText()).toBe('新交办');
    expect(await mine.getByTestId('notification-title').innerText()).toBe(`新交办：${c.code} ${title}`);
    expect(Number(await page.getByTestId('notifications-unread-todo').innerText())).toBeGreaterThanOrEqual(1);
    for (const t of await page.getByTestId('notification-title').allInnerTexts()) expect(t).not.toMatch(/^【/);
    await snapBoth(page, 'daily-03-notifications');

    await mine.getByTestId('notification-open').click();
    await page.getByTestId('case-breadcrumb').waitFor();
    expect(await page.getByTestId('case-breadcrumb').innerText()).toContain('消息通知');
    await page.locator('.ant-menu-item-selected', { has: page.getByTestId('nav-notifications') }).waitFor();
    // The handler's one forward step is the primary one.
    await page.getByTestId('action-sign_for').waitFor();
    expect(await page.locator('[data-testid="case-actions"] .ant-btn-primary').innerText()).toMatch(/签\s*收/);
    await ctx.close();

    // The reporter hears what became of the report; a grid inspector's list is 我的上报.
    const grid = await newContext(browser, { phone: true });
    const phone = await grid.newPage();
    await login(phone, base, 'grid.fengqiao001');
    await phone.goto(`${base}/notifications`);
    await phone.getByTestId('notifications-tab-result').click();
    await phone.locator('[data-testid="notification-item"][data-kind="accepted"]', { hasText: title }).waitFor();
    await phone.goto(`${base}/worklist`);
    await phone.getByTestId('page-worklist').waitFor();
    expect(await phone.title()).toMatch(/^我的上报/);
    await grid.close();
  });

  it('filters the case list by lead unit and report date, shows the lead unit, and clears filters from the empty state', async () => {
    const title = unique('筛选测试：餐饮油烟');
    const c = await rectifyingCase(title);
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.nanhu');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(`${today}T00:00:00+08:00`).toISOString();
    await page.goto(`${base}/cases?leadUnitId=${fengqiao}&createdFrom=${encodeURIComponent(from)}`);
    const row = page.locator('tr', { has: page.getByTestId(`case-link-${c.code}`) });
    await row.waitFor();
    expect(await row.innerText()).toContain('凤桥镇生态办');
    expect(await page.getByTestId('filter-created').locator('input').first().inputValue()).toBe(today);
    await snapBoth(page, 'daily-07-list-filters');

    // Nothing reported before today: the empty state offers 清除筛选.
    await page.goto(`${base}/cases?leadUnitId=${fengqiao}&createdTo=${encodeURIComponent(from)}&q=${encodeURIComponent(title)}`);
    await page.getByTestId('clear-filters').click();
    await page.getByTestId(`case-link-${c.code}`).waitFor();
    await ctx.close();
  });

  it('keeps the completion dialog, its text and evidence on a 409, says what changed and lets the user resubmit', async () => {
    const c = await rectifyingCase(unique('冲突测试：沟渠黑臭'));
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'handler.fengqiao');
    await page.goto(`${base}/cases/${c.id}`);
    expect(await page.getByTestId('action-report_progress').innerText()).toContain('反馈进展');
    await page.getByTestId('action-submit_completion').click();
    await page.getByTestId('field-measures').fill('已清理沟渠淤泥并设置警示牌');
    await page.getByTestId('evidence-upload-input').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: makePng(320, 240, 7) });
    await page.locator('[data-testid="evidence-upload-item"][data-status="done"]').waitFor({ timeout: 30_000 });
    // A colleague reports progress meanwhile.
    await act(await apiAs(base, 'handler.fengqiao'), c.id, 'report_progress', { note: '已安排人员清理' });

    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-conflict').waitFor();
    expect(await page.getByTestId('action-conflict').innerText()).toContain('已填写的内容和上传的材料均已保留');
    expect(await page.getByTestId('field-measures').inputValue()).toBe('已清理沟渠淤泥并设置警示牌');
    expect(await page.locator('[data-testid="evidence-upload-item"][data-status="done"]').count()).toBe(1);
    await page.getByText('已安排人员清理').first().waitFor(); // the case behind the dialog was reloaded
    await snapBoth(page, 'daily-04-conflict-kept');

    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid="case-state"][data-state="pending_verification"]').waitFor();
    await ctx.close();
  });

  it('lets the user log in again in place when the session expires, keeping the dialog; says why when signed out', async () => {
    const c = await rectifyingCase(unique('会话测试：道路扬尘'));
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'handler.fengqiao');
    await page.goto(`${base}/cases/${c.id}`);
    await page.getByTestId('action-report_progress').click();
    await page.getByTestId('field-note').fill('已洒水降尘，明日复查');
    // The session runs out: neither token is accepted any more.
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ accessToken: 'expired', refreshToken: 'expired' })), TOKENS_KEY);
    await page.getByTestId('action-submit').click();
    await page.getByTestId('relogin-password').waitFor();
    await snapBoth(page, 'daily-05-relogin');
    await page.getByTestId('relogin-password').fill('demo1234');
    await page.getByTestId('relogin-submit').click();
    // The request that met the expiry went through after signing in again.
    await page.getByTestId('action-submit').waitFor({ state: 'detached' });
    const api = await apiAs(base, 'handler.fengqiao');
    const events = await must(api.GET('/api/v1/cases/{id}/events', { params: { path: { id: c.id } } }));
    expect(events.at(-1)).toMatchObject({ action: 'report_progress', comment: '已洒水降尘，明日复查' });
    expect(page.url()).toContain(`/cases/${c.id}`);

    // Giving up signs out, and the login page says why.
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ accessToken: 'expired', refreshToken: 'expired' })), TOKENS_KEY);
    await page.getByTestId('header-notifications').click();
    await page.getByTestId('relogin-password').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByTestId('login-reason').waitFor();
    expect(await page.getByTestId('login-reason').innerText()).toContain('登录已过期');
    await ctx.close();
  });

  it('opens the preloaded field pages offline and shows 网络异常，重试 instead of a white page', async () => {
    const ctx = await newContext(browser, { phone: true });
    const page = await ctx.newPage();
    await login(page, base, 'grid.fengqiao001');
    await page.getByTestId('page-worklist').waitFor();
    await page.waitForLoadState('networkidle');
    await ctx.setOffline(true);
    // 上报问题 was fetched in the background after signing in: it opens without a network.
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-report').click();
    await page.getByTestId('page-report').waitFor();
    expect(await page.title()).toBe('上报问题 – EcoLoop');
    await ctx.setOffline(false);
    await ctx.close();

    // A page not loaded yet while offline: a retry, not a white page.
    const ctx2 = await newContext(browser);
    const page2 = await ctx2.newPage();
    await login(page2, base, 'leader.city');
    await page2.waitForLoadState('networkidle');
    await ctx2.setOffline(true);
    await page2.getByTestId('nav-ledgers').click();
    await page2.getByTestId('load-error').waitFor();
    expect(await page2.getByTestId('load-retry').innerText()).toContain('网络异常，重试');
    await snapBoth(page2, 'daily-06-offline-page');
    await ctx2.setOffline(false);
    await page2.getByTestId('load-retry').click();
    await page2.getByTestId('page-ledgers').waitFor({ timeout: 30_000 });
    await ctx2.close();
  });
});
