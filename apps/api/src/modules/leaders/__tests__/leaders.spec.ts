import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, must, reportCase, unitId } from '../../../test-support/cases.js';

describe('leaders act: 批示 (instruct) and 包案 (take_charge)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const notified = async (username: string, caseId: string) =>
    (await t.db.query(`SELECT n.kind, n.body FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = $1 AND n.case_id = $2 ORDER BY n.created_at`, [username, caseId])) as { kind: string; body: string }[];

  it('a leader instructs on the timeline and the people on the case are told; 包案 puts the leader’s name on the case and the case on their list', async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: await unitId(t, '凤桥镇生态办') });
    const seen = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(seen.body.allowedActions).toEqual(['instruct', 'take_charge']);
    expect(seen.body.takenById).toBeNull();

    const missing = await act(t, 'leader.city', c.id, 'instruct', {});
    expect(missing.status).toBe(422);
    expect((await act(t, 'leader.city', c.id, 'instruct', { comment: '请查明', leadUnitId: seen.body.leadUnitId })).status).toBe(400);
    expect((await act(t, 'dispatcher.nanhu', c.id, 'instruct', { comment: '请查明' })).status).toBe(403);

    const instructed = await must(t, 'leader.city', c.id, 'instruct', { comment: '请三日内查明原因并整改到位' });
    expect(instructed.state).toBe('assigned');
    const events = await t.http().get(`/api/v1/cases/${c.id}/events`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(events.body.at(-1)).toMatchObject({ action: 'instruct', actorRole: 'leader', comment: '请三日内查明原因并整改到位', fromState: 'assigned', toState: 'assigned' });
    for (const who of ['handler.fengqiao', 'dispatcher.fengqiao', 'supervisor.fengqiao']) {
      expect(await notified(who, c.id)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'instruct', body: expect.stringContaining('批示：请三日内查明原因并整改到位') })]));
    }
    expect(await notified('handler.yuxin', c.id)).toEqual([]);

    const taken = await must(t, 'leader.city', c.id, 'take_charge', { comment: '本人包案，每周报告进展' });
    const [leader] = await t.db.query(`SELECT id, display_name AS name FROM app_user WHERE username = 'leader.city'`);
    expect(taken).toMatchObject({ takenById: leader.id, takenByName: leader.name, state: 'assigned' });
    expect((await notified('handler.fengqiao', c.id)).map((n) => n.kind)).toContain('take_charge');

    // Later actions keep the leader on the case; the case is on the leader's list, not on others'.
    const signed = await must(t, 'handler.fengqiao', c.id, 'sign_for');
    expect(signed.takenById).toBe(leader.id);
    const detail = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(detail.body).toMatchObject({ takenById: leader.id, takenByName: leader.name, state: 'rectifying' });
    const mine = await t.http().get('/api/v1/cases?takenBy=me').set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const byId = await t.http().get(`/api/v1/cases?takenBy=${leader.id}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(byId.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const theirs = await t.http().get('/api/v1/cases?takenBy=me').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(theirs.body.items).toEqual([]);
    await t.http().get('/api/v1/cases?takenBy=someone').set('Authorization', await t.tokenOf('leader.city')).expect(400);

    const chain = await t.http().get(`/api/v1/audit/verify?caseId=${c.id}`).set('Authorization', await t.tokenOf('admin')).expect(200);
    expect(chain.body.ok).toBe(true);
  });

  it('is refused on a closed case (nothing left to instruct on)', async () => {
    const c = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', c.id, 'reject', { reason: '不属于生态环境问题' });
    const seen = await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(seen.body.allowedActions).toEqual([]);
    expect((await act(t, 'leader.city', c.id, 'instruct', { comment: '请复核' })).status).toBe(422);
  });
});
