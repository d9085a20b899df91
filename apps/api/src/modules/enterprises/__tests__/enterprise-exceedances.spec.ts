import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { DEMO_ENTERPRISES } from '../../seed/demo-enterprise-registry.js';
import { DemoEnterprisesSeeder } from '../../seed/demo-enterprises.js';

// 嘉兴凤桥食品有限公司 (凤桥镇, credit A, no cases in this file's database): green on import.
const FOOD = DEMO_ENTERPRISES.find((e) => e.name === '嘉兴凤桥食品有限公司')!;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
let seq = 0;

/** Monitoring exceedances (DESIGN §10) are facts of the health code (§13); other alerts are not. */
describe('enterprise health code from monitoring exceedances', () => {
  let t: TestApp;
  let key: string;
  const enterprise = async () => (await t.http().get(`/api/v1/enterprises/${FOOD.creditCode}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200)).body;
  const post = (over: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/alerts')
      .set('X-Api-Key', key)
      .send({
        source: 'online_monitoring',
        externalId: `exceed-${Date.now()}-${++seq}`,
        pointId: `${FOOD.creditCode}-WS01`,
        enterpriseCreditCode: FOOD.creditCode,
        pollutant: 'COD',
        unit: 'mg/L',
        observedAt: minutesAgo(30 - seq),
        lat: FOOD.lat,
        lng: FOOD.lng,
        category: 'water.outfall',
        ...over,
      })
      .expect(201);
  const texts = (e: { healthReasons: { text: string }[] }) => e.healthReasons.map((r) => r.text);

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoEnterprisesSeeder).importRegistryIfEmpty();
    const admin = await t.tokenOf('admin');
    key = (await t.http().post('/api/v1/admin/api-keys').set('Authorization', admin).send({ name: '凤桥食品在线监控', source: 'online_monitoring' }).expect(201)).body.key;
  });
  afterAll(() => t.close());

  it('a reading within its limit, or an observation, changes nothing', async () => {
    expect((await enterprise()).healthCode).toBe('green');
    await post({ pointId: `${FOOD.creditCode}-WS02`, value: 82, limit: 100, durationMinutes: 20 });
    await post({ pointId: `${FOOD.creditCode}-WS02`, value: 100, limit: 100, durationMinutes: 15 });
    const after = await enterprise();
    expect(after.healthCode).toBe('green');
    expect(texts(after).join('\n')).not.toContain('超标');
    expect(after.codeHistory.map((h: { code: string }) => h.code)).toEqual(['green']);
  });

  it('a short exceedance is listed, a sustained one turns the code yellow, the third at the point within 30 days red', async () => {
    // Short: no case is opened; the alert's own transaction marks the code for recomputation.
    const short = await post({ value: 131, limit: 100, durationMinutes: 20 });
    expect(short.body).toMatchObject({ grade: 'short', caseId: null });
    const listed = await enterprise();
    expect(listed.healthCode).toBe('green');
    expect(listed.healthReasons).toContainEqual({ effect: 'info', text: expect.stringMatching(/在线监测短时超标（COD），已提醒企业$/) });

    const sustained = await post({ value: 186, limit: 100, durationMinutes: 150 });
    expect(sustained.body.grade).toBe('sustained');
    const yellow = await enterprise();
    expect(yellow.healthCode).toBe('yellow');
    expect(yellow.healthReasons[0]).toEqual({ effect: 'yellow', text: expect.stringMatching(/在线监测持续超标（COD）$/) });
    expect(yellow.codeHistory[0]).toMatchObject({ fromCode: 'green', code: 'yellow' });

    const third = await post({ pollutant: 'NH3-N', value: 22.4, limit: 15, durationMinutes: 40 });
    expect(third.body.grade).toBe('repeated');
    const red = await enterprise();
    expect(red.healthCode).toBe('red');
    expect(red.healthReasons[0]).toEqual({ effect: 'red', text: expect.stringMatching(/在线监测30日内反复超标（NH3-N）$/) });
    expect(red.codeHistory.map((h: { fromCode: string | null; code: string }) => [h.fromCode, h.code])).toEqual([
      ['yellow', 'red'],
      ['green', 'yellow'],
      [null, 'green'],
    ]);
  });
});
