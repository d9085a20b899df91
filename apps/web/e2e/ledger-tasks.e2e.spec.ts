// The 811 task table (DESIGN §15) in Chromium against the real API: 专项行动 → 主要任务 with each
// quarter's reports and the tasks not reported this quarter; a town office files its quarterly report
// with an attachment. The table is the demo's (made through the services, as `npm start` makes it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { seedDemoTaskTable } from '../../api/src/modules/ledgers/demo-ledger-batches';
import { apiAs, must } from './support/api';
import { launchChromium, newContext, snapBoth } from './support/browser';
import { login } from './support/flows';
import { makePng } from './support/png';
import { startApiForE2E, type E2EServer } from './support/server';
import { submitModal } from './support/ui';

describe('web: 811 task table with quarterly reports', () => {
  let server: E2EServer;
  let base: string;
  let browser: Browser;
  let ledgerId: string;

  beforeAll(async () => {
    server = await startApiForE2E();
    base = server.baseUrl;
    browser = await launchChromium();
    ({ ledgerId } = await seedDemoTaskTable(server.testApp!.app));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows actions over tasks with their quarterly reports and who has not reported, to the city', async () => {
    const table = await must((await apiAs(base, 'dispatcher.city')).GET('/api/v1/ledgers/{id}/task-table', { params: { path: { id: ledgerId }, query: {} } }));
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'dispatcher.city');
    await page.goto(`${base}/ledgers/${ledgerId}`);
    await page.getByTestId('task-table').waitFor();
    for (const a of table.actions) expect(await page.getByTestId(`task-action-${a.seq}`).innerText()).toContain(a.title);
    expect(await page.getByTestId('task-table-missing').innerText()).toContain(`尚有 ${table.missing} 项主要任务未报送`);
    // Task 2 (王江泾镇) has not reported this quarter; task 1 (凤桥镇) has.
    const row = (seq: number) => page.locator('tr', { has: page.getByTestId(`task-row-${seq}`) });
    expect(await row(2).innerText()).toContain('未报送');
    expect(await row(1).innerText()).toContain('已报送');
    // The city sees the reports but files none.
    expect(await page.getByTestId('task-report-2').count()).toBe(0);
    await snapBoth(page, 'ledger-811-city');
    await ctx.close();
  });

  it('lets the task’s town office file this quarter’s report with an attachment, and the task turns reported', async () => {
    const api = await apiAs(base, 'handler.wangjiangjing');
    const before = await must(api.GET('/api/v1/ledgers/{id}/task-table', { params: { path: { id: ledgerId }, query: {} } }));
    const task = before.actions.flatMap((a) => a.tasks).find((x) => x.seq === 2)!;
    expect(task).toMatchObject({ reported: false, canReport: true });

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await login(page, base, 'handler.wangjiangjing');
    await page.goto(`${base}/ledgers/${ledgerId}`);
    // Only the action of the office's own task is shown to it.
    await page.getByTestId('task-action-1').waitFor();
    expect(await page.getByTestId('task-action-2').count()).toBe(0);
    await page.getByTestId('task-report-2').click();
    await page.getByTestId('quarterly-note').waitFor();
    await page.getByTestId('quarterly-note').fill('长虹村河段清淤完成 6.5 公里，生态护岸开工建设，断面水质本季度均值达到Ⅲ类。');
    await page.locator('[data-testid="quarterly-percent"] input, input[data-testid="quarterly-percent"]').first().fill('45');
    await page.getByTestId('quarterly-files-input').setInputFiles({ name: '清淤现场.png', mimeType: 'image/png', buffer: makePng(320, 240, 11) });
    await page.locator('[data-testid="quarterly-files-item"][data-status="done"]').waitFor({ timeout: 30_000 });
    await snapBoth(page, 'ledger-811-report-form');
    await submitModal(page, 'quarterly-modal', page.getByTestId('quarterly-submit'));
    const row = page.locator('tr', { has: page.getByTestId('task-row-2') });
    await row.getByText('已报送').waitFor();
    await snapBoth(page, 'ledger-811-handler');

    const after = await must(api.GET('/api/v1/ledgers/{id}/task-table', { params: { path: { id: ledgerId }, query: {} } }));
    const done = after.actions.flatMap((a) => a.tasks).find((x) => x.seq === 2)!;
    expect(done).toMatchObject({ reported: true, canReport: false });
    const report = done.reports.find((r) => r.period === after.currentQuarter)!;
    expect(report).toMatchObject({ percent: 45, unitName: '王江泾镇生态办', quarterly: true });
    expect(report.attachmentIds).toHaveLength(1);
    await ctx.close();
  });
});
