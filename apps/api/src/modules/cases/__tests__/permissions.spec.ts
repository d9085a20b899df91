import { asCase } from '@ecoloop/auth';
import { UserContextService } from '../../../core/auth/user-context.service.js';
import { toSnapshot, toSubject, CASE_FROM, CASE_SELECT, type CaseRow } from '../case-row.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, inDays, must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';

const DEMO_USERS = [
  'admin', 'dispatcher.city', 'supervisor.city', 'leader.city', 'dispatcher.nanhu', 'supervisor.nanhu', 'dispatcher.xiuzhou',
  'supervisor.xiuzhou', 'dispatcher.fengqiao', 'supervisor.fengqiao', 'handler.fengqiao', 'handler.yuxin', 'handler.wangjiangjing', 'grid.fengqiao001', 'grid.wangjiangjing001',
];

describe('permissions over HTTP (DESIGN §5)', () => {
  let t: TestApp;
  const marker = `权限${Date.now()}`;
  const c: Record<string, { id: string }> = {};
  let photo: string;

  beforeAll(async () => {
    t = await createTestApp();
    const fengqiao = await unitId(t, '凤桥镇生态办');
    const yuxin = await unitId(t, '余新镇生态办');
    photo = await uploadPng(t, 'grid.fengqiao001');
    // A: a grid report in 凤桥镇 grid 001, dispatched to 凤桥镇生态办.
    c.fengqiao = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 凤桥`, attachmentIds: [photo] });
    await must(t, 'dispatcher.nanhu', c.fengqiao.id, 'dispatch', { leadUnitId: fengqiao, coUnitIds: [yuxin], dueAt: inDays(15) });
    // A hotline report with the caller's contact, in 余新镇, dispatched to 余新镇生态办.
    c.hotline = await reportCase(t, 'dispatcher.nanhu', {
      title: `${marker} 热线`, regionCode: '330402101', source: 'hotline', category: 'air.odor', reporterName: '李先生', reporterPhone: '13912345678',
    });
    await must(t, 'dispatcher.nanhu', c.hotline.id, 'dispatch', { leadUnitId: yuxin });
    // B: a grid report in 王江泾镇 (秀洲区), not yet dispatched.
    c.wangjiangjing = await reportCase(t, 'grid.wangjiangjing001', { title: `${marker} 王江泾` });
    // A case in 嘉善县 reported by the city dispatcher.
    c.jiashan = await reportCase(t, 'dispatcher.city', { title: `${marker} 嘉善`, regionCode: '330421' });
  });
  afterAll(() => t.close());

  const visibility: [string, string[]][] = [
    ['grid.fengqiao001', ['fengqiao']],
    ['grid.wangjiangjing001', ['wangjiangjing']],
    ['dispatcher.nanhu', ['fengqiao', 'hotline']],
    ['supervisor.nanhu', ['fengqiao', 'hotline']],
    ['dispatcher.xiuzhou', ['wangjiangjing']],
    ['supervisor.xiuzhou', ['wangjiangjing']],
    ['dispatcher.fengqiao', ['fengqiao']],
    ['supervisor.fengqiao', ['fengqiao']],
    ['handler.fengqiao', ['fengqiao']],
    ['handler.yuxin', ['fengqiao', 'hotline']], // co-unit of the 凤桥 case, lead of the hotline case
    ['handler.wangjiangjing', []],
    ['dispatcher.city', ['fengqiao', 'hotline', 'wangjiangjing', 'jiashan']],
    ['supervisor.city', ['fengqiao', 'hotline', 'wangjiangjing', 'jiashan']],
    ['leader.city', ['fengqiao', 'hotline', 'wangjiangjing', 'jiashan']],
    ['admin', ['fengqiao', 'hotline', 'wangjiangjing', 'jiashan']],
  ];

  it.each(visibility)('%s reads exactly its cases: 200 inside scope, 404 outside', async (username, visible) => {
    const auth = await t.tokenOf(username);
    for (const [name, { id }] of Object.entries(c)) {
      const res = await t.http().get(`/api/v1/cases/${id}`).set('Authorization', auth);
      expect([name, res.status]).toEqual([name, visible.includes(name) ? 200 : 404]);
      const events = await t.http().get(`/api/v1/cases/${id}/events`).set('Authorization', auth);
      expect([name, events.status]).toEqual([name, visible.includes(name) ? 200 : 404]);
    }
    const list = await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&pageSize=50`).set('Authorization', auth).expect(200);
    const names = Object.entries(c).filter(([, v]) => list.body.items.some((i: { id: string }) => i.id === v.id)).map(([k]) => k);
    expect(names.sort()).toEqual([...visible].sort());
    expect(list.body.total).toBe(visible.length);
  });

  it('counts a case once when its unit is both its lead and a co-unit (the count adds each rule up, less overlaps)', async () => {
    const auth = await t.tokenOf('handler.yuxin');
    await t.db.query(`UPDATE "case" SET co_unit_ids = array_append(co_unit_ids, lead_unit_id) WHERE id = $1`, [c.hotline.id]);
    try {
      const list = await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&pageSize=50`).set('Authorization', auth).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([c.fengqiao.id, c.hotline.id].sort());
      expect(list.body).toMatchObject({ total: 2, totalExact: true });
    } finally {
      await t.db.query(`UPDATE "case" SET co_unit_ids = array_remove(co_unit_ids, lead_unit_id) WHERE id = $1`, [c.hotline.id]);
    }
  });

  it('scopes lists in SQL exactly as the in-memory abilities decide, for every demo user', async () => {
    const users = t.app.get(UserContextService);
    const rows: CaseRow[] = await t.db.query(`SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE c.title LIKE $1`, [`${marker}%`]);
    for (const username of DEMO_USERS) {
      const [{ id }] = await t.db.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
      const user = (await users.load(id))!;
      const expected = rows.filter((r) => user.ability.can('read', asCase(toSubject(r, toSnapshot(r))))).map((r) => r.id).sort();
      const list = await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&pageSize=50`).set('Authorization', await t.tokenOf(username)).expect(200);
      expect([username, list.body.items.map((i: { id: string }) => i.id).sort()]).toEqual([username, expected]);
    }
  });

  it('shows a public reporter’s contact to dispatchers only', async () => {
    const dispatcher = await t.http().get(`/api/v1/cases/${c.hotline.id}`).set('Authorization', await t.tokenOf('dispatcher.nanhu'));
    expect(dispatcher.body).toMatchObject({ reporterName: '李先生', reporterPhone: '13912345678' });
    for (const username of ['handler.yuxin', 'supervisor.nanhu', 'leader.city', 'admin']) {
      const auth = await t.tokenOf(username);
      const one = await t.http().get(`/api/v1/cases/${c.hotline.id}`).set('Authorization', auth).expect(200);
      const list = await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}`).set('Authorization', auth).expect(200);
      const events = await t.http().get(`/api/v1/cases/${c.hotline.id}/events`).set('Authorization', auth).expect(200);
      for (const body of [one.body, list.body, events.body]) {
        expect([username, JSON.stringify(body)]).not.toEqual([username, expect.stringContaining('13912345678')]);
        expect(JSON.stringify(body)).not.toContain('李先生');
      }
      expect('reporterPhone' in one.body).toBe(false);
    }
  });

  it('answers 403 when a visible case is acted on without permission', async () => {
    await act(t, 'handler.fengqiao', c.fengqiao.id, 'dispatch', { leadUnitId: await unitId(t, '凤桥镇生态办') }).then((r) => expect(r.status).toBe(403));
    await act(t, 'handler.yuxin', c.fengqiao.id, 'sign_for').then((r) => expect(r.status).toBe(403)); // co-unit: progress only
    await act(t, 'leader.city', c.wangjiangjing.id, 'accept').then((r) => expect(r.status).toBe(403));
    await act(t, 'grid.fengqiao001', c.fengqiao.id, 'remind', { note: 'x' }).then((r) => expect(r.status).toBe(403));
    await act(t, 'dispatcher.xiuzhou', c.fengqiao.id, 'remind', { note: 'x' }).then((r) => expect(r.status).toBe(404));
    const leader = await t.http().get(`/api/v1/cases/${c.wangjiangjing.id}`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(leader.body.allowedActions).toEqual(['instruct', 'take_charge']); // 批示 and 包案 only (DESIGN §5)
    const admin = await t.http().get(`/api/v1/cases/${c.wangjiangjing.id}`).set('Authorization', await t.tokenOf('admin')).expect(200);
    expect(admin.body.allowedActions).toEqual([]);
  });

  it('lets co-units report progress but only the lead unit sign for', async () => {
    await must(t, 'handler.fengqiao', c.fengqiao.id, 'sign_for');
    await must(t, 'handler.yuxin', c.fengqiao.id, 'report_progress', { note: '配合单位已完成排查' });
    await act(t, 'handler.yuxin', c.fengqiao.id, 'submit_completion', { measures: 'x', attachmentIds: [] }).then((r) => expect(r.status).toBe(403));
  });

  it('keeps an escalated case readable by the county but actionable only from the city', async () => {
    const x = await reportCase(t, 'grid.fengqiao001', { title: `${marker}-escalate` });
    await must(t, 'dispatcher.nanhu', x.id, 'accept');
    const escalated = await must(t, 'dispatcher.nanhu', x.id, 'escalate', { reason: '涉及跨县流域，超出本级职权' });
    expect(escalated).toMatchObject({ state: 'pending_dispatch', ownerLevel: 'city' });
    expect(escalated.allowedActions).not.toContain('dispatch');
    await act(t, 'dispatcher.nanhu', x.id, 'dispatch', { leadUnitId: await unitId(t, '凤桥镇生态办') }).then((r) => expect(r.status).toBe(403));
    await must(t, 'dispatcher.city', x.id, 'dispatch', { leadUnitId: await unitId(t, '南湖分局') });
  });

  it('allows 督办 only from a level above the owner', async () => {
    // A case at county level is the county's own: the county cannot supervise itself.
    const own = await reportCase(t, 'dispatcher.nanhu', { title: `${marker}-county`, regionCode: '330402', source: 'hotline' });
    expect(own.ownerLevel).toBe('county');
    await act(t, 'dispatcher.nanhu', own.id, 'supervise', { note: '请加快', dueAt: inDays(3) }).then((r) => expect(r.status).toBe(403));
    // The hotline case was found in 余新镇, so the town owns it (§11) and the county supervises it.
    expect((await must(t, 'dispatcher.nanhu', c.hotline.id, 'supervise', { note: '县级督办', dueAt: inDays(5) })).supervisionLevel).toBe('county');
    const supervised = await must(t, 'supervisor.city', c.hotline.id, 'supervise', { note: '市级督办', dueAt: inDays(3) });
    expect(supervised.supervisionLevel).toBe('city');
    const filtered = await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&supervised=true`).set('Authorization', await t.tokenOf('dispatcher.nanhu'));
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([c.hotline.id]);
  });

  it('scopes attachments like their case', async () => {
    await t.http().get(`/api/v1/attachments/${photo}`).set('Authorization', await t.tokenOf('handler.fengqiao')).expect(200).expect('Content-Type', 'image/png');
    await t.http().get(`/api/v1/attachments/${photo}`).set('Authorization', await t.tokenOf('handler.wangjiangjing')).expect(404);
    await t.http().get(`/api/v1/attachments/${photo}`).set('Authorization', await t.tokenOf('dispatcher.xiuzhou')).expect(404);
    const unbound = await uploadPng(t, 'handler.yuxin');
    await t.http().get(`/api/v1/attachments/${unbound}`).set('Authorization', await t.tokenOf('handler.yuxin')).expect(200);
    await t.http().get(`/api/v1/attachments/${unbound}`).set('Authorization', await t.tokenOf('dispatcher.city')).expect(404);
  });

  it('refuses a grid inspector reporting outside their grid', async () => {
    const res = await t.http().post('/api/v1/cases').set('Authorization', await t.tokenOf('grid.fengqiao001'))
      .send({ title: 'x', description: 'y', category: 'air', source: 'grid_patrol', severity: 'general', regionCode: '330411101001' });
    expect(res.status).toBe(403);
  });

  it('gives each role its worklist with actionable=true', async () => {
    const ids = async (username: string) =>
      (await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&actionable=true&pageSize=50`).set('Authorization', await t.tokenOf(username))).body.items.map((i: { id: string }) => i.id);
    expect(await ids('dispatcher.xiuzhou')).toEqual([c.wangjiangjing.id]);
    expect(await ids('handler.yuxin')).toContain(c.hotline.id);
    expect(await ids('leader.city')).toEqual([]);
  });
});
