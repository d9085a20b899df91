// What the people who use the system every day asked for (issue 19, second part), in Chromium
// against the real API: location first in the report, Chinese only on screen, tables that fit,
// batch work on the case list, a case's attachments at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { act, apiAs, AT_FENGQIAO, day, ledgerWith, must, reportCase, upload } from './support/api';
import { launchChromium, newContext, snapBoth } from './support/browser';
import { FENGQIAO, login } from './support/flows';
import { makePng } from './support/png';
import { startApiForE2E, type E2EServer } from './support/server';
import { tick, waitForValue } from './support/ui';

let seq = 0;
// Digits only: the page is checked for English words, and test data must not look like one.
const unique = (label: string) => `${label} ${Date.now() % 100_000_000}${seq++}`;

/** Nothing on screen or in an accessible name is English or a raw code (case codes and the product name aside). */
async function englishOnScreen(page: Page, testData: string[] = []): Promise<string[]> {
  return page.evaluate((ignore) => {
    const found: string[] = [];
    const word = /[A-Za-z_]{3,}/g;
    const allowed = new Set(['EcoLoop', 'Excel', 'xlsx', 'API', 'PDF']);
    let text = document.body.innerText;
    for (const t of ignore) text = text.split(t).join(' ');
    text = text.replace(/\b[A-Z]{2,}-\d{4}-\d+\b/g, '');
    for (const w of text.match(word) ?? []) if (!allowed.has(w)) found.push(`text: ${w}`);
    document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]').forEach((el) => {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr);
        // (a file's own name, such as after.png, is the user's data)
        if (v && /[A-Za-z]{3,}/.test(v.replace(/\b[A-Z]{2,}-\d{4}-\d+\b/g, '').replace(/[\w.\u4e00-\u9fff-]+\.(png|jpe?g|pdf|xlsx|docx|mp4|mov|webp|heic)\b/gi, '')) && !allowed.has(v)) found.push(`${attr}: ${v}`);
      }
    });
    return found;
  }, testData);
}

/** The right edge of `sel` lies inside the table's visible area, without scrolling it sideways. */
async function visibleInTable(page: Page, table: string, header: string): Promise<boolean> {
  const th = page.locator(`${table} th`, { hasText: header }).first();
  const box = (await th.boundingBox())!;
  const area = (await page.locator(`${table} .ant-table-container`).first().boundingBox())!;
  return box.x >= area.x - 1 && box.x + box.width <= area.x + area.width + 1;
}

/** The pin's tip on the report map, in page coordinates. */
async function pinAt(page: Page): Promise<{ x: number; y: number }> {
  const map = page.getByTestId('report-map');
  await page.waitForFunction(() => !!document.querySelector('[data-testid="report-map"]')?.getAttribute('data-pin-x'));
  const box = (await map.boundingBox())!;
  const x = Number(await map.getAttribute('data-pin-x'));
  const y = Number(await map.getAttribute('data-pin-y'));
  return { x: box.x + x, y: box.y + y };
}

