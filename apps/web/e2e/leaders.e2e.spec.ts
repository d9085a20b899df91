// The leaders' pages in Chromium against the real API, over the demo's twelve months of history
// (DESIGN §8, §12, §13): the dashboard with every county and zone and the risk-coloured map, the
// 问题发现综合评价 and the 考核排名 with its monthly 通报, and a leader reaching 批示 / 包案 from the dashboard.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoHistorySeeder } from '../../api/src/modules/seed/demo-history';
import { apiAs, must, type Api } from './support/api';
import { launchChromium, snapBoth } from './support/browser';
import { openAs } from './support/flows';
import { startApiForE2E, type E2EServer } from './support/server';

const AREAS = ['南湖区', '秀洲区', '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市', '嘉兴经济技术开发区', '嘉兴港区'];
const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

describe('web: leaders over twelve months of history', () => {
  let server: E2EServer;
  let browser: Browser;
  let api: Api;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startApiForE2E();
    const done = await server.testApp!.app.get(DemoHistorySeeder).seedIfAbsent();
    expect(done?.warnings).toBe(12 * AREAS.length);
    api = await apiAs(server.baseUrl, 'leader.city');
    browser = await launchChromium();
    ({ ctx, page } = await openAs(browser, { baseUrl: server.baseUrl }, 'leader.city'));
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('dashboard: every county and zone, last month’s risk colours (海盐县 无数据), the totals, trends', async () => {
    const overview = await must(api.GET('/api/v1/stats/overview', { params: { query: {} } }));
    expect(overview.byCounty.map((c) => c.regionName).sort()).toEqual([...AREAS].sort());
    const warnings = await must(api.GET('/api/v1/risk-warnings', { params: { query: { month: lastMonth() } } }));
    expect(warnings.every((w) => w.issuedAt)).toBe(true);
    expect(warnings.find((w) => w.regionCode === '330424')?.level).toBe('no_data');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('page-dashboard').waitFor();
    await page.getByTestId('risk-area-330424').waitFor();
    for (const w of warnings) {
      const tag = page.getByTestId(`risk-area-${w.regionCode}`);
      await expect(tag.getAttribute('data-level')).resolves.toBe(w.level);
      await expect(tag.textContent()).resolves.toContain(w.regionName);
    }
    await expect(page.getByTestId('risk-area-330424').textContent()).resolves.toBe('海盐县 · 无数据');
    // Grey, as on the map (the same colour table): no green, yellow, orange or red.
    await expect(page.getByTestId('risk-area-330424').getAttribute('class')).resolves.not.toMatch(/ant-tag-(green|gold|orange|red)/);
    await expect(page.getByTestId('kpi-total').textContent()).resolves.toContain(overview.total.toLocaleString('en-US'));
    await page.getByTestId('chart-trend').waitFor();
    await page.getByTestId('fast-track').waitFor();
    await snapBoth(page, 'leaders-dashboard');
  });

  it('风险预警: twelve issued months per county, as frozen by the monthly issue', async () => {
    const issued = await must(api.GET('/api/v1/risk-warnings', { params: { query: { month: lastMonth() } } }));
    await page.getByTestId('nav-risk').click();
    await page.getByTestId('page-risk').waitFor();
    await page.getByTestId(`risk-history-330424-${lastMonth()}`).waitFor();
    for (const w of issued) await expect(page.getByTestId(`risk-history-${w.regionCode}-${lastMonth()}`).getAttribute('data-level')).resolves.toBe(w.level);
    await expect(page.getByTestId(`risk-history-330424-${lastMonth()}`).textContent()).resolves.toBe('无');
    await expect(page.locator('[data-testid^="risk-history-330421-"][data-level="red"]').count()).resolves.toBeGreaterThan(0);
    await snapBoth(page, 'leaders-risk');
  });

  it('a leader reaches 批示 and 包案 from the dashboard’s 督办 cases', async () => {
    await page.goto(`${server.baseUrl}/dashboard`);
    const attention = page.getByTestId('dashboard-attention');
    await attention.getByTestId('attention-case').first().waitFor();
    await attention.getByTestId('attention-case').first().click();
    await page.getByTestId('case-actions').waitFor();
    await page.getByTestId('action-instruct').waitFor();
    await page.getByTestId('action-take_charge').waitFor();
  });

  it('问题发现综合评价: self- and outside-found per county as the API counts them, with the trend', async () => {
    const rows = await must(api.GET('/api/v1/stats/discovery', { params: { query: { level: 'county' } } }));
    expect(rows.map((r) => r.regionName).sort()).toEqual([...AREAS].sort());
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByTestId('nav-discovery').click();
    await page.getByTestId('page-discovery').waitFor();
    for (const r of rows) {
      const row = page.locator('tr', { has: page.getByTestId(`discovery-row-${r.regionCode}`) });
      await expect(row.textContent()).resolves.toContain(`${r.regionName}${r.self}${r.external}`);
    }
    const self = rows.reduce((n, r) => n + r.self, 0);
    await expect(page.getByTestId('discovery-self').textContent()).resolves.toContain(self.toLocaleString('en-US'));
    await page.getByTestId('discovery-trend').waitFor();
    await snapBoth(page, 'leaders-discovery');
  });

  it('考核排名: every county ranked for last month (海盐县 无数据), trends, and the 通报 as xlsx', async () => {
    const body = await must(api.GET('/api/v1/assessment/scorecards', { params: { query: { level: 'county', month: lastMonth() } } }));
    // The operation answers JSON, or the xlsx 通报 with format=xlsx: this is the JSON.
    if (!Array.isArray(body)) throw new Error('expected the scorecards as JSON');
    const cards = body;
    await page.getByTestId('nav-scorecards').click();
    await page.getByTestId('page-scorecards').waitFor();
    await page.getByTestId('scorecard-row-330424').waitFor();
    for (const c of cards) {
      const row = page.locator('tr', { has: page.getByTestId(`scorecard-row-${c.subjectId}`) });
      await expect(row.textContent()).resolves.toContain(c.score === null ? `${c.subjectName}无数据` : `${c.subjectName}${c.score.toFixed(1)}`);
    }
    await expect(page.locator('tr', { has: page.getByTestId('scorecard-row-330424') }).getByTestId('scorecard-nodata').textContent()).resolves.toBe('无数据');
    await page.getByTestId('scorecard-trend').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scorecard-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/考核通报\.xlsx$/);
    await snapBoth(page, 'leaders-scorecards');
  });
});
