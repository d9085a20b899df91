// Filing from the enterprise page in the browser against the real API (DESIGN §13): 南湖分局's
// dispatcher records a 约谈 of a red enterprise with a new follow-up case, and files its 信用修复
// application (commitment letter and evidence), which then waits in the county supervisor's queue.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ENTERPRISES } from '../../api/src/modules/seed/demo-enterprise-registry';
import { DemoEnterprisesSeeder } from '../../api/src/modules/seed/demo-enterprises';
import { apiAs, must } from './support/api';
import { launchChromium, snapBoth } from './support/browser';
import { openAs } from './support/flows';
import { pick, pickFirst, submitModal } from './support/ui';
import { makePng } from './support/png';
import { startApiForE2E, type E2EServer } from './support/server';

// 嘉兴南湖化工有限公司 (余新镇, credit rating D: red), from the demo registry.
const CHEM = DEMO_ENTERPRISES.find((e) => e.name === '嘉兴南湖化工有限公司')!;

describe('web: 约谈 and 信用修复 filed from the enterprise page', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startApiForE2E();
    await server.testApp!.app.get(DemoEnterprisesSeeder).importRegistryIfEmpty();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a dispatcher records a 约谈 with a new follow-up case, then files the repair application; the county supervisor gets it', async () => {
    const { ctx, page } = await openAs(browser, { baseUrl: server.baseUrl }, 'dispatcher.nanhu');
    await page.goto(`${server.baseUrl}/enterprises/${CHEM.creditCode}`);
    await page.getByTestId('enterprise-name').getByText(CHEM.name).waitFor();

    // 约谈: who, when, attendees, demands, on the enterprise, with a follow-up case opened here.
    await page.getByTestId('interview-open').click();
    await page.getByTestId('interview-modal').waitFor();
    await page.getByTestId('interview-interviewer').fill('南湖分局');
    const attendees = page.getByTestId('interview-attendees').locator('input');
    for (const who of ['企业法定代表人', '环保负责人', '余新镇分管副镇长']) {
      await attendees.fill(who);
      await attendees.press('Enter');
    }
    const demands = '一、30日内完成废气收集处理设施改造；二、每周五前向南湖分局报送整改进展；三、整改完成后申请验收。';
    await page.getByTestId('interview-demands').fill(demands);
    await page.getByTestId('interview-case-title').fill('南湖化工约谈整改：废气收集处理设施改造');
    await pick(page, 'interview-category', '异味', { search: true, cascader: true });
    await snapBoth(page, 'enterprise-interview-form', { fullPage: false });
    await submitModal(page, 'interview-modal', /提\s*交/);

    await page.getByRole('tab', { name: /约谈（1）/ }).click();
    const facts = page.getByTestId('enterprise-facts');
    await facts.getByText(demands).waitFor();
    await facts.getByText('企业法定代表人、环保负责人、余新镇分管副镇长').waitFor();
    const detail = await must((await apiAs(server.baseUrl, 'dispatcher.nanhu')).GET('/api/v1/enterprises/{creditCode}', { params: { path: { creditCode: CHEM.creditCode } } }));
    expect(detail.interviews).toEqual([expect.objectContaining({ interviewer: '南湖分局', enterpriseCreditCode: CHEM.creditCode, demands, followUpCaseCode: expect.stringMatching(/^JX-/) })]);
    const followUp = detail.cases.find((c) => c.id === detail.interviews[0].followUpCaseId)!;
    expect(followUp).toMatchObject({ title: '南湖化工约谈整改：废气收集处理设施改造', category: 'air.odor', source: 'enforcement_check', enterpriseCreditCode: CHEM.creditCode, regionCode: CHEM.regionCode });
    await facts.getByRole('link', { name: followUp.code }).waitFor();

    // 信用修复: commitment letter and evidence.
    await page.getByTestId('repair-open').click();
    await page.getByTestId('repair-modal').waitFor();
    await page.locator('.ant-modal-footer:visible').getByRole('button', { name: /提交申请/ }).click(); // empty: refused by the form
    await page.getByTestId('repair-modal').getByText('请填写承诺书内容').waitFor();
    await page.getByTestId('repair-commitment').fill('本企业已完成废气收集处理设施改造并通过第三方检测，承诺严格落实排污许可要求，如再发生环境违法行为自愿接受信用惩戒。');
    await page.getByTestId('repair-evidence-input').setInputFiles({ name: '第三方检测报告.png', mimeType: 'image/png', buffer: makePng(320, 240, 17) });
    await page.locator('[data-testid="repair-evidence-item"][data-status="done"]').waitFor();
    await snapBoth(page, 'enterprise-repair-form', { fullPage: false });
    await submitModal(page, 'repair-modal', /提交申请/);

    await page.getByRole('tab', { name: /信用修复（1）/ }).click();
    await facts.getByText('县级审核中').waitFor();
    await expect(page.getByTestId('repair-open').isDisabled()).resolves.toBe(true);
    await page.getByTestId('enterprise-actions').getByText('已有一件正在办理的信用修复申请').waitFor();
    await snapBoth(page, 'enterprise-filed');

    const queue = await must((await apiAs(server.baseUrl, 'supervisor.nanhu')).GET('/api/v1/credit-repairs', { params: { query: { state: 'under_review' } } }));
    expect(queue).toEqual([expect.objectContaining({ creditCode: CHEM.creditCode, allowedActions: ['review_pass', 'refuse'], attachmentIds: [expect.any(String)] })]);
    await ctx.close();
  }, 180_000);

  it('a city supervisor records a 约谈 of the enterprise’s region, linked to its open case; no repair button for a supervisor', async () => {
    const { ctx, page } = await openAs(browser, { baseUrl: server.baseUrl }, 'supervisor.city', true);
    await page.goto(`${server.baseUrl}/enterprises/${CHEM.creditCode}`);
    await page.getByTestId('enterprise-name').getByText(CHEM.name).waitFor();
    await expect(page.getByTestId('repair-open').count()).resolves.toBe(0);
    await page.getByTestId('interview-open').click();
    await page.getByTestId('interview-modal').waitFor();
    await page.getByTestId('interview-modal').getByText(/所在区域/).click();
    await page.getByTestId('interview-interviewer').fill('嘉兴市生态环境局');
    const attendees = page.getByTestId('interview-attendees').locator('input');
    await attendees.fill('余新镇镇长');
    await attendees.press('Enter');
    await page.getByTestId('interview-demands').fill('督促辖区化工企业废气治理，15日内报送排查整治清单。');
    await pickFirst(page, 'interview-case');
    await submitModal(page, 'interview-modal', /提\s*交/);

    const city = await apiAs(server.baseUrl, 'supervisor.city');
    const region = await must(city.GET('/api/v1/interviews', { params: { query: { regionCode: CHEM.regionCode } } }));
    expect(region).toEqual(expect.arrayContaining([expect.objectContaining({ interviewer: '嘉兴市生态环境局', enterpriseCreditCode: null, regionCode: CHEM.regionCode, attendees: ['余新镇镇长'], followUpCaseCode: expect.stringMatching(/^JX-/) })]));
    await ctx.close();
  }, 120_000);
});
