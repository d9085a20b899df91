import JSZip from 'jszip';
import { withCheckChar } from '@ecoloop/workflow';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { act, inDays, must, reportCase, unitId, uploadPng } from '../../../test-support/cases.js';
import { enterpriseWorkbook } from '../enterprise-xlsx.js';

/** Valid, made-up credit codes for this run: 91 + county + MA + a run stamp + n, check character computed. */
const stamp = Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, '1').slice(-6).padStart(6, '0');
const code = (county: string, n: number) => withCheckChar(`91${county}MA${stamp}${n}`);
const DYE = code('330402', 1);
const CHEM = code('330402', 2);
const TEXTILE = code('330411', 3);

describe('enterprises (DESIGN §13)', () => {
  let t: TestApp;
  const auth = (user: string) => t.tokenOf(user);
  const importFile = async (user: string, rows: Parameters<typeof enterpriseWorkbook>[0]) =>
    t.http().post('/api/v1/enterprises/import').set('Authorization', await auth(user)).attach('file', await enterpriseWorkbook(rows), '企业名录.xlsx');
  const get = async (creditCode: string, user = 'dispatcher.nanhu') => (await t.http().get(`/api/v1/enterprises/${creditCode}`).set('Authorization', await auth(user)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('imports all rows or none, with every row error and the GB 32100 check', async () => {
    const bad = await importFile('dispatcher.city', [
      { creditCode: DYE, name: '嘉兴凤桥印染有限公司', region: '凤桥镇' },
      { creditCode: `${DYE.slice(0, 17)}${DYE[17] === '0' ? '1' : '0'}`, name: '校验位错', region: '凤桥镇' },
      { creditCode: DYE, name: '重复', region: '凤桥镇' },
      { creditCode: CHEM, name: '', region: '不存在的镇', keyDischarger: '也许', lat: 200 },
    ]);
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('enterprise_import_refused');
    expect(bad.body.details).toEqual(
      expect.arrayContaining([
        { row: 4, column: '统一社会信用代码', message: '统一社会信用代码校验位错误' },
        { row: 5, column: '统一社会信用代码', message: '统一社会信用代码与第3行重复' },
        { row: 6, column: '企业名称', message: '企业名称必填' },
        { row: 6, column: '所属区域', message: '区域“不存在的镇”不存在' },
        { row: 6, column: '重点排污单位', message: '重点排污单位请填写“是”或“否”' },
      ]),
    );
    expect((await t.db.query(`SELECT count(*)::int AS n FROM enterprise WHERE credit_code = $1`, [DYE]))[0].n).toBe(0);

    // A county dispatcher may not import an enterprise of another county.
    const outside = await importFile('dispatcher.nanhu', [{ creditCode: TEXTILE, name: '嘉兴王江泾纺织有限公司', region: '王江泾镇' }]);
    expect(outside.status).toBe(422);
    expect(outside.body.details[0].message).toContain('不在您的管辖范围内');
    expect((await importFile('grid.fengqiao001', [{ creditCode: DYE, name: 'x', region: '凤桥镇' }])).status).toBe(403);
    expect((await importFile('handler.fengqiao', [{ creditCode: DYE, name: 'x', region: '凤桥镇' }])).status).toBe(403);

    const ok = await importFile('dispatcher.city', [
      { creditCode: DYE, name: '嘉兴凤桥印染有限公司', region: '凤桥镇', industry: '印染', permitNumber: '91330402MA0000000X001P', keyDischarger: '是', lng: 120.81, lat: 30.67, contactName: '王经理', contactPhone: '0573-83000001' },
      { creditCode: CHEM.toLowerCase(), name: '嘉兴南湖精细化工有限公司', region: '330402101', industry: '化工', keyDischarger: '否', creditRating: 'D' },
      { creditCode: TEXTILE, name: '嘉兴王江泾纺织有限公司', region: '王江泾镇', industry: '纺织' },
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ imported: 3, created: 3, updated: 0 });
    const again = await importFile('dispatcher.city', [{ creditCode: TEXTILE, name: '嘉兴王江泾纺织股份有限公司', region: '王江泾镇' }]);
    expect(again.body).toEqual({ imported: 1, created: 0, updated: 1 });
    expect(await get(DYE)).toMatchObject({ name: '嘉兴凤桥印染有限公司', keyDischarger: true, lat: 30.67, lng: 120.81, regionName: '凤桥镇', healthCode: 'green' });
  });

  it('lists, searches and filters by colour and region, with counts per colour', async () => {
    const list = async (query: string) => (await t.http().get(`/api/v1/enterprises?${query}`).set('Authorization', await auth('leader.city')).expect(200)).body;
    const chem = await list(`q=${encodeURIComponent('精细化工')}`);
    expect(chem.items.map((e: { creditCode: string }) => e.creditCode)).toEqual([CHEM]);
    expect(chem.items[0]).toMatchObject({ healthCode: 'red', creditRating: 'D', healthReasons: [{ effect: 'red', text: '环境信用评价为不良（D）' }] });
    expect((await list(`q=${DYE.slice(0, 12).toLowerCase()}`)).items.map((e: { creditCode: string }) => e.creditCode)).toEqual(expect.arrayContaining([DYE, CHEM]));
    const nanhu = await list('regionCode=330402&pageSize=200');
    const codes = nanhu.items.map((e: { creditCode: string }) => e.creditCode);
    expect(codes).toEqual(expect.arrayContaining([DYE, CHEM]));
    expect(codes).not.toContain(TEXTILE);
    expect(nanhu.total).toBe(nanhu.counts.green + nanhu.counts.yellow + nanhu.counts.red);
    const red = await list('regionCode=330402&healthCode=red&pageSize=200');
    expect(red.total).toBe(nanhu.counts.red);
    expect(red.items.every((e: { healthCode: string }) => e.healthCode === 'red')).toBe(true);
    expect(red.counts).toEqual(nanhu.counts);
    expect((await list(`code=${TEXTILE.toLowerCase()}`)).items.map((e: { name: string }) => e.name)).toEqual(['嘉兴王江泾纺织股份有限公司']);
    const template = await t.http().get('/api/v1/enterprises/template').set('Authorization', await auth('dispatcher.nanhu')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(template.status).toBe(200);
    expect(template.header['content-type']).toContain('spreadsheetml');
    expect((template.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await t.http().get('/api/v1/enterprises/template').set('Authorization', await auth('leader.city'))).status).toBe(403);
    // The template as downloaded holds only its example row: nothing to import.
    const unchanged = await t.http().post('/api/v1/enterprises/import').set('Authorization', await auth('dispatcher.nanhu')).attach('file', template.body as Buffer, '企业名录导入模板.xlsx');
    expect(unchanged.status).toBe(422);
    expect(unchanged.body.details).toEqual([{ row: 0, message: '没有数据行' }]);
    const notXlsx = await t.http().post('/api/v1/enterprises/import').set('Authorization', await auth('dispatcher.nanhu')).attach('file', Buffer.from('a,b\n1,2'), 'x.xlsx');
    expect(notXlsx.status).toBe(422);
    expect(notXlsx.body.details[0].message).toContain('不是有效的 .xlsx');
    // A zip bomb is refused from the zip directory (the ledger import's guard), before any parsing.
    const zip = await JSZip.loadAsync(await enterpriseWorkbook([{ creditCode: DYE, name: '嘉兴凤桥印染有限公司', region: '凤桥镇' }]));
    zip.file('xl/filler.xml', '0'.repeat(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const refused = await t.http().post('/api/v1/enterprises/import').set('Authorization', await auth('dispatcher.nanhu')).attach('file', bomb, '企业名录.xlsx');
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('file_too_large');
    expect((await t.http().get('/api/v1/enterprises?healthCode=purple').set('Authorization', await auth('leader.city'))).status).toBe(400);
  });

  it('keeps a code green on unverified complaints and turns it yellow on a violation confirmed at sign-off', async () => {
    const complaints = [];
    for (let i = 0; i < 4; i++) complaints.push(await reportCase(t, 'grid.fengqiao001', { enterpriseCreditCode: DYE, category: 'water.outfall', severity: i ? 'general' : 'major' }));
    const open = await get(DYE);
    expect(open.healthCode).toBe('green');
    expect(open.healthReasons).toContainEqual({ effect: 'info', text: '待核实的投诉或问题4件（未经核实，不影响赋码）' });

    const c = complaints[1];
    await must(t, 'dispatcher.nanhu', c.id, 'dispatch', { leadUnitId: await unitId(t, '凤桥镇生态办'), dueAt: inDays(10) });
    await must(t, 'handler.fengqiao', c.id, 'sign_for');
    const bad = await act(t, 'handler.fengqiao', c.id, 'submit_completion', { measures: '封堵排口', attachmentIds: [await uploadPng(t, 'handler.fengqiao')], finding: 'probably' });
    expect(bad.status).toBe(400);
    await must(t, 'handler.fengqiao', c.id, 'submit_completion', { measures: '封堵排口', attachmentIds: [await uploadPng(t, 'handler.fengqiao')], finding: 'confirmed' });
    expect((await get(DYE)).healthCode).toBe('green'); // not signed off yet
    await must(t, 'supervisor.fengqiao', c.id, 'approve', { comment: '现场核实属实并已整改' }); // a grid-found general case is signed off by its town (§11)
    const yellow = await get(DYE);
    expect(yellow.healthCode).toBe('yellow');
    expect(yellow.healthReasons[0]).toEqual({ effect: 'yellow', text: expect.stringContaining(`销号核实确认违法问题（案件 ${c.code}）`) });
    // The case list marks each case with its enterprise's code (green = 正面清单).
    const listed = (await t.http().get(`/api/v1/cases?q=${encodeURIComponent(c.code)}`).set('Authorization', await auth('dispatcher.nanhu')).expect(200)).body;
    expect(listed.items[0]).toMatchObject({ id: c.id, enterpriseCreditCode: DYE, enterpriseHealthCode: 'yellow' });
    expect(yellow.codeHistory.map((h: { fromCode: string | null; code: string }) => [h.fromCode, h.code])).toEqual([
      ['green', 'yellow'],
      [null, 'green'],
    ]);
  });

  it('records transfer_enforcement in its own table, shows it, and turns the code red on a penalty decision', async () => {
    const c = await reportCase(t, 'grid.fengqiao001', { enterpriseCreditCode: DYE, category: 'water.outfall' });
    const detail = (await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await auth('dispatcher.nanhu'))).body;
    expect(detail.allowedActions).toContain('transfer_enforcement');
    const handlerView = (await t.http().get(`/api/v1/cases/${c.id}`).set('Authorization', await auth('supervisor.nanhu'))).body;
    expect(handlerView.allowedActions).toContain('transfer_enforcement');
    expect((await act(t, 'dispatcher.xiuzhou', c.id, 'transfer_enforcement', { caseNumber: '嘉环立字〔2026〕1号' })).status).toBe(404);
    expect((await act(t, 'grid.fengqiao001', c.id, 'transfer_enforcement', { caseNumber: '嘉环立字〔2026〕1号' })).status).toBe(403);
    const missing = await act(t, 'dispatcher.nanhu', c.id, 'transfer_enforcement', { fine: 1000 });
    expect(missing.status).toBe(422);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['caseNumber', 'penaltyDecisionNo']));

    const first = await must(t, 'dispatcher.nanhu', c.id, 'transfer_enforcement', { caseNumber: '嘉环（南）立字〔2026〕18号', comment: '涉嫌超标排放，移交综合执法' });
    expect(first.state).toBe('reported');
    expect((await get(DYE)).healthCode).toBe('yellow'); // a case number alone decides nothing
    await must(t, 'supervisor.nanhu', c.id, 'transfer_enforcement', { caseNumber: '嘉环（南）立字〔2026〕18号', penaltyDecisionNo: '嘉环（南）罚字〔2026〕18号', fine: 125000.5, policeReferral: true });
    const events = (await t.http().get(`/api/v1/cases/${c.id}/events`).set('Authorization', await auth('dispatcher.nanhu'))).body;
    expect(events.at(-1)).toMatchObject({ action: 'transfer_enforcement', fromState: 'reported', toState: 'reported', payload: { penaltyDecisionNo: '嘉环（南）罚字〔2026〕18号', fine: 125000.5, policeReferral: true } });
    const red = await get(DYE);
    expect(red.healthCode).toBe('red');
    expect(red.healthReasons[0]).toEqual({ effect: 'red', text: expect.stringContaining('行政处罚（决定书 嘉环（南）罚字〔2026〕18号') });
    expect(red.enforcement).toEqual([
      expect.objectContaining({ caseId: c.id, caseCode: c.code, eventSeq: events.at(-1).seq, penaltyDecisionNo: '嘉环（南）罚字〔2026〕18号', fine: 125000.5, policeReferral: true, actorName: expect.any(String) }),
      expect.objectContaining({ eventSeq: events.at(-2).seq, caseNumber: '嘉环（南）立字〔2026〕18号', penaltyDecisionNo: null, fine: null, policeReferral: false }),
    ]);
    // Outside the caller's scope the case and its enforcement are not shown.
    const xiuzhou = await get(DYE, 'dispatcher.xiuzhou');
    expect(xiuzhou.healthCode).toBe('red');
    expect(xiuzhou.cases).toEqual([]);
    expect(xiuzhou.enforcement).toEqual([]);
  });

  it('repairs credit: apply → county review → 7-day 公示 → approve after it ends → code recomputed', async () => {
    const apply = async (user: string, body: Record<string, unknown>) => t.http().post('/api/v1/credit-repairs').set('Authorization', await auth(user)).send(body);
    const evidence = await uploadPng(t, 'dispatcher.nanhu', '整改照片.png');
    const body = { creditCode: DYE, commitment: '本企业承诺已完成整改，严格遵守排污许可要求，如有违反自愿接受处理。', attachmentIds: [evidence] };
    expect((await apply('dispatcher.xiuzhou', body)).status).toBe(403);
    expect((await apply('dispatcher.nanhu', { ...body, attachmentIds: [] })).status).toBe(400);
    const created = await apply('dispatcher.nanhu', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'under_review', creditCode: DYE, publicityEndsAt: null, allowedActions: [] });
    expect((await apply('dispatcher.nanhu', { ...body, attachmentIds: [await uploadPng(t, 'dispatcher.nanhu')] })).status).toBe(409);
    const id = created.body.id;
    const step = async (user: string, action: string, comment?: string) =>
      t.http().post(`/api/v1/credit-repairs/${id}/actions/${action}`).set('Authorization', await auth(user)).send(comment ? { comment } : {});

    const queue = (await t.http().get('/api/v1/credit-repairs?state=under_review').set('Authorization', await auth('supervisor.nanhu')).expect(200)).body;
    expect(queue.find((r: { id: string }) => r.id === id)).toMatchObject({ allowedActions: ['review_pass', 'refuse'] });
    expect((await t.http().get('/api/v1/credit-repairs').set('Authorization', await auth('supervisor.xiuzhou')).expect(200)).body.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await step('dispatcher.nanhu', 'review_pass')).status).toBe(403);
    expect((await step('supervisor.nanhu', 'approve')).status).toBe(422);
    const noticed = await step('supervisor.nanhu', 'review_pass', '材料齐全，同意公示');
    expect(noticed.status).toBe(200);
    expect(noticed.body.state).toBe('publicized');
    expect(new Date(noticed.body.publicityEndsAt).getTime() - new Date(noticed.body.publicityStartsAt).getTime()).toBe(7 * 86_400_000);
    const early = await step('supervisor.nanhu', 'approve');
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('公示期至');
    expect((await get(DYE)).healthCode).toBe('red');

    // Seven days pass: the notice ends (moved back rather than waiting).
    await t.db.query(`UPDATE credit_repair SET publicity_starts_at = publicity_starts_at - interval '7 days', publicity_ends_at = publicity_ends_at - interval '7 days' WHERE id = $1`, [id]);
    const approved = await step('supervisor.nanhu', 'approve', '公示期内无异议');
    expect(approved.body).toMatchObject({ state: 'approved', steps: [{ action: 'apply' }, { action: 'review_pass' }, { action: 'approve', comment: '公示期内无异议' }] });
    const repaired = await get(DYE);
    expect(repaired.healthCode).toBe('green');
    expect(repaired.healthReasons).toContainEqual({ effect: 'info', text: expect.stringMatching(/^\d+项事实已经信用修复/) });
    expect(repaired.repairs[0]).toMatchObject({ id, state: 'approved' });
    expect(repaired.codeHistory[0]).toMatchObject({ fromCode: 'red', code: 'green' });
    expect((await step('supervisor.nanhu', 'refuse', '迟来的异议')).status).toBe(422);
  });

  it('refuses a repair with a reason and keeps the code', async () => {
    const evidence = await uploadPng(t, 'dispatcher.nanhu');
    const created = (
      await t.http().post('/api/v1/credit-repairs').set('Authorization', await auth('dispatcher.nanhu')).send({ creditCode: CHEM, commitment: '承诺整改到位，接受社会监督与复查。', attachmentIds: [evidence] })
    ).body;
    const refuse = (comment?: string) =>
      auth('supervisor.nanhu').then((a) => t.http().post(`/api/v1/credit-repairs/${created.id}/actions/refuse`).set('Authorization', a).send(comment ? { comment } : {}));
    expect((await refuse()).status).toBe(422);
    expect((await refuse('信用评价仍为D级，不符合修复条件')).body.state).toBe('refused');
    expect((await get(CHEM)).healthCode).toBe('red');
  });

  it('records 约谈 on an enterprise or a region with a follow-up case the caller can see', async () => {
    const followUp = await reportCase(t, 'dispatcher.nanhu', { regionCode: '330402100', enterpriseCreditCode: CHEM, title: '约谈整改：精细化工废气治理', category: 'air.odor', source: 'enforcement_check' });
    const post = async (user: string, body: Record<string, unknown>) => t.http().post('/api/v1/interviews').set('Authorization', await auth(user)).send(body);
    const body = { enterpriseCreditCode: CHEM, heldAt: '2026-11-20T09:00:00+08:00', interviewer: '南湖分局', attendees: ['企业法定代表人', '环保负责人'], demands: '30日内完成废气收集设施改造', followUpCaseId: followUp.id };
    expect((await post('dispatcher.xiuzhou', body)).status).toBe(403);
    expect((await post('dispatcher.nanhu', { ...body, followUpCaseId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    const created = await post('dispatcher.nanhu', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ regionCode: '330402101', enterpriseName: '嘉兴南湖精细化工有限公司', followUpCaseCode: followUp.code, attendees: ['企业法定代表人', '环保负责人'] });
    const region = await post('supervisor.city', { regionCode: '330402', heldAt: '2026-11-25T14:00:00+08:00', interviewer: '嘉兴市生态环境局', attendees: ['南湖区分管副区长'], demands: '限期消除水质考核断面超标' });
    expect(region.status).toBe(201);
    const list = (await t.http().get('/api/v1/interviews?regionCode=330402').set('Authorization', await auth('leader.city')).expect(200)).body;
    expect(list.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([created.body.id, region.body.id]));
    expect((await t.http().get('/api/v1/interviews').set('Authorization', await auth('dispatcher.xiuzhou')).expect(200)).body.map((i: { id: string }) => i.id)).not.toContain(created.body.id);
    expect((await get(CHEM)).interviews.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });

  it('answers 404 for an unknown enterprise', async () => {
    await t.http().get(`/api/v1/enterprises/${code('330402', 9)}`).set('Authorization', await auth('dispatcher.nanhu')).expect(404);
  });
});
