import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { mustAt, userOf } from '../../../test-support/cases.js';
import type { CreatePetitionDto } from '../dto/petition.dto.js';
import { PetitionsService } from '../petitions.service.js';
import { idNumber, postPetition } from './petition-helpers.js';

/**
 * GET /petitions/stats: exact figures for one county and month. 秀洲区 and November 2026 are used by
 * no other test, so every petition counted here is made here. The history is written at fixed past
 * times through the services, and every clock it starts is settled, so the figures do not change
 * with today's date; the one figure that must depend on it (a notice not yet due) is checked on a
 * petition received just now.
 */
describe('GET /petitions/stats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
  /** Registered by 秀洲区's dispatcher at the time it was received. */
  const register = async (received: string, petitioners: object[]) => {
    const dto = {
      channel: 'letter',
      grade: 'general',
      receivedAt: at(received).toISOString(),
      content: '王江泾镇某纺织企业夜间排放刺鼻气味，影响村民休息。',
      request: '要求查处企业违法排放。',
      petitioners,
      category: 'air.odor',
      regionCode: '330411101',
      address: '王江泾镇民主村',
    } as unknown as CreatePetitionDto;
    return t.app.get(PetitionsService).create(await userOf(t, 'dispatcher.xiuzhou'), dto, { at: at(received) });
  };
  const act = (id: string, action: string, date: string, payload: Record<string, unknown> = {}) => mustAt(t, 'dispatcher.xiuzhou', id, action, payload, at(date));

  it('counts on-time acceptance, on-time reply, satisfaction and repeat petitions by county and month', async () => {
    const zhang = idNumber();
    // A: accepted within its 15 days, answered in time, satisfied.
    const a = await register('2026-11-25', [{ name: '张卫东', idNumber: zhang }]);
    await act(a.id, 'accept_petition', '2026-11-26');
    await act(a.id, 'reply', '2026-11-27', { comment: '已责令纺织企业整改' });
    await act(a.id, 'follow_up', '2026-11-28', { satisfaction: 'satisfied', note: '满意' });
    // B: received 2 Nov, its notice was due on 17 Nov: accepted late; answered in time; dissatisfied, and answered again in time.
    const b = await register('2026-11-02', [{ name: '孙丽', idNumber: idNumber() }]);
    await act(b.id, 'accept_petition', '2026-11-20');
    await act(b.id, 'reply', '2026-11-21', { comment: '已约谈企业' });
    await act(b.id, 'follow_up', '2026-11-22', { satisfaction: 'dissatisfied', note: '仍有异味' });
    await act(b.id, 'reply', '2026-11-24', { comment: '已复测并责令加装废气处理设施' });
    // C: the same person as A again, three days later; accepted and answered in time.
    const c = await register('2026-11-28', [{ name: '张卫东', idNumber: zhang }]);
    await act(c.id, 'accept_petition', '2026-11-29');
    await act(c.id, 'reply', '2026-11-30', { comment: '与前次来信为同一问题，已一并处理' });
    // D: a duplicate of A, merged into it (its clocks are cancelled).
    const d = await register('2026-11-26', [{ name: '李强', phone: '13905738888' }]);
    await act(d.id, 'merge', '2026-11-26', { targetCaseId: a.id });
    // Another month: not in the row; never accepted, so its notice is late.
    await register('2026-10-30', [{ name: '周敏', idNumber: idNumber() }]);

    const res = await t.http().get('/api/v1/petitions/stats?regionCode=330411&from=2026-11&to=2026-11').set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(res.body).toEqual([
      {
        regionCode: '330411',
        regionName: '秀洲区',
        month: '2026-11',
        received: 4,
        acceptanceDue: 3,
        acceptanceOnTime: 2,
        onTimeAcceptanceRate: 2 / 3,
        replyDue: 4,
        replyOnTime: 4,
        onTimeReplyRate: 1,
        followedUp: 2,
        satisfied: 1,
        satisfactionRate: 0.5,
        repeat: 2,
        repeatRate: 0.5,
      },
    ]);

    const october = await t.http().get('/api/v1/petitions/stats?regionCode=330411&from=2026-10&to=2026-10').set('Authorization', await t.tokenOf('dispatcher.xiuzhou')).expect(200);
    expect(october.body).toEqual([expect.objectContaining({ month: '2026-10', received: 1, acceptanceDue: 1, acceptanceOnTime: 0, onTimeAcceptanceRate: 0, followedUp: 0, satisfactionRate: null })]);
    // 南湖区's dispatcher does not see 秀洲区's petitions; a handler has no statistics.
    const nanhu = await t.http().get('/api/v1/petitions/stats?from=2026-11&to=2026-11').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(nanhu.body.filter((r: { regionCode: string }) => r.regionCode === '330411')).toEqual([]);
    await t.http().get('/api/v1/petitions/stats').set('Authorization', await t.tokenOf('handler.yuxin')).expect(403);
  });

  it('does not count an acceptance notice that is not due yet', async () => {
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const res = await postPetition(t, 'dispatcher.xiuzhou', { receivedAt, regionCode: '330411101', address: '王江泾镇民主村' });
    expect(res.status).toBe(201);
    const month = new Date(Date.parse(receivedAt) + 8 * 3600_000).toISOString().slice(0, 7); // Asia/Shanghai
    const stats = await t.http().get(`/api/v1/petitions/stats?regionCode=330411&from=${month}&to=${month}`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(stats.body).toEqual([expect.objectContaining({ month, received: 1, acceptanceDue: 0, acceptanceOnTime: 0, onTimeAcceptanceRate: null })]);
  });
});
