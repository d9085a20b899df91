import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, inDays, must, reportCase, unitId } from '../../../test-support/cases.js';
import { registerPetition } from '../../petitions/__tests__/petition-helpers.js';

describe('an action accepts only its own fields (issue 12 item 6)', () => {
  let t: TestApp;
  let fengqiao: string;
  let yuxin: string;
  beforeAll(async () => {
    t = await createTestApp();
    fengqiao = await unitId(t, '凤桥镇生态办');
    yuxin = await unitId(t, '余新镇生态办');
  });
  afterAll(() => t.close());

  it('refuses report_progress carrying dueAt, approve and leadUnitId with 400 and records nothing', async () => {
    const c = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402100' });
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: fengqiao });
    await must(t, 'handler.fengqiao', c.id, 'sign_for');
    const events = async () => (await t.http().get(`/api/v1/cases/${c.id}/events`).set('Authorization', await t.tokenOf('dispatcher.nanhu'))).body;
    const before = await events();

    const res = await act(t, 'handler.fengqiao', c.id, 'report_progress', { note: '进展', dueAt: inDays(99), approve: true, leadUnitId: yuxin });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'foreign_fields' });
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['approve', 'dueAt', 'leadUnitId']);
    expect(await events()).toEqual(before);

    const ok = await must(t, 'handler.fengqiao', c.id, 'report_progress', { note: '进展', comment: '备注' });
    expect(ok.state).toBe('rectifying');
    const last = (await events()).at(-1);
    expect(Object.keys(last.payload).sort()).toEqual(expect.not.arrayContaining(['dueAt', 'approve', 'leadUnitId']));
  });

  it.each([
    ['accept', { reason: 'x' }],
    ['remind', { note: '催办', dueAt: '2099-01-01' }],
    ['dispatch', { leadUnitId: 'ignored', approve: false }],
  ])('refuses %s with a foreign field', async (action, payload) => {
    const c = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402100' });
    const body = action === 'dispatch' ? { ...payload, leadUnitId: fengqiao } : payload;
    const res = await act(t, 'dispatcher.nanhu', c.id, action, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('foreign_fields');
  });

  it('refuses a petition action carrying fields that are not its own, and records nothing', async () => {
    const p = await registerPetition(t, 'dispatcher.nanhu');
    const events = async () => (await t.http().get(`/api/v1/cases/${p.id}/events`).set('Authorization', await t.tokenOf('dispatcher.nanhu'))).body;
    const before = await events();
    const res = await act(t, 'dispatcher.nanhu', p.id, 'accept_petition', { leadUnitId: fengqiao, satisfaction: 'satisfied' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['leadUnitId', 'satisfaction']);
    expect(await events()).toEqual(before);
    expect((await must(t, 'dispatcher.nanhu', p.id, 'accept_petition', { comment: '予以受理' })).petition.state).toBe('accepted');
  });
});