describe('web: daily use, part two (issue 19)', () => {
  let server: E2EServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApiForE2E();
    base = server.baseUrl;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('locates the report on open, names the place offline, moves with the pin and shows likely duplicates before sending', async () => {
    // An open 秸秆焚烧 case about 80 m away, reported earlier today.
    const earlier = await reportCase(await apiAs(base, 'grid.fengqiao001'), unique('附近已有：田间秸秆焚烧'), { lat: 30.6612, lng: 120.8627 });
    const ctx = await newContext(browser, { phone: true, permissions: ['geolocation'], geolocation: FENGQIAO });
    const page = await ctx.newPage();
    await login(page, base, 'grid.fengqiao001');
    await page.goto(`${base}/report`);
    // No click: the page locates itself and names the place from the county boundaries and the reporter's town.
    await page.getByTestId('report-position').getByText('嘉兴市南湖区凤桥镇附近').waitFor();
    await waitForValue(page, 'report-address', '嘉兴市南湖区凤桥镇附近');
    expect(await page.getByTestId('report-map').getAttribute('data-lat')).toBe(String(FENGQIAO.latitude));
    // Manual coordinates stay out of the way until asked for.
    expect(await page.getByTestId('report-lat').isVisible()).toBe(false);

    // Choosing the category shows the open case nearby before anything is sent.
    await tick(page.locator('label', { has: page.getByTestId('category-air') }));
    await page.locator(`[data-testid="report-nearby-item"][data-code="${earlier.code}"]`).waitFor();
    expect(await page.getByTestId('report-nearby').innerText()).toMatch(/约 (7|8|9)\d 米/);
    await page.getByTestId('report-title').fill(unique('位置优先：沟边焚烧'));
    await page.getByTestId('report-description').fill('沟边有焚烧痕迹，现场拍照。');
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: makePng(320, 240, 3) });
    await page.locator('[data-testid="report-photo-item"][data-status="done"]').waitFor({ timeout: 30_000 });
    await snapBoth(page, 'daily2-01-report-location-first');

    // Dragging the pin moves the position; the address follows while the reporter has not written one.
    await page.getByTestId('report-map').scrollIntoViewIfNeeded();
    const pin = await pinAt(page);
    await page.mouse.move(pin.x, pin.y - 22);
    await page.mouse.down();
    await page.mouse.move(pin.x + 20, pin.y - 2, { steps: 5 });
    await page.mouse.move(pin.x + 40, pin.y + 18, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((lat) => document.querySelector('[data-testid="report-map"]')?.getAttribute('data-lat') !== lat, String(FENGQIAO.latitude));
    const dragged = { lat: Number(await page.getByTestId('report-map').getAttribute('data-lat')), lng: Number(await page.getByTestId('report-map').getAttribute('data-lng')) };
    expect(dragged.lat).toBeLessThan(FENGQIAO.latitude); // moved down: south
    expect(dragged.lng).toBeGreaterThan(FENGQIAO.longitude); // moved right: east

    // Typed coordinates behind the link; a point in 秀洲区 is named by its county only (the reporter's town lies elsewhere).
    await page.getByTestId('report-manual-toggle').click();
    await page.getByTestId('report-lat').fill('30.8300');
    await page.getByTestId('report-lng').fill('120.7000');
    await page.getByTestId('report-lng').blur();
    await page.getByTestId('report-position').getByText('嘉兴市秀洲区附近').waitFor();
    await waitForValue(page, 'report-address', '嘉兴市秀洲区附近');
    // Back to 凤桥: a written address is kept from now on.
    await page.getByTestId('report-lat').fill(String(dragged.lat));
    await page.getByTestId('report-lng').fill(String(dragged.lng));
    await page.getByTestId('report-lng').blur();
    await page.getByTestId('report-position').getByText('嘉兴市南湖区凤桥镇附近').waitFor();
    await page.getByTestId('report-address').fill('凤桥镇联丰村三组东侧沟渠');
    await page.getByTestId('report-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const id = page.url().split('/').pop()!;
    const created = await must((await apiAs(base, 'grid.fengqiao001')).GET('/api/v1/cases/{id}', { params: { path: { id } } }));
    expect(created).toMatchObject({ address: '凤桥镇联丰村三组东侧沟渠', source: 'grid_patrol' });
    expect(created.lat).toBeCloseTo(dragged.lat, 5);
    expect(created.lng).toBeCloseTo(dragged.lng, 5);
    await ctx.close();
  });

  it('requires a position for a grid patrol report when locating is refused, and says so in Chinese', async () => {
    const ctx = await newContext(browser, { phone: true });
    const page = await ctx.newPage();
    await login(page, base, 'grid.fengqiao001');
    await page.goto(`${base}/report`);
    await page.getByTestId('report-geo-error').waitFor();
    expect(await page.getByTestId('report-geo-error').innerText()).toContain('未获得定位权限');
    await tick(page.locator('label', { has: page.getByTestId('category-water') }));
    await page.getByTestId('report-title').fill(unique('无定位：河面漂浮物'));
    await page.getByTestId('report-description').fill('河面有漂浮垃圾。');
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'river.png', mimeType: 'image/png', buffer: makePng(320, 240, 4) });
    await page.locator('[data-testid="report-photo-item"][data-status="done"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('report-submit').click();
    await page.getByText('网格巡查须提供位置：请允许定位，或在地图上点选问题所在处').waitFor();
    expect(page.url()).toMatch(/\/report$/);
    // A tap on the map places the pin and clears the refusal.
    const map = page.getByTestId('report-map');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => !!document.querySelector('[data-testid="report-map"]')?.getAttribute('data-lat'));
    await page.getByText('网格巡查须提供位置：请允许定位，或在地图上点选问题所在处').waitFor({ state: 'detached' });
    await snapBoth(page, 'daily2-02-report-no-geolocation');
    await ctx.close();
  });

  it('fits the ledger list and detail at 1440 px (progress, actions and cases in view), shows cards on a phone, and nothing in English', async () => {
    const title = unique('凤桥镇三星村入河排污口整治及周边沟渠清淤疏浚长效管护');
    const ledger = await ledgerWith(base, [
      { seq: 1, title, category: 'water', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(60) },
      { seq: 2, title: unique('王江泾镇工业园区扬尘治理'), category: 'air.dust', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', deadline: day(90) },
    ]);
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.city');
    await page.goto(`${base}/ledgers`);
    await page.getByTestId(`ledger-link-${ledger.id}`).waitFor();
    for (const h of ['台账名称', '销号进度', '操作']) expect(await visibleInTable(page, '[data-testid="ledger-table"]', h)).toBe(true);
    // No sideways scrolling at all at this width.
    expect(await page.locator('[data-testid="ledger-table"] .ant-table-content, [data-testid="ledger-table"] .ant-table-body').first().evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await englishOnScreen(page, [ledger.title])).toEqual([]);
    await snapBoth(page, 'daily2-03-ledger-list');

    await page.getByTestId(`ledger-link-${ledger.id}`).click();
    await page.getByTestId('item-cases-1').waitFor();
    expect(await visibleInTable(page, '[data-testid="ledger-items"]', '案件')).toBe(true);
    const code = (await page.getByTestId('item-cases-1').innerText()).match(/[A-Z]+-\d{4}-\d+/)![0];
    expect(await page.getByTestId('item-cases-1').getByText(code).isVisible()).toBe(true);
    // The long title is cut with an ellipsis, in full on hover.
    const cell = page.locator('[data-testid="ledger-items"] .ant-typography-ellipsis', { hasText: title.slice(0, 6) }).first();
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await cell.hover();
    await page.locator('.ant-tooltip', { hasText: title }).waitFor();
    expect(await englishOnScreen(page, [ledger.title])).toEqual([]);
    await snapBoth(page, 'daily2-04-ledger-detail');
    await ctx.close();

    const phoneCtx = await newContext(browser, { phone: true });
    const phone = await phoneCtx.newPage();
    await login(phone, base, 'dispatcher.city');
    await phone.goto(`${base}/ledgers`);
    await phone.getByTestId('ledger-cards').waitFor();
    expect(await phone.getByTestId('ledger-table').count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.locator('[data-testid="ledger-card"]', { has: phone.getByTestId(`ledger-link-${ledger.id}`) }).getByTestId('ledger-progress').waitFor();
    await ctx.close().catch(() => undefined);

    // The dashboard map on a phone: county shading kept, names above the markers (looked at in the screenshot).
    const dashCtx = await newContext(browser, { phone: true });
    const dash = await dashCtx.newPage();
    await login(dash, base, 'leader.city');
    await dash.goto(`${base}/dashboard`);
    await dash.getByTestId('dashboard-map').waitFor();
    await dash.waitForTimeout(1500);
    await snapBoth(dash, 'daily2-05-dashboard-map');
    await dashCtx.close();
    await phoneCtx.close();
  });

  it('dispatches and reminds several cases at once from the list, saying what became of each; keeps filters and columns', async () => {
    const marker = unique('批量');
    const grid = await apiAs(base, 'grid.fengqiao001');
    const nanhu = await apiAs(base, 'dispatcher.nanhu');
    const a = await reportCase(grid, `${marker} 沟渠漂浮物甲`, AT_FENGQIAO);
    const b = await reportCase(grid, `${marker} 沟渠漂浮物乙`, AT_FENGQIAO);
    const c = await reportCase(grid, `${marker} 沟渠漂浮物丙`, AT_FENGQIAO);
    await act(nanhu, a.id, 'accept');
    await act(nanhu, b.id, 'accept');
    // c is refused (不予受理): it cannot be dispatched and is skipped.
    await act(nanhu, c.id, 'reject', { reason: '经核实为重复上报' });

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.nanhu');
    await page.goto(`${base}/cases?q=${encodeURIComponent(marker)}`);
    for (const x of [a, b, c]) await page.getByTestId(`case-select-${x.code}`).check();
    expect(await page.getByTestId('batch-count').innerText()).toBe('3');
    expect(await page.getByTestId('batch-dispatch').innerText()).toMatch(/批量交办（2）/);
    await page.getByTestId('batch-dispatch').click();
    await page.getByTestId('batch-field-leadUnitId').click();
    await page.keyboard.type('凤桥镇生态办');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '凤桥镇生态办' }).first().click();
    await page.getByTestId('batch-submit').click();
    await page.getByTestId('batch-summary').waitFor();
    expect(await page.getByTestId('batch-summary').innerText()).toContain('交办成功 2 件，跳过 1 件');
    const result = (code: string) => page.locator(`[data-testid="batch-result"][data-code="${code}"]`);
    expect(await result(a.code).getAttribute('data-result')).toBe('done');
    expect(await result(c.code).innerText()).toContain('当前状态不能交办');
    await snapBoth(page, 'daily2-06-batch-dispatch');
    await page.getByTestId('batch-close').click();
    for (const x of [a, b]) expect((await must(nanhu.GET('/api/v1/cases/{id}', { params: { path: { id: x.id } } }))).state).toBe('assigned');

    // 催办 the two dispatched ones.
    await page.getByTestId(`case-link-${a.code}`).waitFor();
    for (const x of [a, b]) await page.getByTestId(`case-select-${x.code}`).check();
    await page.getByTestId('batch-remind').click();
    await page.getByTestId('batch-field-note').fill('请于本周内完成清理并反馈');
    await page.getByTestId('batch-submit').click();
    await page.getByTestId('batch-summary').waitFor();
    expect(await page.getByTestId('batch-summary').innerText()).toContain('催办成功 2 件');
    await page.getByTestId('batch-close').click();
    const events = await must(nanhu.GET('/api/v1/cases/{id}/events', { params: { path: { id: b.id } } }));
    expect(events.at(-1)).toMatchObject({ action: 'remind', comment: '请于本周内完成清理并反馈' });

    // 常用筛选: the search is saved under a name and applied again later.
    await page.getByTestId('saved-filter-open').click();
    await page.getByTestId('saved-filter-name').fill('批量测试');
    await page.getByTestId('saved-filter-save').click();
    await page.goto(`${base}/cases`);
    await page.getByTestId('saved-filters').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '批量测试' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === marker);
    await page.getByTestId(`case-link-${c.code}`).waitFor();
    // 列设置: 上报时间 switched off, and still off after a reload.
    expect(await page.locator('[data-testid="case-table"] th', { hasText: '上报时间' }).count()).toBe(1);
    await page.getByTestId('column-settings-open').click();
    await page.getByTestId('column-settings').getByText('上报时间').click();
    await page.locator('[data-testid="case-table"] th', { hasText: '上报时间' }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId(`case-link-${c.code}`).waitFor();
    expect(await page.locator('[data-testid="case-table"] th', { hasText: '上报时间' }).count()).toBe(0);
    expect(await englishOnScreen(page)).toEqual([]);
    await ctx.close();

    // On a phone: cards, sorted from a menu.
    const phoneCtx = await newContext(browser, { phone: true });
    const phone = await phoneCtx.newPage();
    await login(phone, base, 'dispatcher.nanhu');
    await phone.goto(`${base}/cases?q=${encodeURIComponent(marker)}`);
    await phone.getByTestId(`case-link-${c.code}`).waitFor();
    const order = async () => phone.locator('[data-testid^="case-link-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(await order()).toEqual([c, b, a].map((x) => `case-link-${x.code}`));
    await phone.getByTestId('phone-sort').click();
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '最早上报' }).click();
    await phone.waitForURL((u) => u.searchParams.get('sort') === 'createdAt');
    await phone.waitForFunction((first) => document.querySelector('[data-testid^="case-link-"]')?.getAttribute('data-testid') === first, `case-link-${a.code}`);
    await snapBoth(phone, 'daily2-07-case-cards-sorted');
    await phoneCtx.close();
  });

  it('shows the report photos beside the completion photos when completing and signing off, and downloads all attachments at once', async () => {
    const grid = await apiAs(base, 'grid.fengqiao001');
    const before = await upload(grid, '现场.png', 11);
    const kase = await reportCase(grid, unique('前后对比：沟渠垃圾'), { ...AT_FENGQIAO, attachmentIds: [before] });
    const [row] = await server.testApp!.db.query(`SELECT id FROM unit WHERE name = '凤桥镇生态办'`);
    const town = await apiAs(base, 'dispatcher.fengqiao');
    await act(town, kase.id, 'accept');
    await act(town, kase.id, 'dispatch', { leadUnitId: row.id });
    const handler = await apiAs(base, 'handler.fengqiao');
    await act(handler, kase.id, 'sign_for');

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'handler.fengqiao');
    await page.goto(`${base}/cases/${kase.id}`);
    await page.getByTestId('action-submit_completion').click();
    await page.getByTestId('before-photos').getByTestId('attachment-image').waitFor();
    await page.getByTestId('field-measures').fill('已清理沟渠垃圾并设置警示牌');
    await page.getByTestId('evidence-upload-input').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: makePng(320, 240, 12) });
    await page.locator('[data-testid="evidence-upload-item"][data-status="done"]').waitFor({ timeout: 30_000 });
    await snapBoth(page, 'daily2-08-completion-before-after');
    await page.getByTestId('action-submit').click();
    await page.locator('[data-testid="case-state"][data-state="pending_verification"]').waitFor();
    await ctx.close();

    const sctx = await newContext(browser, { acceptDownloads: true });
    const sup = await sctx.newPage();
    await login(sup, base, 'supervisor.fengqiao');
    await sup.goto(`${base}/cases/${kase.id}`);
    await sup.getByTestId('after-photos').getByTestId('attachment-image').waitFor();
    expect(await sup.getByTestId('before-photos').getAttribute('data-count')).toBe('1');
    expect(await sup.getByTestId('after-photos').getAttribute('data-count')).toBe('1');
    await sup.getByTestId('action-approve').click();
    await sup.locator('.ant-modal [data-testid="before-after"] [data-testid="after-photos"] [data-testid="attachment-image"]').waitFor();
    await snapBoth(sup, 'daily2-09-signoff-before-after');
    await sup.locator('.ant-modal-close').click();
    const [download] = await Promise.all([sup.waitForEvent('download'), sup.getByTestId('attachments-zip').click()]);
    expect(download.suggestedFilename()).toBe(`${kase.code}-附件.zip`);
    const path = await download.path();
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await (await import('node:fs/promises')).readFile(path!));
    expect(Object.keys(zip.files)).toEqual(['01-现场.png', '02-after.png']);
    expect(await englishOnScreen(sup)).toEqual([]);
    await sctx.close();
  });
});
