// Sign-off of inspection rows (验收 → 公示 → 上级复核 → 销号) and the 交账 report package (DESIGN §15).
import ExcelJS from 'exceljs';
import { binary, day, templateFile } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, uploadPng } from '../../../test-support/cases.js';
import { LedgerSignoffService } from '../ledger-signoff.service.js';
import { UserContextService } from '../../../core/auth/user-context.service.js';

describe('sign-off of inspection rows and the 交账 report package', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('goes 验收 → 公示 (with its end date) → 上级复核 → 销号, in order and by the right people, and reports the rest in the package', async () => {
    const auth = (u: string) => t.tokenOf(u);
    const ledger = await t
      .http()
      .post('/api/v1/ledgers')
      .set('Authorization', await auth('dispatcher.city'))
      .send({ title: `销号测试台账 ${Date.now()}`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '督察组', issuedDate: day(-5), dueDate: day(150) })
      .expect(201);
    const file = await templateFile([
      { seq: 1, title: '凤桥镇河道漂浮物', category: 'water', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(90), measures: '打捞；长效保洁' },
      { seq: 2, title: '凤桥镇工地扬尘', category: 'air.dust', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(90) },
    ]);
    await t.http().post(`/api/v1/ledgers/${ledger.body.id}/import`).set('Authorization', await auth('dispatcher.city')).attach('file', file, '台账.xlsx').expect(201);
    const detail = async () => (await t.http().get(`/api/v1/ledgers/${ledger.body.id}`).set('Authorization', await auth('dispatcher.city')).expect(200)).body;
    const [row1, row2] = (await detail()).items;
    const step = async (user: string, body: Record<string, unknown>, itemId = row1.id) =>
      t.http().post(`/api/v1/ledgers/${ledger.body.id}/items/${itemId}/signoff`).set('Authorization', await auth(user)).send(body);

    // 整改方案: by the lead unit (or a dispatcher over the row), not by another town's handler.
    const plan = await uploadPng(t, 'handler.fengqiao', '整改方案.png');
    await t.http().put(`/api/v1/ledgers/${ledger.body.id}/items/${row1.id}/plan`).set('Authorization', await auth('handler.yuxin')).send({ attachmentId: plan }).expect((r) => expect([403, 404]).toContain(r.status));
    await t.http().put(`/api/v1/ledgers/${ledger.body.id}/items/${row1.id}/plan`).set('Authorization', await auth('handler.fengqiao')).send({ attachmentId: plan }).expect(200);
    expect((await detail()).items[0].planAttachmentId).toBe(plan);

    // Not before every case of the row is closed.
    const materials = [await uploadPng(t, 'dispatcher.nanhu', '验收报告.png')];
    const early = await step('dispatcher.nanhu', { action: 'accept', comment: '申请验收', attachmentIds: materials });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'item_cases_open', message: '第 1 项还有 1 个案件未销号，不能验收' });

    const caseId = row1.cases[0].id;
    await must(t, 'handler.fengqiao', caseId, 'sign_for');
    await must(t, 'handler.fengqiao', caseId, 'submit_completion', { measures: '已打捞', attachmentIds: [await uploadPng(t, 'handler.fengqiao')] });
    await must(t, 'supervisor.nanhu', caseId, 'approve', { comment: '县级核查通过' });
    await must(t, 'supervisor.city', caseId, 'approve', { comment: '市级核查通过' });

    expect((await step('dispatcher.nanhu', { action: 'publish', comment: '公示' })).status).toBe(409); // 验收 first
    expect((await step('dispatcher.nanhu', { action: 'accept', comment: '申请验收' })).status).toBe(422); // materials
    expect((await step('handler.fengqiao', { action: 'accept', comment: '申请验收', attachmentIds: materials })).status).toBe(403);
    expect((await step('dispatcher.nanhu', { action: 'accept', comment: '县级验收通过', attachmentIds: materials })).body).toMatchObject({ stage: 'accepted', noticeEndsOn: null });

    const published = await step('dispatcher.nanhu', { action: 'publish', comment: '在区政府网站公示' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ stage: 'notice', noticeEndsOn: day(5) });
    expect((await detail()).items[0]).toMatchObject({ signoffStage: 'notice', noticeEndsOn: day(5) });

    // The review is for a supervisor above the county, after the notice has run.
    expect((await step('supervisor.nanhu', { action: 'review', comment: '复核', passed: true })).status).toBe(403);
    const running = await step('supervisor.city', { action: 'review', comment: '复核', passed: true });
    expect(running.status).toBe(409);
    expect(running.body.message).toBe(`公示期至 ${day(5)}，公示期满后方可复核`);
    const signoffs = t.app.get(LedgerSignoffService);
    const [{ id: supervisorId }] = await t.db.query(`SELECT id FROM app_user WHERE username = 'supervisor.city'`);
    const user = (await t.app.get(UserContextService).load(supervisorId))!;
    await expect(signoffs.step(user, ledger.body.id, row1.id, { action: 'review', comment: '复核通过，同意销号', passed: true }, new Date(Date.now() + 6 * 86_400_000))).resolves.toMatchObject({
      stage: 'signed_off',
    });
    expect((await detail()).items[0]).toMatchObject({ signoffStage: 'signed_off' });
    const kinds = await t.db.query(`SELECT kind FROM ledger_event WHERE ledger_id = $1 ORDER BY id`, [ledger.body.id]);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['created', 'imported', 'acceptance', 'notice', 'signed_off']);

    // 交账 report package: every row, and the unsigned row with the county's explanation.
    await t
      .http()
      .post(`/api/v1/ledgers/${ledger.body.id}/report-back`)
      .set('Authorization', await auth('supervisor.nanhu'))
      .send({ regionCode: '330402', comment: '南湖区交账', explanations: [{ itemId: row2.id, note: '工地仍在施工，扬尘管控长期坚持' }] })
      .expect(201);
    const pkg = await t.http().get(`/api/v1/ledgers/${ledger.body.id}/report-package`).set('Authorization', await auth('leader.city')).buffer(true).parse(binary);
    expect(pkg.status).toBe(200);
    expect(pkg.headers['content-disposition']).toMatch(/^attachment; filename="ledger-report-\d{8}\.xlsx"; filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(pkg.body as never);
    const sheet = wb.getWorksheet('台账')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const stageCol = header.indexOf('销号阶段');
    expect(sheet.getRow(3).getCell(stageCol).value).toBe('已复核销号');
    const notes = wb.getWorksheet('未销号问题说明')!;
    expect(notes.getRow(2).values).toEqual([undefined, 2, '凤桥镇工地扬尘', '待签收', '未销号', '南湖区：工地仍在施工，扬尘管控长期坚持']);
    expect(notes.rowCount).toBe(2);
  });
});
