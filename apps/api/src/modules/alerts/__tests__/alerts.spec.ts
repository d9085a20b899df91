import { DEMO_ENTERPRISES } from '../../seed/demo-enterprise-registry.js';
import { DemoEnterprisesSeeder } from '../../seed/demo-enterprises.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, unitId, uploadPng } from '../../../test-support/cases.js';

// 嘉兴凤桥印染有限公司, 凤桥镇 330402100, from the demo registry (imported below).
const ENTERPRISE = DEMO_ENTERPRISES.find((e) => e.name === '嘉兴凤桥印染有限公司')!.creditCode;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
let seq = 0;
const ext = (p: string) => `${p}-${Date.now()}-${++seq}`;

describe('machine alerts (DESIGN §10)', () => {
  let t: TestApp;
  let sms: { server: Server; received: { phone: string; text: string }[] };
  let savedEnv: NodeJS.ProcessEnv;
  let monitorKey: string;
  let satelliteKey: string;
  let admin: string;

  const post = (key: string | undefined, body: Record<string, unknown>) => {
    const req = t.http().post('/api/v1/alerts');
    if (key) req.set('X-Api-Key', key);
    return req.send(body);
  };
  const reading = (over: Record<string, unknown> = {}) => ({
    source: 'online_monitoring',
    externalId: ext('om'),
    pointId: 'P-FQ-01',
    enterpriseCreditCode: ENTERPRISE,
    pollutant: 'COD',
    value: 120,
    limit: 100,
    unit: 'mg/L',
    observedAt: minutesAgo(2),
    durationMinutes: 90,
    lat: 30.62,
    lng: 120.78,
    category: 'water.outfall',
    ...over,
  });
  const fire = (over: Record<string, unknown> = {}) => ({
    source: 'satellite',
    externalId: ext('fire'),
    observedAt: minutesAgo(5),
    lat: 30.7001,
    lng: 120.8001,
    confidence: 0.9,
    category: 'air.open_burning',
    regionCode: '330402101',
    ...over,
  });
  const caseOf = async (id: string) => (await t.http().get(`/api/v1/cases/${id}`).set('Authorization', await t.tokenOf('dispatcher.city')).expect(200)).body;
  const actionsOf = async (id: string) => (await t.db.query(`SELECT action FROM case_event WHERE case_id = $1 ORDER BY seq`, [id])).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    const received: { phone: string; text: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body || '{}'));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sms = { server, received };
    savedEnv = { ...process.env };
    Object.assign(process.env, {
      NOTIFY_CHANNEL: 'sms',
      SMS_GATEWAY_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
      NOTIFY_SMS_TO: '13800000000',
    });
    t = await createTestApp();
    // The demo registry, and the enterprise's contact phone (DESIGN §13), in this file's own database.
    await t.app.get(DemoEnterprisesSeeder).importRegistryIfEmpty();
    await t.db.query(`UPDATE enterprise SET contact_phone = '13900001111' WHERE credit_code = $1`, [ENTERPRISE]);
    admin = await t.tokenOf('admin');
    monitorKey = (await t.http().post('/api/v1/admin/api-keys').set('Authorization', admin).send({ name: '凤桥水站', source: 'online_monitoring' }).expect(201)).body.key;
    satelliteKey = (await t.http().post('/api/v1/admin/api-keys').set('Authorization', admin).send({ name: '卫星火点', source: 'satellite' }).expect(201)).body.key;
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => sms?.server.close(resolve));
    for (const key of ['NOTIFY_CHANNEL', 'SMS_GATEWAY_URL', 'NOTIFY_SMS_TO']) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
  });

  describe('API keys', () => {
    it('are issued by admins only, shown once, stored hashed, used and revoked', async () => {
      await t.http().post('/api/v1/admin/api-keys').set('Authorization', await t.tokenOf('dispatcher.city')).send({ name: 'x', source: 'drone' }).expect(403);
      await t.http().post('/api/v1/admin/api-keys').set('Authorization', admin).send({ name: 'x', source: 'rocket' }).expect(400);
      const issued = await t.http().post('/api/v1/admin/api-keys').set('Authorization', admin).send({ name: '无人机巡查', source: 'drone', regionCode: '330411101' }).expect(201);
      expect(issued.body).toEqual({ id: expect.any(String), name: '无人机巡查', source: 'drone', key: expect.stringMatching(/^elk_[\w-]{40,}$/) });
      const [stored] = await t.db.query(`SELECT key_hash, key_prefix FROM api_key WHERE id = $1`, [issued.body.id]);
      expect(stored.key_hash).not.toContain(issued.body.key);
      expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
      const listed = (await t.http().get('/api/v1/admin/api-keys').set('Authorization', admin).expect(200)).body.find((k: { id: string }) => k.id === issued.body.id);
      expect(listed).toEqual(expect.objectContaining({ keyPrefix: issued.body.key.slice(0, 12), lastUsedAt: null, revokedAt: null, regionCode: '330411101' }));
      expect(JSON.stringify(listed)).not.toContain(issued.body.key);

      const photo = { source: 'drone', externalId: ext('drone'), observedAt: minutesAgo(1), lat: 30.8, lng: 120.7, category: 'solid_waste.dumping' };
      await post(undefined, photo).expect(401);
      expect((await post('elk_not-a-key', photo).expect(401)).body.code).toBe('invalid_api_key');
      const created = await post(issued.body.key, photo).expect(201);
      expect(created.body).toEqual({ alertId: expect.any(String), caseId: expect.any(String), grade: 'sustained', folded: false });
      const c = await caseOf(created.body.caseId);
      expect([c.source, c.regionCode, c.category]).toEqual(['drone', '330411101', 'solid_waste.dumping']);
      const used = (await t.http().get('/api/v1/admin/api-keys').set('Authorization', admin).expect(200)).body.find((k: { id: string }) => k.id === issued.body.id);
      expect(used.lastUsedAt).not.toBeNull();

      await t.http().delete(`/api/v1/admin/api-keys/${issued.body.id}`).set('Authorization', admin).expect(204);
      await post(issued.body.key, { ...photo, externalId: ext('drone') }).expect(401);
    });

    it('post only for their own source', async () => {
      expect((await post(monitorKey, fire()).expect(403)).body.code).toBe('source_mismatch');
    });
  });

  it('is idempotent on (source, externalId): a replay answers 200 with the same body, another body 422', async () => {
    const body = reading({ pointId: 'P-IDEM' });
    const first = await post(monitorKey, body).expect(201);
    const again = await post(monitorKey, body).expect(200);
    expect(again.body).toEqual(first.body);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM alert WHERE external_id = $1`, [body.externalId]))[0].n).toBe(1);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE id = $1`, [first.body.caseId]))[0].n).toBe(1);
    const other = await post(monitorKey, { ...body, value: 999 }).expect(422);
    expect(other.body.code).toBe('external_id_reused');
    // Concurrent replays still make one alert.
    const racing = reading({ pointId: 'P-RACE' });
    const answers = await Promise.all([post(monitorKey, racing), post(monitorKey, racing), post(monitorKey, racing)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(1);
  });

  it('grades: a short exceedance texts the enterprise and opens no case; a sustained one opens a case for the town', async () => {
    const short = await post(monitorKey, reading({ pointId: 'P-SHORT', durationMinutes: 15 })).expect(201);
    expect(short.body).toEqual({ alertId: expect.any(String), caseId: null, grade: 'short', folded: false });
    for (let i = 0; i < 50 && sms.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(sms.received).toEqual([{ phone: '13900001111', text: expect.stringContaining('嘉兴凤桥印染有限公司') }]);

    const sustained = await post(monitorKey, reading({ pointId: 'P-LONG', durationMinutes: 90 })).expect(201);
    expect(sustained.body.grade).toBe('sustained');
    const c = await caseOf(sustained.body.caseId);
    expect(c).toEqual(expect.objectContaining({ source: 'monitoring_alert', regionCode: '330402100', state: 'reported', enterpriseCreditCode: ENTERPRISE, supervisionLevel: null }));
    expect(c.title).toContain('COD 120mg/L');
  });

  it('folds an alert at the same point into the open case, on its timeline', async () => {
    const first = await post(monitorKey, reading({ pointId: 'P-FOLD' })).expect(201);
    const second = await post(monitorKey, reading({ pointId: 'P-FOLD', value: 140, observedAt: minutesAgo(1) })).expect(201);
    expect(second.body).toEqual({ alertId: expect.any(String), caseId: first.body.caseId, grade: 'sustained', folded: true });
    expect(await actionsOf(first.body.caseId)).toEqual(['report', 'alert_folded']);
    const listed = await t.http().get(`/api/v1/alerts?caseId=${first.body.caseId}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(listed.body.total).toBe(2);
    expect(listed.body.items[0]).toEqual(expect.objectContaining({ value: 140, folded: true, caseCode: expect.stringMatching(/^JX-/) }));
    // The audit chain still holds after a folded alert.
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${first.body.caseId}`).set('Authorization', admin).expect(200);
    expect(audit.body.ok).toBe(true);
  });

  it('the third alert at one point within 30 days opens the case already under city 督办', async () => {
    const a = await post(monitorKey, reading({ pointId: 'P-REPEAT', durationMinutes: 10, observedAt: minutesAgo(60 * 24 * 20) })).expect(201);
    const b = await post(monitorKey, reading({ pointId: 'P-REPEAT', durationMinutes: 10, observedAt: minutesAgo(60 * 24 * 3) })).expect(201);
    expect([a.body.grade, b.body.grade, a.body.caseId, b.body.caseId]).toEqual(['short', 'short', null, null]);
    const third = await post(monitorKey, reading({ pointId: 'P-REPEAT', durationMinutes: 10 })).expect(201);
    expect(third.body).toEqual(expect.objectContaining({ grade: 'repeated', folded: false, caseId: expect.any(String) }));
    const c = await caseOf(third.body.caseId);
    expect(c.supervisionLevel).toBe('city');
    expect(c.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'supervision', level: 'city', status: 'pending' })]));
    expect(await actionsOf(c.id)).toEqual(['report', 'auto_supervise']);
    // One older than the window does not count.
    await post(monitorKey, reading({ pointId: 'P-OLD', durationMinutes: 10, observedAt: minutesAgo(60 * 24 * 40) })).expect(201);
    await post(monitorKey, reading({ pointId: 'P-OLD', durationMinutes: 10, observedAt: minutesAgo(60) })).expect(201);
    expect((await post(monitorKey, reading({ pointId: 'P-OLD', durationMinutes: 10 })).expect(201)).body.grade).toBe('short');
  });

  it('thresholds are policy that admins edit', async () => {
    await t.http().put('/api/v1/admin/alert-policies/online_monitoring').set('Authorization', await t.tokenOf('dispatcher.city')).send({}).expect(403);
    await t.http().put('/api/v1/admin/alert-policies/online_monitoring').set('Authorization', admin)
      .send({ sustainedMinutes: 5, foldWindowHours: 24, repeatCount: 3, repeatWindowDays: 30, foldRadiusMeters: 200 }).expect(200);
    try {
      expect((await post(monitorKey, reading({ pointId: 'P-POLICY', durationMinutes: 10 })).expect(201)).body.grade).toBe('sustained');
      const policies = (await t.http().get('/api/v1/admin/alert-policies').set('Authorization', admin).expect(200)).body;
      expect(policies.map((p: { source: string }) => p.source)).toEqual(['default', 'online_monitoring']);
    } finally {
      await t.http().put('/api/v1/admin/alert-policies/online_monitoring').set('Authorization', admin)
        .send({ sustainedMinutes: 60, foldWindowHours: 24, repeatCount: 3, repeatWindowDays: 30, foldRadiusMeters: 200 }).expect(200);
    }
  });

  describe('fire points (1530)', () => {
    it('open air.open_burning cases on the clock from the detection time, and fold within 200 m', async () => {
      const detected = fire({ observedAt: minutesAgo(5) });
      const first = await post(satelliteKey, detected).expect(201);
      const c = await caseOf(first.body.caseId);
      expect([c.category, c.source, c.regionCode]).toEqual(['air.open_burning', 'satellite', '330402101']);
      expect(new Date(c.createdAt).toISOString()).toBe(detected.observedAt);
      const dispatch = c.deadlines.find((d: { kind: string }) => d.kind === 'dispatch');
      expect(new Date(dispatch.dueAt).getTime()).toBe(new Date(detected.observedAt).getTime() + 60_000);

      const near = await post(satelliteKey, fire({ lat: 30.7011, lng: 120.8005, observedAt: minutesAgo(2) })).expect(201); // ≈ 120 m
      expect(near.body).toEqual(expect.objectContaining({ caseId: first.body.caseId, folded: true }));
      const far = await post(satelliteKey, fire({ lat: 30.7051, lng: 120.8001 })).expect(201); // ≈ 550 m
      expect(far.body.folded).toBe(false);
      expect(far.body.caseId).not.toBe(first.body.caseId);
    });

    it('GET /stats/fast-track: detected, closed within 30 minutes and the rate, by county', async () => {
      const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      const before = (await t.http().get(`/api/v1/stats/fast-track?month=${month}`).set('Authorization', await t.tokenOf('leader.city')).expect(200)).body;
      const put = await post(satelliteKey, fire({ lat: 30.75, lng: 120.85, observedAt: minutesAgo(3) })).expect(201);
      await post(satelliteKey, fire({ lat: 30.76, lng: 120.95, observedAt: minutesAgo(3) })).expect(201); // left burning
      const fengqiao = await unitId(t, '凤桥镇生态办');
      await must(t, 'dispatcher.nanhu', put.body.caseId, 'dispatch', { leadUnitId: fengqiao });
      await must(t, 'handler.fengqiao', put.body.caseId, 'sign_for');
      await must(t, 'handler.fengqiao', put.body.caseId, 'submit_completion', { measures: '已扑灭', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });

      const after = (await t.http().get(`/api/v1/stats/fast-track?month=${month}`).set('Authorization', await t.tokenOf('leader.city')).expect(200)).body;
      expect([after.detected - before.detected, after.closedWithin30Min - before.closedWithin30Min]).toEqual([2, 1]);
      expect(after.rate).toBeCloseTo(after.closedWithin30Min / after.detected, 4);
      const nanhu = after.byCounty.find((r: { regionCode: string }) => r.regionCode === '330402');
      expect(nanhu).toEqual(expect.objectContaining({ regionName: '南湖区', detected: after.detected, closedWithin30Min: after.closedWithin30Min }));
      const xiuzhou = (await t.http().get(`/api/v1/stats/fast-track?month=${month}`).set('Authorization', await t.tokenOf('supervisor.xiuzhou')).expect(200)).body;
      expect(xiuzhou.byCounty.map((r: { regionCode: string }) => r.regionCode)).not.toContain('330402');
      expect((await t.http().get('/api/v1/stats/fast-track?month=2026-13').set('Authorization', admin)).status).toBe(400);
      await t.http().get('/api/v1/stats/fast-track').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
    });
  });

  it('GET /alerts filters by source, point, enterprise and grade, within the caller’s jurisdiction', async () => {
    const nanhu = await t.tokenOf('dispatcher.nanhu');
    const shorts = (await t.http().get('/api/v1/alerts?grade=short&source=online_monitoring').set('Authorization', nanhu).expect(200)).body;
    expect(shorts.total).toBeGreaterThan(0);
    expect(shorts.items.every((a: { grade: string; source: string }) => a.grade === 'short' && a.source === 'online_monitoring')).toBe(true);
    const point = (await t.http().get('/api/v1/alerts?pointId=P-FOLD').set('Authorization', nanhu).expect(200)).body;
    expect(point.total).toBe(2);
    const byEnterprise = (await t.http().get(`/api/v1/alerts?enterpriseCreditCode=${ENTERPRISE}&pageSize=1`).set('Authorization', nanhu).expect(200)).body;
    expect([byEnterprise.items.length, byEnterprise.total > 1]).toEqual([1, true]);
    const xiuzhou = (await t.http().get(`/api/v1/alerts?enterpriseCreditCode=${ENTERPRISE}`).set('Authorization', await t.tokenOf('dispatcher.xiuzhou')).expect(200)).body;
    expect(xiuzhou.total).toBe(0);
    await t.http().get('/api/v1/alerts').set('Authorization', await t.tokenOf('handler.fengqiao')).expect(403);
  });
});
