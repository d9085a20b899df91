// The UI in Chromium against the real API (apps/api serving the built client). Test data is made
// through the API with the generated client; Playwright routing only injects failures (offline, 500).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { apiAs, day, importEnterprises, ledgerWith, ledgerWorkbook, must, reportCase } from './support/api';
import { launchChromium, newContext, snapBoth } from './support/browser';
import { FENGQIAO, login, runClosedLoop, tourPages } from './support/flows';
import { makePng } from './support/png';
import { startTarget, type E2EServer } from './support/server';
import { pick, submitModal, tick } from './support/ui';

/** A valid unified social credit code (GB 32100 check character), imported into the registry by the test. */
const ENTERPRISE = '91330402MA28A1B2C4';
let seq = 0;
const unique = (label: string) => `${label} ${Date.now().toString(36)}${(seq++).toString(36)}`;

describe('web: the UI against the real API', () => {
  let server: E2EServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTarget();
    base = server.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the login page in Chinese and refuses a wrong password', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/worklist`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await snapBoth(page, 'ui-00-login');
    await page.getByTestId('login-username').fill('dispatcher.nanhu');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');
    await ctx.close();
  });

  it('runs the closed loop through the UI', async () => {
    const caseId = await runClosedLoop(browser, { baseUrl: base, shotPrefix: 'ui-' });
    const api = await apiAs(base, 'supervisor.nanhu');
    const c = await must(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } }));
    expect(c.state).toBe('closed');
    expect(c.attachments).toHaveLength(2);
    const events = await must(api.GET('/api/v1/cases/{id}/events', { params: { path: { id: caseId } } }));
    // What people did; a reminder the timers send meanwhile (a slow run) is not part of the loop.
    const byPeople = events.filter((e) => e.actorRole !== 'system');
    expect(byPeople.map((e) => e.action)).toEqual(['report', 'dispatch', 'sign_for', 'submit_completion', 'approve']);
  });

  it('renders the cases, ledgers, notifications and dashboard pages', async () => {
    await ledgerWith(base, [{ seq: 1, title: unique('凤桥镇河道排污口整治'), category: 'water', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(60) }]);
    await tourPages(browser, { baseUrl: base, shotPrefix: 'ui-' });
  });

  it('says in Chinese when the API fails (500) and recovers on 重试', async () => {
    const ledger = await ledgerWith(base, []);
    const ctx = await newContext(browser);
    let failing = true;
    await ctx.route('**/api/v1/ledgers?*', (route) =>
      failing ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' }) }) : route.fallback(),
    );
    await ctx.route('**/api/v1/stats/overview*', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"statusCode":500,"error":"Internal Server Error","message":"boom"}' }));
    const page = await ctx.newPage();
    await login(page, base, 'leader.city');
    await page.goto(`${base}/ledgers`);
    await page.getByText('服务暂不可用，请稍后重试').first().waitFor({ timeout: 30_000 });
    await snapBoth(page, 'ui-15-ledgers-failed');
    failing = false;
    await page.getByRole('button', { name: /重\s*试/ }).click(); // antd spaces two-character labels
    await page.getByTestId(`ledger-link-${ledger.id}`).waitFor();
    await page.goto(`${base}/dashboard`);
    await page.getByText('统计数据加载失败：服务暂不可用，请稍后重试').waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).not.toMatch(/boom|Internal/);
    await snapBoth(page, 'ui-16-dashboard-failed');
    await ctx.close();
  });

  it('tells the user when someone else changed the case (409) and reloads it', async () => {
    const grid = await apiAs(base, 'grid.fengqiao001');
    const c = await reportCase(grid, unique('409 测试：沟渠漂浮物'));
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.nanhu');
    await page.goto(`${base}/cases/${c.id}`);
    await page.getByTestId('action-accept').click();
    await page.getByTestId('action-submit').waitFor();
    // someone else accepts it meanwhile
    const other = await apiAs(base, 'dispatcher.nanhu');
    await must(other.POST('/api/v1/cases/{id}/actions/{action}', { params: { path: { id: c.id, action: 'accept' } }, body: { expectedVersion: c.version } }));
    await page.getByTestId('action-submit').click();
    await page.getByText('案件已被他人更新').first().waitFor();
    await page.locator('[data-testid="case-state"][data-state="pending_dispatch"]').waitFor();
    await ctx.close();
  });

  it('keeps the report as a draft and retries with the same Idempotency-Key while offline', async () => {
    const title = unique('离线草稿：河道漂浮垃圾');
    const ctx = await newContext(browser, { phone: true, permissions: ['geolocation'], geolocation: FENGQIAO });
    const keys: string[] = [];
    await ctx.route('**/api/v1/cases', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length <= 2) return route.abort('internetdisconnected');
      return route.fallback();
    });
    const page = await ctx.newPage();
    await login(page, base, 'grid.fengqiao001');
    await page.goto(`${base}/report`);
    await tick(page.locator('label', { has: page.getByTestId('category-water') }));
    await page.getByTestId('report-title').fill(title);
    await page.getByTestId('report-description').fill('信号弱时上报。');
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: makePng() });
    await page.locator('[data-testid="report-photo-item"][data-status="done"]').waitFor();

    // the draft survives a reload
    await page.reload();
    await expect(page.getByTestId('report-title').inputValue()).resolves.toBe(title);

    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-status').getByText('网络不可用').waitFor();
    await snapBoth(page, 'ui-17-report-offline');
    await page.waitForURL(/\/cases\/[^/]+$/, { timeout: 30_000 });
    expect(keys.length).toBe(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const api = await apiAs(base, 'grid.fengqiao001');
    const found = await must(api.GET('/api/v1/cases', { params: { query: { q: title } } }));
    expect(found.items.map((c) => c.title)).toEqual([title]);
    await ctx.close();
  });

  it('shows the row errors of a refused ledger import', async () => {
    const ledger = await ledgerWith(base, []);
    const bad = await ledgerWorkbook([{ seq: 1, title: unique('未知县区的问题'), category: 'water', county: '南湖新区', leadUnit: '凤桥镇生态办', deadline: day(30) }]);
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.city');
    await page.goto(`${base}/ledgers/${ledger.id}`);
    await page.getByTestId('page-ledger-detail').waitFor();
    await page.getByTestId('ledger-import').locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]').setInputFiles({
      name: 'ledger.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await page.getByTestId('ledger-import-errors').getByText('南湖新区').first().waitFor();
    await snapBoth(page, 'ui-18-ledger-import-errors');
    await ctx.close();
  });

  it('系统管理: users, units, the region tree, deadline policies and the work calendar', async () => {
    const admin = await apiAs(base, 'admin');
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)); // the calendar tab opens on this year in Shanghai
    const policiesBefore = await must(admin.GET('/api/v1/admin/deadline-policies'));
    const calendarBefore = await must(admin.GET('/api/v1/admin/calendar/{year}', { params: { path: { year } } }));
    const username = `handler.e2e${Date.now().toString(36)}`;
    const unitName = unique('凤桥镇农业农村办');
    const villageCode = `3304021009${String(Date.now() % 100).padStart(2, '0')}`;

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'admin');
    await page.getByTestId('page-admin').waitFor(); // an admin lands in 系统管理
    try {
      // 用户: create a handler with region and unit
      await page.locator('[data-testid^="user-row-"]').first().waitFor(); // the list has loaded
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-field-username').fill(username);
      await page.getByTestId('user-field-displayName').fill('新塍镇经办人（测试）');
      await page.getByTestId('user-field-password').fill('xincheng2026');
      await pick(page, 'user-field-roles', '责任单位经办人');
      await page.locator('.ant-modal-title').click(); // close the multi-select
      await pick(page, 'user-field-regionCode', '新塍镇', { search: true, tree: true });
      await pick(page, 'user-field-unitId', '新塍镇生态办', { search: true });
      await submitModal(page, page.getByTestId('user-submit'), page.getByTestId('user-submit')); // saved: the dialog closes
      // The list pages by 20 and the demo has dozens of users: find the new one by name.
      await page.getByTestId('users-filter-q').locator('input').fill(username);
      await page.getByTestId('users-filter-q').locator('input').press('Enter');
      await page.getByTestId(`user-row-${username}`).waitFor();
      await snapBoth(page, 'ui-20-admin-users');

      // 单位: create one
      await page.getByTestId('admin-tab-units').click();
      await page.getByTestId('unit-create').click();
      await page.getByTestId('unit-field-name').fill(unitName);
      await pick(page, 'unit-field-kind', '职能部门');
      await page.locator('.ant-modal-title').click(); // make sure the kind list is closed before the region picker
      await pick(page, 'unit-field-regionCode', '凤桥镇', { search: true, tree: true });
      await page.getByTestId('unit-submit').click();
      await page.getByTestId('unit-name').getByText(unitName).waitFor();
      await snapBoth(page, 'ui-21-admin-units');

      // 行政区划: add a village under 凤桥镇; deleting 凤桥镇 (in use) is refused with the reason
      await page.getByTestId('admin-tab-regions').click();
      await page.getByTestId('region-node-330402100').click();
      await page.getByTestId('region-add-child').click();
      await page.getByTestId('region-field-code').fill(villageCode);
      await page.getByTestId('region-field-name').fill('联丰村（测试）');
      await page.getByTestId('region-submit').click();
      await page.getByTestId(`region-node-${villageCode}`).waitFor();
      await page.getByTestId('region-node-330402100').click();
      // The new village was selected: wait for the panel to show 凤桥镇 again before deleting from it.
      await page.getByTestId('region-selected-name').getByText('凤桥镇', { exact: true }).waitFor();
      await page.getByTestId('region-delete').click();
      const refused = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith('/api/v1/admin/regions/330402100'));
      await page.getByTestId('region-delete-confirm').click();
      expect((await refused).status()).toBe(409);
      await page.getByText('该区划下仍有下级区划、单位、用户或案件，不能删除').waitFor();
      await snapBoth(page, 'ui-22-admin-regions');

      // 办理时限: the first rule becomes 2 (of its unit)
      await page.getByTestId('admin-tab-policies').click();
      await page.getByTestId('policy-edit').first().click();
      await page.getByTestId('policy-field-amount').fill('2');
      await page.getByTestId('policy-submit').click();
      await page.getByTestId('policy-amount').getByText(/^2 /).first().waitFor();
      await snapBoth(page, 'ui-23-admin-policies');

      // 工作日历: a Monday in October becomes a holiday (休) and is saved
      const monday = [...Array(7).keys()].map((d) => new Date(Date.UTC(year, 9, 12 + d))).find((d) => d.getUTCDay() === 1)!;
      const mondayText = monday.toISOString().slice(0, 10);
      await page.getByTestId('admin-tab-calendar').click();
      await pick(page, 'calendar-month', `${year}年10月`);
      expect(await page.getByTestId(`calendar-day-${mondayText}`).getAttribute('data-mark')).toBe('');
      await page.getByTestId(`calendar-day-${mondayText}`).click();
      await page.locator(`[data-testid="calendar-day-${mondayText}"][data-mark="holiday"]`).waitFor();
      await page.getByTestId('calendar-save').click();
      await page.getByText(`已保存 ${year} 年工作日历`).waitFor();
      await snapBoth(page, 'ui-24-admin-calendar');

      const changed = (await must(admin.GET('/api/v1/admin/deadline-policies'))).filter((p) => policiesBefore.find((b) => b.id === p.id)?.amount !== p.amount);
      expect(changed.map((p) => p.amount)).toEqual([2]);
      expect((await must(admin.GET('/api/v1/admin/calendar/{year}', { params: { path: { year } } }))).holidays).toContain(mondayText);
    } finally {
      // leave the shared test database as the other test files expect it
      for (const p of policiesBefore) await admin.PATCH('/api/v1/admin/deadline-policies/{id}', { params: { path: { id: p.id } }, body: { amount: p.amount, unit: p.unit } });
      await admin.PUT('/api/v1/admin/calendar/{year}', { params: { path: { year } }, body: { holidays: calendarBefore.holidays, workdays: calendarBefore.workdays } });
      await admin.DELETE('/api/v1/admin/regions/{code}', { params: { path: { code: villageCode } } });
      const users = await must(admin.GET('/api/v1/admin/users', { params: { query: { q: username } } }));
      for (const u of users.filter((x) => x.username === username)) await admin.DELETE('/api/v1/admin/users/{id}', { params: { path: { id: u.id } } });
      const units = await must(admin.GET('/api/v1/units', { params: { query: { regionCode: '330402100' } } }));
      for (const u of units.filter((x) => x.name === unitName)) await admin.DELETE('/api/v1/admin/units/{id}', { params: { path: { id: u.id } } });
      await ctx.close();
    }
  });

  it('风险预警: county scores for a month, sorted, with a chart; another month is chosen', async () => {
    const ctx = await newContext(browser);
    const months: string[] = [];
    ctx.on('request', (r) => r.url().includes('/api/v1/risk-warnings?') && months.push(new URL(r.url()).searchParams.get('month') ?? ''));
    const page = await ctx.newPage();
    await login(page, base, 'leader.city');
    await page.getByTestId('nav-risk').click();
    await page.getByTestId('risk-chart').waitFor();
    const rows = page.locator('[data-testid="risk-table"] tbody tr[data-row-key]');
    expect(await rows.count()).toBe(9); // seven counties and the two county-level function zones
    const scores = (await page.locator('[data-testid="risk-table"] tbody tr[data-row-key] strong').allTextContents()).filter((s) => s !== '—').map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await snapBoth(page, 'ui-25-risk-warnings');

    // pick January of last year (never the month shown, never in the future, whatever today is), then a month long before any case
    await page.getByTestId('risk-month').click();
    await page.locator('.ant-picker-dropdown:visible .ant-picker-header-super-prev-btn').click();
    const cell = page.locator('.ant-picker-dropdown:visible .ant-picker-cell-in-view').first();
    const picked = await cell.getAttribute('title');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/risk-warnings') && new URL(r.url()).searchParams.get('month') === picked);
    await cell.click();
    await page.waitForURL(new RegExp(`month=${picked}`));
    expect((await answered).status()).toBe(200);
    expect(months.at(-1)).toBe(picked);
    await page.goto(`${base}/risk-warnings?month=2020-01`);
    // nothing reported is no_data (grey), never green
    await page.locator('[data-testid="risk-count-no_data"]').getByText('9').waitFor();
    expect(months.at(-1)).toBe('2020-01');
    await ctx.close();
  });

  it('企业健康码: looks a credit code up, shows the code, reasons and cases, and links from a case', async () => {
    // No confirmed facts yet: the imported enterprise is green (正面清单), and an unverified report keeps it so.
    expect(await importEnterprises(base, [{ creditCode: ENTERPRISE, name: '嘉兴凤桥印染有限公司', region: '凤桥镇', industry: '印染', keyDischarger: '是' }])).toMatchObject({ imported: 1 });
    const grid = await apiAs(base, 'grid.fengqiao001');
    const c = await reportCase(grid, unique('印染企业废水直排'), { category: 'water', enterpriseCreditCode: ENTERPRISE });
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.nanhu');
    await page.getByTestId('nav-enterprises').click();
    // The registry opens on the red list; the 正面清单 (green) tab shows the API's count and its first page.
    const dispatcher = await apiAs(base, 'dispatcher.nanhu');
    const green = await must(dispatcher.GET('/api/v1/enterprises', { params: { query: { healthCode: 'green', page: 1, pageSize: 20 } } }));
    expect(green.items.map((e) => e.creditCode)).toContain(ENTERPRISE);
    await page.getByTestId('enterprise-list').waitFor();
    await page.getByTestId('enterprise-colour').getByText(`绿码·正面清单 ${green.counts.green}`, { exact: true }).click();
    await page.getByTestId('enterprise-list').locator(`a[href$="/enterprises/${green.items[0].creditCode}"]`).waitFor(); // names may repeat; codes do not
    await page.getByTestId('enterprise-code').fill(ENTERPRISE.toLowerCase());
    await page.getByTestId('enterprise-lookup').click();
    await page.waitForURL(new RegExp(`/enterprises/${ENTERPRISE}$`));
    await page.getByTestId('enterprise-name').getByText('嘉兴凤桥印染有限公司').waitFor();
    expect(['green', 'yellow', 'red']).toContain(await page.getByTestId('health-code').getAttribute('data-code'));
    await page.getByTestId('case-table').locator(`[data-case-id="${c.id}"]`).first().waitFor();
    await snapBoth(page, 'ui-26-enterprise');

    await page.goto(`${base}/enterprises/91330402MA28ZZZZZZ`);
    await page.getByText('未找到该企业').waitFor();

    await page.goto(`${base}/cases/${c.id}`);
    await page.getByTestId('case-enterprise-link').getByTestId('health-code-tag').waitFor();
    await page.getByTestId('case-enterprise-link').click();
    await page.getByTestId('health-code').waitFor();
    await ctx.close();
  });

  it('merges a case into a likely duplicate nearby, offered first', async () => {
    const grid = await apiAs(base, 'grid.fengqiao001');
    // a spot of 凤桥镇 no other test reports from
    const at = { lat: 30.6412, lng: 120.8891 };
    const dup = await reportCase(grid, unique('秸秆焚烧（先报）'), { lat: at.lat + 0.003, lng: at.lng + 0.002 });
    const target = await reportCase(grid, unique('秸秆焚烧（后报）'), at);
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.nanhu');
    await page.goto(`${base}/cases/${target.id}`);
    await page.getByTestId('action-merge').first().click();
    await page.getByTestId('merge-duplicates-hint').getByText(/发现 \d+ 件附近的疑似重复案件/).waitFor();
    await page.getByTestId('field-targetCaseId').click();
    const option = page.getByTestId('merge-duplicate-option').first();
    await option.getByText(/相距 \d+ 米/).waitFor();
    await option.getByText(dup.code).waitFor();
    await snapBoth(page, 'ui-27-merge-duplicates', { fullPage: false });
    await option.click();
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid="case-state"][data-state="merged"]').waitFor();
    const api = await apiAs(base, 'dispatcher.nanhu');
    expect((await must(api.GET('/api/v1/cases/{id}', { params: { path: { id: target.id } } }))).duplicateOfId).toBe(dup.id);
    await ctx.close();
  });

  it('a handler reports an item’s 序时进展 and a supervisor 交账 with per-item explanations', async () => {
    const ledger = await ledgerWith(base, [
      { seq: 1, title: unique('凤桥镇三星村入河排污口整治'), category: 'water', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(60) },
      { seq: 2, title: unique('凤桥镇工业园区扬尘治理'), category: 'air.dust', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(90) },
    ]);
    const handlerApi = await apiAs(base, 'handler.fengqiao');
    const row = ledger.items[0].cases[0];
    const c = await must(handlerApi.GET('/api/v1/cases/{id}', { params: { path: { id: row.id } } }));
    await must(handlerApi.POST('/api/v1/cases/{id}/actions/{action}', { params: { path: { id: c.id, action: 'sign_for' } }, body: { expectedVersion: c.version } }));

    const handler = await newContext(browser);
    const hp = await handler.newPage();
    await login(hp, base, 'handler.fengqiao');
    await hp.goto(`${base}/ledgers/${ledger.id}`);
    await hp.getByTestId('item-progress-add-1').click();
    await hp.getByTestId('progress-note').fill('已完成排查，整改工程量约完成四成。');
    await hp.getByTestId('progress-submit').click();
    await hp.getByTestId('progress-entry').getByText('已完成排查').waitFor();
    await hp.getByTestId('item-progress-1').getByText('已完成排查').waitFor(); // the ledger reloaded: still one entry
    expect(await hp.getByTestId('progress-entry').count()).toBe(1);
    await snapBoth(hp, 'ui-28-ledger-progress', { fullPage: false });
    await handler.close();

    const sup = await newContext(browser);
    const sp = await sup.newPage();
    await login(sp, base, 'supervisor.nanhu');
    await sp.goto(`${base}/ledgers/${ledger.id}`);
    await sp.getByTestId('item-progress-1').getByText('已完成排查').waitFor();
    await sp.getByTestId('ledger-report-back').click();
    await sp.getByTestId('report-back-items').waitFor();
    const boxes = sp.locator('[data-testid^="explanation-"]');
    expect(await boxes.count()).toBe(2);
    for (let i = 0; i < 2; i++) await boxes.nth(i).fill('涉及管网改造，已制定方案，预计年底前完成。');
    await sp.getByTestId('report-back-comment').fill('南湖区已完成大部分问题整改，未销号问题均已说明。');
    await snapBoth(sp, 'ui-29-report-back', { fullPage: false });
    await sp.getByTestId('report-back-submit').click();
    await sp.getByTestId('ledger-report-backs').getByText('南湖区已完成大部分问题整改').waitFor();
    await sup.close();

    const detail = await must(handlerApi.GET('/api/v1/ledgers/{id}', { params: { path: { id: ledger.id } } }));
    expect(detail.items[0].progress.map((p) => p.period)).toEqual([expect.stringMatching(/^\d{4}-\d{2}$/)]);
    expect(detail.reportBacks.map((r) => [r.regionCode, r.explanations.length])).toEqual([['330402', 2]]);
  });
});
