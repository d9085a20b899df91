import { CN_WORK_CALENDAR, petitionPeriodEnd } from '@ecoloop/workflow';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';
import { detail, idNumber, postPetition, registerPetition } from './petition-helpers.js';

const end = (from: string | Date, days: number) => petitionPeriodEnd(from, days, CN_WORK_CALENDAR).toISOString();
const pending = (c: { deadlines: { kind: string; status: string; dueAt: string }[] }, kind: string) =>
  c.deadlines.find((d) => d.kind === kind && d.status === 'pending');

describe('petitions (信访) over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a petition: a reported case with its petition and the 15-day acceptance clock', async () => {
    const receivedAt = '2026-11-20T09:30:00+08:00';
    const c = await registerPetition(t, 'dispatcher.nanhu', { receivedAt, channel: 'visit', grade: 'key' });
    expect(c).toMatchObject({ state: 'reported', source: 'petition_visit', regionCode: '330402101', severity: 'general', title: '余新镇金星村附近化工厂夜间排放刺鼻气味，影响村民休息' });
    expect(c.petition).toMatchObject({ channel: 'visit', grade: 'key', state: 'registered', replyCount: 0, extensionUsed: false, petitionerCount: 1 });
    expect(c.petition.petitioners).toEqual([expect.objectContaining({ name: '沈建国', phone: '13905730001', anonymous: false })]);
    // 20 Nov + 15 days = 5 Dec, a Saturday: the notice is due at the end of Monday 7 Dec.
    expect(pending(c, 'petition_accept')?.dueAt).toBe(end(receivedAt, 15));
    expect(pending(c, 'petition_accept')?.dueAt).toBe('2026-12-07T15:59:59.999Z');
    expect(c.allowedActions).toEqual(expect.arrayContaining(['accept_petition', 'decline_petition', 'accept', 'dispatch']));
    expect(c.allowedActions).not.toContain('reply');
  });

  it('refuses registration to those who are not the jurisdiction’s petition desk, and bad bodies', async () => {
    expect((await postPetition(t, 'handler.yuxin')).status).toBe(403);
    expect((await postPetition(t, 'grid.fengqiao001', { regionCode: '330402100001' })).status).toBe(403);
    expect((await postPetition(t, 'dispatcher.xiuzhou')).status).toBe(403);
    expect((await postPetition(t, 'dispatcher.nanhu', { petitioners: [] })).status).toBe(400);
    expect((await postPetition(t, 'dispatcher.nanhu', { petitioners: [{ name: '甲', idNumber: '1234' }] })).status).toBe(400);
    const future = await postPetition(t, 'dispatcher.nanhu', { receivedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('received_in_future');
  });

  it('12345 work orders take their working-day limits from deadline_policy', async () => {
    const c = await registerPetition(t, 'dispatcher.nanhu', { channel: 'hotline_12345' });
    expect(c.source).toBe('hotline');
    // The default policy for `hotline`: sign for within 1 working day of receipt, reply within 5.
    expect(pending(c, 'petition_accept')?.dueAt).toBe(CN_WORK_CALENDAR.addWorkingDays(new Date(c.petition.receivedAt), 1).toISOString());
    const accepted = await must(t, 'dispatcher.nanhu', c.id, 'accept_petition');
    const replyDue = pending(accepted, 'petition_reply')?.dueAt as string;
    expect(replyDue).toBe(CN_WORK_CALENDAR.addWorkingDays(new Date(accepted.petition.acceptedAt), 5).toISOString());
    expect(accepted.petition.replyDueAt).toBe(replyDue);
  });

  it('runs the limits: acceptance, reply within 60 days, one extension of at most 30 days, 回访, 复查 and 复核', async () => {
    const c = await registerPetition(t, 'dispatcher.nanhu');
    const accepted = await must(t, 'dispatcher.nanhu', c.id, 'accept_petition');
    expect(accepted.petition).toMatchObject({ state: 'accepted', acceptedAt: expect.any(String) });
    expect(accepted.deadlines.find((d: { kind: string }) => d.kind === 'petition_accept').status).toBe('met');
    const replyDue = end(accepted.petition.acceptedAt, 60);
    expect(accepted.petition.replyDueAt).toBe(replyDue);
    expect(pending(accepted, 'petition_reply')?.dueAt).toBe(replyDue);
    expect(accepted.state).toBe('reported'); // the rectification loop is untouched

    const dayAfter = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const cap = end(replyDue, 30);
    const tooLong = await act(t, 'dispatcher.nanhu', c.id, 'extend_reply', { newDueAt: dayAfter(cap, 1), reason: '需委托第三方监测' });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ code: 'invalid_payload', details: [{ field: 'newDueAt', message: '答复期限最多延长30日' }] });
    expect((await act(t, 'dispatcher.nanhu', c.id, 'extend_reply', { newDueAt: dayAfter(cap, 0) })).status).toBe(422);

    const extended = await must(t, 'dispatcher.nanhu', c.id, 'extend_reply', { newDueAt: dayAfter(cap, 0), reason: '需委托第三方监测机构连续监测' });
    expect(extended.petition).toMatchObject({ extensionUsed: true, replyDueAt: cap });
    const replyRow = pending(extended, 'petition_reply') as unknown as { dueAt: string; originalDueAt: string };
    expect(replyRow).toMatchObject({ dueAt: cap, originalDueAt: replyDue });
    expect(extended.allowedActions).not.toContain('extend_reply');
    const second = await act(t, 'dispatcher.nanhu', c.id, 'extend_reply', { newDueAt: dayAfter(cap, 0), reason: '再次延期' });
    expect(second.status).toBe(422);
    expect(second.body.message).toMatch(/只能延长一次/);

    const evidence = await uploadPng(t, 'dispatcher.nanhu', '监测报告.png');
    const replied = await must(t, 'dispatcher.nanhu', c.id, 'reply', { comment: '经监测，该企业废气排放超标，已责令整改并立案查处。', attachmentIds: [evidence] });
    expect(replied.petition).toMatchObject({ state: 'replied', replyCount: 1, replyDueAt: null });
    expect(replied.attachments).toEqual([expect.objectContaining({ id: evidence })]);
    expect(replied.petition.reviewWindowEndsAt).toBe(end(replied.petition.repliedAt, 30));

    const badFollowUp = await act(t, 'dispatcher.nanhu', c.id, 'follow_up', { note: '电话回访' });
    expect(badFollowUp.status).toBe(422);
    const back = await must(t, 'dispatcher.nanhu', c.id, 'follow_up', { satisfaction: 'dissatisfied', note: '信访人认为夜间仍有异味' });
    expect(back.petition).toMatchObject({ state: 'accepted', satisfaction: 'dissatisfied' });
    expect(pending(back, 'petition_reply')?.dueAt).toBe(end(back.updatedAt, 30));
    expect(back.allowedActions).toEqual(expect.arrayContaining(['reply', 'consult']));
    await must(t, 'dispatcher.nanhu', c.id, 'consult', { note: '与余新镇政府、综合执法局会商，夜间加密巡查' });
    const again = await must(t, 'dispatcher.nanhu', c.id, 'reply', { comment: '夜间加密巡查一周，未再发现异味排放。' });
    expect(again.petition.replyCount).toBe(2);
    const concluded = await must(t, 'dispatcher.nanhu', c.id, 'follow_up', { satisfaction: 'basically_satisfied', note: '基本满意' });
    expect(concluded.petition.state).toBe('concluded');

    const review = await must(t, 'dispatcher.nanhu', c.id, 'request_review', { reason: '信访人要求复查' });
    expect(review.petition.state).toBe('under_review');
    expect(pending(review, 'petition_review')?.dueAt).toBe(end(review.petition.reviewRequestedAt, 30));
    const reviewed = await must(t, 'dispatcher.nanhu', c.id, 'decide_review', { comment: '复查维持原处理意见' });
    expect(reviewed.petition.reviewWindowEndsAt).toBe(end(reviewed.petition.reviewDecidedAt, 30));
    const recheck = await must(t, 'dispatcher.nanhu', c.id, 'request_recheck', { reason: '信访人要求复核' });
    expect(pending(recheck, 'petition_recheck')?.dueAt).toBe(end(recheck.petition.recheckRequestedAt, 30));
    const final = await must(t, 'dispatcher.nanhu', c.id, 'decide_recheck', { comment: '复核维持复查意见，信访事项终结' });
    expect(final.petition.state).toBe('final');
    expect(final.deadlines.filter((d: { kind: string; status: string }) => d.kind.startsWith('petition_') && d.status === 'pending')).toEqual([]);

    const events = await t.http().get(`/api/v1/cases/${c.id}/events`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual([
      'report', 'accept_petition', 'extend_reply', 'reply', 'follow_up', 'consult', 'reply', 'follow_up', 'request_review', 'decide_review', 'request_recheck', 'decide_recheck',
    ]);
    expect(events.body[1].payload).toMatchObject({ petitionFrom: 'registered', petitionTo: 'accepted' });
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${c.id}`).set('Authorization', await t.tokenOf('supervisor.city')).expect(200);
    expect(audit.body).toMatchObject({ ok: true, events: 12 });
  });

  it('refuses a 复查 requested more than 30 days after the reply', async () => {
    const c = await registerPetition(t, 'dispatcher.nanhu');
    await must(t, 'dispatcher.nanhu', c.id, 'accept_petition');
    await must(t, 'dispatcher.nanhu', c.id, 'reply', { comment: '已责令企业整改。' });
    // Forty days pass.
    await t.db.query(`UPDATE petition SET replied_at = replied_at - interval '40 days' WHERE case_id = $1`, [c.id]);
    const late = await act(t, 'dispatcher.nanhu', c.id, 'request_review', { reason: '要求复查' });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'not_possible', message: expect.stringMatching(/复查请求应在.*30日内/) });
    expect((await detail(t, 'dispatcher.nanhu', c.id)).body.allowedActions).not.toContain('request_review');
  });

  it('declines with a reason and prints the documents with the bureau, the number and escaped text', async () => {
    const c = await registerPetition(t, 'dispatcher.nanhu', { content: '<b>邻居</b>装修噪声扰民', petitioners: [{ name: '钱<script>', idNumber: idNumber() }, { anonymous: true }] });
    expect((await act(t, 'dispatcher.nanhu', c.id, 'decline_petition', {})).status).toBe(422);
    const notYet = await t.http().get(`/api/v1/petitions/${c.id}/documents/non-acceptance-notice`).set('Authorization', await t.tokenOf('dispatcher.nanhu'));
    expect(notYet.status).toBe(422);
    const declined = await must(t, 'dispatcher.nanhu', c.id, 'decline_petition', { reason: '属于<民事纠纷>，已告知向人民调解委员会申请调解' });
    expect(declined.petition.state).toBe('declined');
    expect(declined.deadlines.find((d: { kind: string }) => d.kind === 'petition_accept').status).toBe('met');

    const doc = await t.http().get(`/api/v1/petitions/${c.id}/documents/non-acceptance-notice`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(doc.headers['content-type']).toMatch(/text\/html/);
    expect(doc.text).toContain('嘉兴市生态环境局南湖分局');
    expect(doc.text).toContain('信访事项不予受理告知书');
    expect(doc.text).toContain(`信访件编号：${c.code}`);
    expect(doc.text).toContain('属于&lt;民事纠纷&gt;');
    expect(doc.text).toContain('钱&lt;script&gt;：');
    expect(doc.text).toContain('&lt;b&gt;邻居&lt;/b&gt;');
    expect(doc.text).not.toContain('<script>');
    expect(doc.text.match(/class="page"/g)).toHaveLength(2); // one page per petitioner, the anonymous one too
    expect((await t.http().get(`/api/v1/petitions/${c.id}/documents/acceptance-notice`).set('Authorization', await t.tokenOf('dispatcher.nanhu'))).status).toBe(422);
    expect((await t.http().get(`/api/v1/petitions/${c.id}/documents/non-acceptance-notice`).set('Authorization', await t.tokenOf('supervisor.nanhu'))).status).toBe(403);
    expect((await t.http().get(`/api/v1/petitions/${c.id}/documents/other`).set('Authorization', await t.tokenOf('dispatcher.nanhu'))).status).toBe(400);

    const other = await registerPetition(t, 'dispatcher.nanhu');
    await must(t, 'dispatcher.nanhu', other.id, 'accept_petition');
    const notice = await t.http().get(`/api/v1/petitions/${other.id}/documents/acceptance-notice`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(notice.text).toContain('信访事项受理告知书');
    expect(notice.text).toContain('沈建国：');
    await must(t, 'dispatcher.nanhu', other.id, 'reply', { comment: '已对企业立案查处，罚款人民币十万元。' });
    const opinion = await t.http().get(`/api/v1/petitions/${other.id}/documents/handling-opinion`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(opinion.text).toContain('已对企业立案查处，罚款人民币十万元。');
    expect(opinion.text).toContain('30日内向本机关的上一级机关请求复查');
  });

  it('shows petitioners only to dispatchers of the jurisdiction, never in lists, events or notifications', async () => {
    const name = '褚秀英';
    const phone = '13905739876';
    const id = idNumber();
    const c = await registerPetition(t, 'dispatcher.nanhu', { regionCode: '330402100', petitioners: [{ name, phone, idNumber: id }] });
    const fengqiao = await unitId(t, '凤桥镇生态办');
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    await must(t, 'dispatcher.nanhu', c.id, 'accept_petition');

    const forDispatcher = (await detail(t, 'dispatcher.city', c.id)).body;
    expect(forDispatcher.petition.petitioners).toEqual([expect.objectContaining({ name, phone, idNumber: id })]);
    for (const user of ['handler.fengqiao', 'supervisor.nanhu', 'leader.city', 'admin']) {
      const res = await detail(t, user, c.id);
      expect(res.status).toBe(200);
      expect(res.body.petition).toMatchObject({ state: 'accepted', petitionerCount: 1 });
      expect(res.body.petition.petitioners).toBeUndefined();
      for (const pii of [name, phone, id]) expect(JSON.stringify(res.body)).not.toContain(pii);
      expect(res.body.allowedActions.filter((a: string) => ['reply', 'extend_reply', 'decline_petition'].includes(a))).toEqual([]);
    }
    expect((await act(t, 'handler.fengqiao', c.id, 'reply', { comment: 'x' })).status).toBe(403);
    expect((await detail(t, 'dispatcher.xiuzhou', c.id)).status).toBe(404);

    const list = await t.http().get('/api/v1/cases?petitionState=accepted&pageSize=200').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    for (const pii of [name, phone, id]) expect(JSON.stringify(list.body)).not.toContain(pii);
    const registered = await t.http().get('/api/v1/cases?petitionState=registered&pageSize=200').set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(registered.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const events = await t.http().get(`/api/v1/cases/${c.id}/events`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    for (const pii of [name, phone, id]) expect(JSON.stringify(events.body)).not.toContain(pii);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE title LIKE $1 OR body LIKE $1 OR body LIKE $2`, [`%${name}%`, `%${phone}%`]);
    expect(n).toBe(0);
  });

  it('merges a duplicate petition: every petitioner moves to the surviving petition, the duplicate’s clocks stop', async () => {
    const first = await registerPetition(t, 'dispatcher.nanhu', { petitioners: [{ name: '卫国强', idNumber: idNumber() }] });
    const dup = await registerPetition(t, 'dispatcher.nanhu', { channel: 'visit', petitioners: [{ name: '蒋丽华', phone: '13905731111' }, { name: '沈明', phone: '13905732222' }] });
    const plain = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402101', category: 'air.odor' });

    const refused = await act(t, 'dispatcher.nanhu', dup.id, 'merge', { targetCaseId: plain.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('merge_target_not_petition');
    expect((await detail(t, 'dispatcher.nanhu', dup.id)).body).toMatchObject({ state: 'reported', petition: { petitionerCount: 2 } });

    const merged = await must(t, 'dispatcher.nanhu', dup.id, 'merge', { targetCaseId: first.id });
    expect(merged).toMatchObject({ state: 'merged', duplicateOfId: first.id, petition: { petitionerCount: 0 } });
    expect(merged.allowedActions.filter((a: string) => a.includes('petition') || a === 'reply')).toEqual([]);
    expect(merged.deadlines.find((d: { kind: string }) => d.kind === 'petition_accept').status).toBe('cancelled');
    const survivor = (await detail(t, 'dispatcher.nanhu', first.id)).body;
    expect(survivor.petition.petitionerCount).toBe(3);
    expect(survivor.petition.petitioners.map((p: { name: string }) => p.name).sort()).toEqual(['卫国强', '沈明', '蒋丽华'].sort());
    expect(survivor.petition.petitioners.filter((p: { originalCaseId: string }) => p.originalCaseId === dup.id)).toHaveLength(2);
    expect((await act(t, 'dispatcher.nanhu', dup.id, 'accept_petition')).status).toBe(422);
    // Each of them is answered: the 处理意见书 has a page per petitioner.
    await must(t, 'dispatcher.nanhu', first.id, 'accept_petition');
    await must(t, 'dispatcher.nanhu', first.id, 'reply', { comment: '已责令企业加装废气收集处理设施。' });
    const opinion = await t.http().get(`/api/v1/petitions/${first.id}/documents/handling-opinion`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
    expect(opinion.text.match(/class="page"/g)).toHaveLength(3);
  });
});
