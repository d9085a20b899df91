import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';
import { planCaseNotifications } from '../case-notifications.js';
import { latestMissed } from '../missed-deadline.js';
import type { NotificationListDto } from '../../notifications/dto/notifications.dto.js';

/** The work-flow notifications (issue 19 item 2): the next person at every step, the reporter at the end. */
describe('case notifications', () => {
  let t: TestApp;
  let fengqiao: string;
  beforeAll(async () => {
    t = await createTestApp();
    fengqiao = await unitId(t, '凤桥镇生态办');
  });
  afterAll(() => t.close());

  const inbox = async (username: string, caseId: string, kind?: string) => {
    const res = await t
      .http()
      .get(`/api/v1/notifications?pageSize=100${kind ? `&kind=${kind}` : ''}`)
      .set('Authorization', await t.tokenOf(username))
      .expect(200);
    const list = res.body as NotificationListDto;
    return { ...list, items: list.items.filter((n) => n.caseId === caseId) };
  };

  it('tells the lead unit on dispatch and rework, the supervisor on completion and the reporter at the end', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { lat: 30.66, lng: 120.86 });
    await must(t, 'dispatcher.nanhu', c.id, 'accept');
    expect((await inbox('grid.fengqiao001', c.id)).items.map((n) => n.kind)).toEqual(['accepted']);

    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    const handler = await inbox('handler.fengqiao', c.id);
    expect(handler.items).toEqual([expect.objectContaining({ kind: 'assigned', title: `新交办：${c.code} ${c.title}`, read: false })]);
    expect(handler.unreadByKind.assigned).toBeGreaterThanOrEqual(1);
    // The actor is never told of their own action; other units' handlers are not told at all.
    expect((await inbox('dispatcher.nanhu', c.id)).items).toEqual([]);
    expect((await inbox('handler.yuxin', c.id)).items).toEqual([]);

    await must(t, 'handler.fengqiao', c.id, 'sign_for');
    await must(t, 'handler.fengqiao', c.id, 'submit_completion', { measures: '已清理', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });
    expect((await inbox('supervisor.fengqiao', c.id)).items.map((n) => n.kind)).toEqual(['signoff']);

    await must(t, 'supervisor.fengqiao', c.id, 'reject_completion', { reason: '现场仍有焚烧痕迹' });
    expect((await inbox('handler.fengqiao', c.id)).items.map((n) => n.kind)).toEqual(['rework', 'assigned']);

    await must(t, 'handler.fengqiao', c.id, 'submit_completion', { measures: '再次清理', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });
    await must(t, 'supervisor.fengqiao', c.id, 'approve', { comment: '同意销号' });
    const reporter = await inbox('grid.fengqiao001', c.id);
    expect(reporter.items.map((n) => n.kind)).toEqual(['closed', 'accepted']);

    // Type tabs: only the kinds asked for.
    const onlyClosed = await inbox('grid.fengqiao001', c.id, 'closed,rejected');
    expect(onlyClosed.items.map((n) => n.kind)).toEqual(['closed']);
    await t.http().get('/api/v1/notifications?kind=DROP%20TABLE').set('Authorization', await t.tokenOf('grid.fengqiao001')).expect(400);
  });

  it('plans the supervisors of the next sign-off level after a county approval of a major case', () => {
    const before = { code: 'JX-1', title: 't', reporterId: null, leadUnitId: 'u', state: 'pending_verification' as const };
    const after = {
      state: 'pending_verification' as const,
      severity: 'major' as const,
      source: 'hotline' as const,
      category: 'water',
      signoffSteps: ['county' as const, 'city' as const],
      signoffIndex: 1,
      reworkCount: 0,
      reopenCount: 0,
      ownerLevel: 'county' as const,
      supervisionLevel: null,
      leadUnitId: 'u',
      coUnitIds: [],
      pendingExtension: null,
    };
    expect(planCaseNotifications(before, 'approve', after, '南湖区核查员')).toEqual([
      expect.objectContaining({ kind: 'signoff', to: { roles: ['supervisor'], level: 'city' }, body: expect.stringContaining('市级核查销号') }),
    ]);
    expect(planCaseNotifications(before, 'report_progress', { ...after, state: 'rectifying' }, 'x')).toEqual([]);
    expect(planCaseNotifications({ ...before, state: 'assigned' }, 'return', { ...after, state: 'pending_dispatch', leadUnitId: null }, '凤桥镇经办人')).toEqual([
      expect.objectContaining({ kind: 'returned', to: { roles: ['dispatcher'], level: 'county' } }),
    ]);
  });

  it('names the missed deadline a sticky overdue flag is about', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
    const dispatch = { kind: 'dispatch' as const, dueAt: at(1), settledAt: at(2), status: 'overdue' };
    const supervision = { kind: 'supervision' as const, dueAt: at(100), settledAt: null, status: 'pending' };
    expect(latestMissed([dispatch, supervision])).toBe(dispatch);
    const rectify = { kind: 'rectify' as const, dueAt: at(0), settledAt: null, status: 'overdue' };
    expect(latestMissed([dispatch, rectify, supervision])).toBe(rectify);
    expect(latestMissed([supervision])).toBeNull();
  });
});
