// A petition (信访) in the browser against the real API: the 来信 desk registers it, accepts it,
// answers it and records the 回访; the petitioner shows only to the desk (DESIGN §5, §9).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { openAs } from './support/flows';
import { startApiForE2E, type E2EServer } from './support/server';
import { pick, submitModal, tick } from './support/ui';

async function petitionAction(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`petition-action-${action}`).click();
  const modal = page.getByTestId(`petition-modal-${action}`);
  await modal.waitFor();
  if (fill) await fill();
  await submitModal(page, modal, /提\s*交/);
}

describe('web: a petition in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = process.env.E2E_BASE_URL ? { baseUrl: process.env.E2E_BASE_URL, stop: async () => undefined } : await startApiForE2E();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers, accepts, answers and follows up a petition; only the desk sees the petitioner', async () => {
    const { ctx, page } = await openAs(browser, { baseUrl: server.baseUrl }, 'dispatcher.nanhu');
    await page.getByTestId('nav-petition').click();
    await page.getByTestId('page-petition-register').waitFor();
    const content = `余新镇金星村化工厂夜间异味扰民 ${Date.now().toString(36)}`;
    await page.getByTestId('petition-content').fill(content);
    await page.getByTestId('petition-request').fill('请求查处并书面答复');
    await pick(page, 'petition-region', '余新镇', { search: true, tree: true });
    await page.getByLabel('问题类别').click();
    await page.keyboard.type('臭气');
    await page.locator('.ant-select-dropdown:visible').getByText('臭气异味', { exact: true }).click();
    await page.getByPlaceholder('姓名').fill('沈建国');
    await page.getByPlaceholder('联系电话').fill('13905731021');
    await page.getByTestId('petition-submit').click();

    await page.getByTestId('petition-panel').waitFor();
    await expect(page.getByTestId('petition-state').textContent()).resolves.toBe('登记');
    await page.getByTestId('petition-clock-petition_accept').waitFor();
    await expect(page.getByTestId('petitioners').textContent()).resolves.toContain('沈建国');
    const caseUrl = page.url();

    await petitionAction(page, 'accept_petition');
    await page.getByTestId('petition-state').getByText('已受理').waitFor();
    await page.getByTestId('petition-clock-petition_reply').waitFor();
    await petitionAction(page, 'reply', () => page.getByTestId('petition-field-comment').fill('经查，该企业废气处理设施故障，已责令停产整改。'));
    await page.getByTestId('petition-state').getByText('已答复').waitFor();
    await petitionAction(page, 'follow_up', async () => {
      await tick(page.locator('.ant-modal:visible .ant-radio-wrapper', { hasText: /^满意$/ }));
      await page.getByTestId('petition-field-note').fill('电话回访，信访人表示满意');
    });
    await page.getByTestId('petition-state').getByText('办结').waitFor();
    await page.getByTestId('petition-print-handling-opinion').waitFor();
    await ctx.close();

    // A supervisor reads the case and the petition, but not who petitioned.
    const other = await openAs(browser, { baseUrl: server.baseUrl }, 'supervisor.nanhu');
    await other.page.goto(caseUrl);
    await other.page.getByTestId('petition-panel').waitFor();
    await expect(other.page.getByTestId('petition-panel').textContent()).resolves.not.toContain('沈建国');
    await expect(other.page.getByTestId('petitioners').count()).resolves.toBe(0);
    await other.ctx.close();

    // The dashboard carries the petition figures of the county.
    const leader = await openAs(browser, { baseUrl: server.baseUrl }, 'leader.city');
    await leader.page.getByTestId('nav-dashboard').click();
    await leader.page.getByTestId('petition-stats').getByText('南湖区').waitFor();
    await leader.ctx.close();
  });
});
