import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { binary, day, templateFile, type TemplateRow as Row } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, uploadPng } from '../../../test-support/cases.js';
import { readLedgerRows } from '../ledger-xlsx.js';
import { readLedgerRowsIsolated } from '../ledger-file-guard.js';

/** Every cell of every sheet as text. */
async function allText(file: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))));
  return out.join('\n');
}

/** An .xlsx in the documented template: Chinese header row, hidden row of field keys, the rows, a 说明 sheet. */
const documented = (rows: Row[]) => templateFile(rows, { keyRow: true, notesSheet: true });

describe('inspection-feedback ledgers (台账)', () => {
  let t: TestApp;
  const auth = (u: string) => t.tokenOf(u);

  const rows: Row[] = [
    { seq: 1, title: '凤桥镇三星村入河排污口私设暗管偷排', description: '群众反映夜间有暗管向河道排放污水', category: '入河排污口', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', coUnits: '南湖分局', deadline: day(60), milestones: `${day(20)};${day(40)}`, target: '封堵暗管，排污口规范整治' },
    { seq: 2, title: '南湖区、秀洲区交界新塍塘沿岸扬尘污染', category: 'air.dust', county: '南湖区、秀洲区', town: '凤桥镇、王江泾镇', leadUnit: '凤桥镇生态办、王江泾镇生态办', deadline: new Date(`${day(90)}T00:00:00Z`), target: '裸土覆盖、道路洒水' },
    { seq: 3, title: '新塍镇南星港黑臭水体', category: '水/黑臭水体', county: '330411', town: '新塍镇', leadUnit: '新塍镇生态办', coUnits: '秀洲分局', deadline: day(120) },
  ];

  async function createLedger(user: string, body: Record<string, unknown> = {}) {
    const res = await t
      .http()
      .post('/api/v1/ledgers')
      .set('Authorization', await auth(user))
      .send({ title: `第三轮中央生态环境保护督察交办问题整改台账 ${Date.now()}`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '中央第三生态环境保护督察组', issuedDate: day(-5), dueDate: day(150), ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function importFile(user: string, ledgerId: string, file: Buffer) {
    return t.http().post(`/api/v1/ledgers/${ledgerId}/import`).set('Authorization', await auth(user)).attach('file', file, '台账.xlsx');
  }

  async function detail(user: string, ledgerId: string) {
    const res = await t.http().get(`/api/v1/ledgers/${ledgerId}`).set('Authorization', await auth(user));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function exportFile(user: string, ledgerId: string) {
    const res = await t.http().get(`/api/v1/ledgers/${ledgerId}/export`).set('Authorization', await auth(user)).buffer(true).parse(binary);
    return res;
  }

  async function ledgerCounts(ledgerId: string) {
    const [{ items, cases }] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM ledger_item WHERE ledger_id = $1) AS items, (SELECT count(*)::int FROM "case" WHERE ledger_id = $1) AS cases`,
      [ledgerId],
    );
    return { items, cases };
  }

  /** Runs a ledger case from assigned to closed: lead-unit handler, then county and city sign-off. */
  async function signOff(caseId: string, handler: string, countySupervisor: string) {
    await must(t, handler, caseId, 'sign_for');
    await must(t, handler, caseId, 'submit_completion', { measures: '已完成整改', attachmentIds: [await uploadPng(t, handler)] });
    await must(t, countySupervisor, caseId, 'approve', { comment: '县级核查通过' });
    return must(t, 'supervisor.city', caseId, 'approve', { comment: '市级核查通过，同意销号' });
  }

  let ledger: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    ledger = await createLedger('dispatcher.city');
    const res = await importFile('dispatcher.city', ledger.id, await documented(rows));
    expect(res.status).toBe(201);
  });
  afterAll(() => t.close());

  it('creates a ledger and imports a template file into items and one dispatched case per county', async () => {
    const body = await detail('dispatcher.city', ledger.id);
    expect(body).toMatchObject({ kind: 'inspection_feedback', source: 'central_inspection', regionCode: '330400', regionName: '嘉兴市' });
    expect(body.items.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
    expect(body.items[0]).toMatchObject({
      category: 'water.outfall',
      counties: [{ code: '330402', name: '南湖区' }],
      towns: [{ code: '330402100', name: '凤桥镇' }],
      leadUnits: [{ name: '凤桥镇生态办' }],
      coUnits: [{ name: '南湖分局' }],
      dueDate: day(60),
      milestones: [day(20), day(40)],
      status: 'dispatched',
      signedOff: false,
    });
    expect(body.items[1].cases.map((c: { countyName: string; leadUnitName: string }) => [c.countyName, c.leadUnitName])).toEqual(
      expect.arrayContaining([
        ['南湖区', '凤桥镇生态办'],
        ['秀洲区', '王江泾镇生态办'],
      ]),
    );
    expect(body.items[2]).toMatchObject({ category: 'water.black_odorous', counties: [{ code: '330411' }], towns: [{ name: '新塍镇' }] });
    expect(body.progress).toMatchObject({ items: 3, cases: 4, dispatched: 4, rectifying: 0, overdue: 0, signedOff: 0 });
    expect(body.counties.map((c: { regionName: string; cases: number }) => [c.regionName, c.cases])).toEqual([
      ['南湖区', 2],
      ['秀洲区', 2],
    ]);

    const list = await t.http().get(`/api/v1/cases?ledgerId=${ledger.id}&pageSize=50`).set('Authorization', await auth('dispatcher.city')).expect(200);
    expect(list.body.total).toBe(4);
    for (const c of list.body.items) {
      expect(c).toMatchObject({ state: 'assigned', severity: 'major', source: 'central_inspection', signoffSteps: ['county', 'city'], ledgerId: ledger.id, deadlineKind: 'sign_for' });
    }
    const first = body.items[0].cases[0];
    const events = await t.http().get(`/api/v1/cases/${first.id}/events`).set('Authorization', await auth('dispatcher.city')).expect(200);
    expect(events.body.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
      ['report', '市局调度员'],
      ['dispatch', '市局调度员'],
    ]);
    const audit = await t.http().get(`/api/v1/audit/verify?caseId=${first.id}`).set('Authorization', await auth('supervisor.city')).expect(200);
    expect(audit.body).toMatchObject({ ok: true, events: 2 });
    const full = await t.http().get(`/api/v1/cases/${first.id}`).set('Authorization', await auth('dispatcher.city')).expect(200);
    const rectify = full.body.deadlines.find((d: { kind: string }) => d.kind === 'rectify');
    expect(rectify).toMatchObject({ status: 'pending', dueAt: new Date(`${day(60)}T17:30:00+08:00`).toISOString() });
  });

  it('refuses a file with bad rows whole, listing every row error, and writes nothing', async () => {
    const fresh = await createLedger('dispatcher.city');
    const bad: Row[] = [
      ...rows,
      { seq: 4, title: '', category: 'water', county: '南湖区', leadUnit: '凤桥镇生态办', deadline: day(30) },
      { seq: 5, title: '未知单位', category: 'water', county: '南湖区', leadUnit: '不存在的单位', deadline: day(30) },
      { seq: 6, title: '未知地区', category: 'water', county: '火星区', leadUnit: '凤桥镇生态办', deadline: day(30) },
      { seq: 7, title: '日期错误', category: 'water', county: '南湖区', leadUnit: '凤桥镇生态办', deadline: '2026-02-30' },
      { seq: 1, title: '序号重复', category: 'water', county: '南湖区', leadUnit: '凤桥镇生态办', deadline: day(30) },
      { seq: 8, title: rows[0].title, category: 'water', county: '南湖区', leadUnit: '凤桥镇生态办', deadline: day(30) },
    ];
    const res = await importFile('dispatcher.city', fresh.id, await documented(bad));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', message: expect.any(String) });
    const errors = res.body.details.map((d: { row: number; column: string }) => [d.row, d.column]);
    expect(errors).toEqual([
      [6, '问题标题'],
      [7, '牵头单位'],
      [8, '县（市、区）'],
      [9, '整改时限'],
      [10, '序号'],
      [11, '问题标题'],
    ]);
    for (const d of res.body.details) expect(d.message).toEqual(expect.any(String));
    expect(await ledgerCounts(fresh.id)).toEqual({ items: 0, cases: 0 });

    // The same valid rows again into the ledger that holds them: duplicates of its rows.
    const again = await importFile('dispatcher.city', ledger.id, await documented(rows));
    expect(again.status).toBe(422);
    expect(again.body.details).toEqual(expect.arrayContaining([{ row: 3, column: '序号', sheet: '台账', message: '台账中已有序号 1' }]));
    expect(await ledgerCounts(ledger.id)).toEqual({ items: 3, cases: 4 });
  });

  it('exports in the template: the export re-imports into a new ledger as the same rows, holds only a county user’s rows, and no reporter PII', async () => {
    const [one] = await t.db.query(`SELECT id FROM "case" WHERE ledger_id = $1 ORDER BY code LIMIT 1`, [ledger.id]);
    await t.db.query(`UPDATE "case" SET reporter_name = '举报人张三', reporter_phone = '13912345678' WHERE id = $1`, [one.id]);

    const res = await exportFile('dispatcher.city', ledger.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const text = await allText(res.body);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('举报人张三');
    for (const header of ['序号', '问题标题', '状态', '序时进展', '销号日期', '是否超期']) expect(text).toContain(header);

    const exported = await readLedgerRows(Readable.from(res.body));
    expect(exported.map((r) => r.values.seq)).toEqual([1, 2, 3]);
    const copy = await createLedger('dispatcher.city');
    const reimport = await importFile('dispatcher.city', copy.id, res.body);
    expect(reimport.status).toBe(201);
    expect(reimport.body).toMatchObject({ items: 3, cases: 4 });
    const shape = (b: { items: Record<string, unknown>[] }) =>
      b.items.map(({ seq, title, description, category, counties, towns, leadUnits, coUnits, dueDate, milestones, target }) => ({ seq, title, description, category, counties, towns, leadUnits, coUnits, dueDate, milestones, target }));
    expect(shape(await detail('dispatcher.city', copy.id))).toEqual(shape(await detail('dispatcher.city', ledger.id)));

    const county = await exportFile('dispatcher.nanhu', ledger.id);
    expect(county.status).toBe(200);
    const countyRows = await readLedgerRows(Readable.from(county.body));
    expect(countyRows.map((r) => [r.values.seq, r.values.county])).toEqual([
      [1, '南湖区'],
      [2, '南湖区'],
    ]);
    const countyText = await allText(county.body);
    expect(countyText).not.toContain('王江泾镇生态办');
    expect(countyText).not.toContain('13912345678');
  });

  it('keeps a two-county item open until both cases are signed off; report-back is refused while rows are open and accepted after', async () => {
    const start = await detail('dispatcher.city', ledger.id);
    const [itemA, itemB, itemC] = start.items;
    const caseIn = (item: { cases: { countyCode: string; id: string }[] }, county: string) => item.cases.find((c) => c.countyCode === county)!.id;

    const refused = await t.http().post(`/api/v1/ledgers/${ledger.id}/report-back`).set('Authorization', await auth('supervisor.nanhu')).send({ regionCode: '330402', comment: '南湖区整改完成' });
    expect(refused.status).toBe(422);
    expect(refused.body.details.map((d: { row: number }) => d.row)).toEqual([1, 2]);

    // 序时进展 by the lead unit; a unit outside the item may not report.
    const progress = await t.http().post(`/api/v1/ledgers/${ledger.id}/items/${itemA.id}/progress`).set('Authorization', await auth('handler.fengqiao')).send({ period: '2026-Q4', note: '暗管已封堵，正在开展排污口规范化整治' });
    expect(progress.status).toBe(201);
    expect(progress.body).toMatchObject({ unitName: '凤桥镇生态办', unitRole: 'lead', period: '2026-Q4' });
    await t.http().post(`/api/v1/ledgers/${ledger.id}/items/${itemA.id}/progress`).set('Authorization', await auth('handler.wangjiangjing')).send({ period: '2026-Q4', note: 'x' }).expect(403);

    await signOff(caseIn(itemB, '330402'), 'handler.fengqiao', 'supervisor.nanhu');
    const half = await detail('dispatcher.city', ledger.id);
    expect(half.items[1]).toMatchObject({ signedOff: false, signedOffAt: null });
    expect(half.items[1].status).not.toBe('signed_off');
    expect(half.items[0].progress).toEqual([expect.objectContaining({ note: '暗管已封堵，正在开展排污口规范化整治' })]);

    await signOff(caseIn(itemA, '330402'), 'handler.fengqiao', 'supervisor.nanhu');
    const nanhu = await t.http().post(`/api/v1/ledgers/${ledger.id}/report-back`).set('Authorization', await auth('supervisor.nanhu')).send({ regionCode: '330402', comment: '南湖区交办问题已全部销号' });
    expect(nanhu.status).toBe(201);
    expect(nanhu.body).toMatchObject({ regionCode: '330402', signedOffItems: 2, explanations: [] });
    await t.http().post(`/api/v1/ledgers/${ledger.id}/report-back`).set('Authorization', await auth('supervisor.xiuzhou')).send({ regionCode: '330402', comment: 'x' }).expect(403);

    await signOff(caseIn(itemB, '330411'), 'handler.wangjiangjing', 'supervisor.xiuzhou');
    const done = await detail('dispatcher.city', ledger.id);
    expect(done.items[1]).toMatchObject({ signedOff: true, status: 'signed_off', signedOffAt: expect.any(String) });
    expect(done.items[0]).toMatchObject({ signedOff: true });

    const xiuzhou = await t
      .http()
      .post(`/api/v1/ledgers/${ledger.id}/report-back`)
      .set('Authorization', await auth('supervisor.xiuzhou'))
      .send({ regionCode: '330411', comment: '秀洲区交账', explanations: [{ itemId: itemC.id, note: '属长期整治类，已完成阶段性目标' }] });
    expect(xiuzhou.status).toBe(201);
    const issuing = await detail('leader.city', ledger.id);
    expect(issuing.reportBacks.map((r: { regionName: string }) => r.regionName)).toEqual(['南湖区', '秀洲区']);
    expect(issuing.counties.every((c: { reportedBackAt: string | null }) => c.reportedBackAt)).toBe(true);
  });

  it('scopes ledgers by jurisdiction: another county sees neither a county’s ledger nor its cases', async () => {
    const own = await createLedger('dispatcher.nanhu', { kind: 'task_plan', source: 'city_inspection', title: `南湖区“811”美丽南湖行动任务清单 ${Date.now()}` });
    expect(own.regionCode).toBe('330402');
    const res = await importFile('dispatcher.nanhu', own.id, await documented([{ seq: 1, title: '余新镇砂石堆场扬尘治理', category: '扬尘', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', deadline: day(45) }]));
    expect(res.status).toBe(201);

    const xiuzhou = await auth('dispatcher.xiuzhou');
    const list = await t.http().get('/api/v1/ledgers').set('Authorization', xiuzhou).expect(200);
    expect(list.body.items.map((l: { id: string }) => l.id)).not.toContain(own.id);
    expect(list.body.items.map((l: { id: string }) => l.id)).toContain(ledger.id);
    await t.http().get(`/api/v1/ledgers/${own.id}`).set('Authorization', xiuzhou).expect(404);
    await t.http().get(`/api/v1/ledgers/${own.id}/export`).set('Authorization', xiuzhou).expect(404);
    const cases = await t.http().get(`/api/v1/cases?ledgerId=${own.id}`).set('Authorization', xiuzhou).expect(200);
    expect(cases.body.total).toBe(0);
    await importFile('dispatcher.xiuzhou', own.id, await documented(rows)).then((r) => expect(r.status).toBe(404));

    // A county user sees their part of the city's ledger only.
    const part = await detail('dispatcher.xiuzhou', ledger.id);
    expect(part.items.map((i: { seq: number }) => i.seq)).toEqual([2, 3]);
    expect(part.items[0].cases.map((c: { countyName: string }) => c.countyName)).toEqual(['秀洲区']);
    await importFile('dispatcher.nanhu', ledger.id, await documented(rows)).then((r) => expect(r.status).toBe(403));

    const template = await t.http().get('/api/v1/ledgers/template').set('Authorization', await auth('dispatcher.nanhu')).buffer(true).parse(binary).expect(200);
    // Read the way an upload is read: from a file, in the guarded worker.
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-template-')), '模板.xlsx');
    writeFileSync(file, template.body as Buffer);
    expect(await readLedgerRowsIsolated(file)).toEqual({ fileErrors: [expect.objectContaining({ message: '文件中没有数据行' })] });
    await t.http().get('/api/v1/ledgers/template').set('Authorization', await auth('leader.city')).expect(403);
  });
});
