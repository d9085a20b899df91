import { DemoEnterprisesSeeder } from '../../seed/demo-enterprises.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { alertStream } from '../alert-streams.js';
import { seedDemoAlerts } from '../demo-alerts.js';

describe('demo alerts (DESIGN §8: monitoring alerts folded into cases)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoEnterprisesSeeder).importRegistryIfEmpty();
  });
  afterAll(() => t.close());

  it('the stream is reproducible, ordered, and has every source', () => {
    const o = { seed: 7, from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-08T00:00:00Z'), enterprises: [{ creditCode: '91330402MA28A1B2C3', regionCode: '330402101', lat: 30.69, lng: 120.85, industry: '印染' }], towns: [{ code: '330402101', lat: 30.68, lng: 120.86 }], perDay: 20 };
    const a = alertStream(o);
    expect(alertStream(o)).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(140);
    expect(a.map((x) => x.observedAt)).toEqual([...a.map((x) => x.observedAt)].sort());
    expect(new Set(a.map((x) => x.source))).toEqual(new Set(['online_monitoring', 'mobile_survey', 'camera', 'satellite', 'drone']));
    expect(new Set(a.map((x) => x.externalId)).size).toBe(a.length);
  });

  it('posts three weeks of alerts through the real intake: cases opened, alerts folded, repeats under city 督办, once', async () => {
    const posted = await seedDemoAlerts(t.app);
    expect(posted).toBeGreaterThan(60);
    const [figures] = await t.db.query(
      `SELECT count(*)::int AS alerts, count(*) FILTER (WHERE folded)::int AS folded, count(DISTINCT case_id)::int AS cases,
              count(*) FILTER (WHERE grade = 'short' AND case_id IS NULL)::int AS short, count(*) FILTER (WHERE grade = 'repeated')::int AS repeated
         FROM alert`,
    );
    expect(figures.alerts).toBe(posted);
    expect(figures.folded).toBeGreaterThan(0);
    expect(figures.short).toBeGreaterThan(0);
    expect(figures.repeated).toBeGreaterThan(0);
    const [folds] = await t.db.query(`SELECT count(*)::int AS n FROM case_event WHERE action = 'alert_folded'`);
    expect(folds.n).toBe(figures.folded);
    const [cityOrders] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE supervision_level = 'city' AND source IN ('monitoring_alert', 'mobile_monitoring')`);
    expect(cityOrders.n).toBeGreaterThan(0);
    const [fires] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE category = 'air.open_burning' AND source IN ('satellite', 'infrared')`);
    expect(fires.n).toBeGreaterThan(0);
    expect(await seedDemoAlerts(t.app)).toBe(0);

    // The exceedances are facts of the enterprises' codes (§13): the chronic offender is red on them,
    // and most of the registry stays on the 正面清单.
    const auth = await t.tokenOf('leader.city');
    const list = (await t.http().get('/api/v1/enterprises?pageSize=200').set('Authorization', auth).expect(200)).body;
    expect(list.counts.green).toBeGreaterThan(list.counts.red + list.counts.yellow);
    const [chronic] = await t.db.query(`SELECT enterprise_credit_code AS code FROM alert WHERE enterprise_credit_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const offender = (await t.http().get(`/api/v1/enterprises/${chronic.code}`).set('Authorization', auth).expect(200)).body;
    expect(offender.healthCode).toBe('red');
    expect(offender.healthReasons[0].text).toContain('在线监测30日内反复超标');
  });
});
