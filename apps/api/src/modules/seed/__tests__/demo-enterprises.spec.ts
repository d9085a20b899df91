import { isValidCreditCode } from '@ecoloop/workflow';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { DemoCasesSeeder } from '../demo-cases.js';
import { DEMO_ENTERPRISES } from '../demo-enterprise-registry.js';
import { DemoEnterprisesSeeder } from '../demo-enterprises.js';

/** The demo registry and its facts, seeded through the services into this file's own (empty) database. */
describe('demo enterprises', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has dozens of enterprises across every county, with valid and distinct credit codes', () => {
    expect(DEMO_ENTERPRISES.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_ENTERPRISES.every((e) => isValidCreditCode(e.creditCode))).toBe(true);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.creditCode)).size).toBe(DEMO_ENTERPRISES.length);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.regionCode.slice(0, 6)))).toEqual(new Set(['330402', '330411', '330421', '330424', '330481', '330482', '330483']));
  });

  it('imports the registry, then shows all three colours, one repair under review, one 约谈 and one enforcement transfer, once', async () => {
    const seeder = t.app.get(DemoEnterprisesSeeder);
    expect(await seeder.importRegistryIfEmpty()).toBe(DEMO_ENTERPRISES.length);
    expect(await t.app.get(DemoCasesSeeder).seedIfEmpty(60)).toBe(60);
    expect(await seeder.seedFactsIfEmpty()).toBe(true);

    const auth = await t.tokenOf('leader.city');
    const list = (await t.http().get('/api/v1/enterprises?pageSize=200').set('Authorization', auth).expect(200)).body;
    expect(list.total).toBe(DEMO_ENTERPRISES.length);
    expect(list.counts.red).toBeGreaterThan(0);
    expect(list.counts.yellow).toBeGreaterThan(0);
    expect(list.counts.green).toBeGreaterThan(list.counts.red + list.counts.yellow);

    const chem = (await t.http().get(`/api/v1/enterprises/${DEMO_ENTERPRISES[1].creditCode}`).set('Authorization', auth).expect(200)).body;
    expect(chem.healthCode).toBe('red');
    expect(chem.enforcement).toEqual(expect.arrayContaining([expect.objectContaining({ penaltyDecisionNo: '嘉环（南）罚字〔2026〕37号', fine: 385000 })]));
    expect(chem.interviews).toEqual([expect.objectContaining({ interviewer: '嘉兴市生态环境局', followUpCaseCode: expect.stringMatching(/^JX-/) })]);

    const queue = (await t.http().get('/api/v1/credit-repairs?state=under_review').set('Authorization', await t.tokenOf('supervisor.xiuzhou')).expect(200)).body;
    expect(queue).toEqual([expect.objectContaining({ creditCode: DEMO_ENTERPRISES[3].creditCode, allowedActions: ['review_pass', 'refuse'] })]);

    // The approved repair: red on a penalty and a violation confirmed at sign-off, then green by the repair's approval.
    const plant = DEMO_ENTERPRISES.find((e) => e.name === '嘉兴南湖再生资源有限公司')!;
    const repaired = (await t.http().get(`/api/v1/enterprises/${plant.creditCode}`).set('Authorization', auth).expect(200)).body;
    expect(repaired.healthCode).toBe('green');
    expect(repaired.healthReasons).toContainEqual({ effect: 'info', text: expect.stringMatching(/^2项事实已经信用修复/) });
    expect(repaired.repairs).toEqual([expect.objectContaining({ state: 'approved', steps: [expect.objectContaining({ action: 'apply' }), expect.objectContaining({ action: 'review_pass' }), expect.objectContaining({ action: 'approve' })] })]);
    expect(repaired.codeHistory.map((h: { fromCode: string | null; code: string }) => [h.fromCode, h.code])).toEqual([
      ['red', 'green'],
      ['green', 'red'],
      [null, 'green'],
    ]);
    expect(new Date(repaired.codeHistory[0].at).getTime()).toBe(new Date(repaired.repairs[0].steps[2].at).getTime());
    expect(repaired.enforcement).toEqual([expect.objectContaining({ penaltyDecisionNo: '嘉环（南）罚字〔2026〕29号' }), expect.objectContaining({ penaltyDecisionNo: null })]);

    expect(await seeder.importRegistryIfEmpty()).toBe(0);
    expect(await seeder.seedFactsIfEmpty()).toBe(false);
  });
});
