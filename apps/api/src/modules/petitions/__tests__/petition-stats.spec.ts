import { createTestApp, type TestApp } from '../../../test-support/test-app';
import { must } from '../../../test-support/cases';
import { idNumber, registerPetition } from './petition-helpers';

/**
 * GET /petitions/stats: exact figures for one county and month. 秀洲区 and November 2026 are used by
 * no other test, so every petition counted here is made here.
 */
describe('GET /petitions/stats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts on-time acceptance, on-time reply, satisfaction and repeat petitions by county and month', async () => {
    const zhang = idNumber();
    const at = (day: string) => `2026-11-${day}T10:00:00+08:00`;
    const body = (day: string, petitioners: object[]) => ({ receivedAt: at(day), regionCode: '330411101', address: '王江泾镇民主村', petitioners });

    // A: accepted within its 15 days, answered in time, satisfied.
    const a = await registerPetition(t, 'dispatcher.xiuzhou', body('25', [{ name: '张卫东', idNumber: zhang }]));
    await must(t, 'dispatcher.xiuzhou', a.id, 'accept_petition');
    await must(t, 'dispatcher.xiuzhou', a.id, 'reply', { comment: '已责令纺织企业整改' });
    await must(t, 'dispatcher.xiuzhou', a.id, 'follow_up', { satisfaction: 'satisfied', note: '满意' });
    // B: received 2 Nov, its notice was due on 17 Nov: accepted late; answered in time; dissatisfied (a new reply clock runs, not yet due).
    const b = await registerPetition(t, 'dispatcher.xiuzhou', body('02', [{ name: '孙丽', idNumber: idNumber() }]));
    await must(t, 'dispatcher.xiuzhou', b.id, 'accept_petition');
    await must(t, 'dispatcher.xiuzhou', b.id, 'reply', { comment: '已约谈企业' });
    await must(t, 'dispatcher.xiuzhou', b.id, 'follow_up', { satisfaction: 'dissatisfied', note: '仍有异味' });
    // C: the same person as A again, three days later; its notice is not due yet.
    await registerPetition(t, 'dispatcher.xiuzhou', body('28', [{ name: '张卫东', idNumber: zhang }]));
    // D: a duplicate of A, merged into it.
    const d = await registerPetition(t, 'dispatcher.xiuzhou', body('26', [{ name: '李强', phone: '13905738888' }]));
    await must(t, 'dispatcher.xiuzhou', d.id, 'merge', { targetCaseId: a.id });
    // Another month and another county: not in the row.
    await registerPetition(t, 'dispatcher.xiuzhou', { ...body('01', [{ name: '周敏', idNumber: idNumber() }]), receivedAt: '2026-10-30T10:00:00+08:00' });

    const res = await t.http().get('/api/v1/petitions/stats?regionCode=330411&from=2026-11&to=2026-11').set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(res.body).toEqual([
      {
        regionCode: '330411',
        regionName: '秀洲区',
        month: '2026-11',
        received: 4,
        acceptanceDue: 2,
        acceptanceOnTime: 1,
        onTimeAcceptanceRate: 0.5,
        replyDue: 2,
        replyOnTime: 2,
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
});
