// 811-style task tables (DESIGN §15): 专项行动 → 主要任务 imported from a task_plan ledger's sheet,
// quarterly reports (季度报告) by the task units, the table showing which tasks have not reported,
// and the export writing 序时节点 as real date cells.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { binary, day, templateFile, type TemplateRow as Row } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { uploadPng } from '../../../test-support/cases.js';
import { readLedgerRows } from '../ledger-xlsx.js';
import { quarterOf } from '../ledger-progress.js';

const WATER = '水环境治理提升专项行动';
const AIR = '大气污染防治攻坚专项行动';

const ROWS: Row[] = [
  { action: WATER, actionLeadUnit: '嘉兴市生态环境局', seq: 1, title: '凤桥镇全域“污水零直排区”建设', category: '水', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', coUnits: '南湖分局', deadline: day(120), milestones: `${day(30)} 30%;${day(90)} 80%` },
  { action: WATER, seq: 2, title: '王江泾镇长虹村河道清淤疏浚', category: '水', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', deadline: day(100) },
  { action: AIR, actionLeadUnit: '嘉兴市生态环境局', seq: 3, title: '余新镇建筑工地扬尘精细化治理', category: 'air.dust', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', deadline: day(90) },
];

describe('811 task tables (专项行动 → 主要任务) with quarterly reports', () => {
  let t: TestApp;
  const auth = (u: string) => t.tokenOf(u);
  const quarter = quarterOf(new Date());
  let ledgerId: string;

  async function createLedger(kind = 'task_plan') {
    const res = await t
      .http()
      .post('/api/v1/ledgers')
      .set('Authorization', await auth('dispatcher.city'))
      .send({ title: `美丽嘉兴“811”生态文明先行示范行动任务清单 ${Date.now()}`, kind, source: 'city_inspection', issuer: '嘉兴市美丽嘉兴建设领导小组办公室', issuedDate: day(-5), dueDate: day(200) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const importFile = async (id: string, rows: Row[]) =>
    t.http().post(`/api/v1/ledgers/${id}/import`).set('Authorization', await auth('dispatcher.city')).attach('file', await templateFile(rows, { title: '美丽嘉兴“811”生态文明先行示范行动任务清单' }), '811任务清单.xlsx');
  const table = async (user: string, id = ledgerId, q = '') => t.http().get(`/api/v1/ledgers/${id}/task-table${q}`).set('Authorization', await auth(user));
  const file = async (user: string, itemId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/ledgers/${ledgerId}/items/${itemId}/quarterly-reports`).set('Authorization', await auth(user)).send(body);
  const taskId = async (seq: number) => {
    const [row] = await t.db.query(`SELECT id FROM ledger_item WHERE ledger_id = $1 AND seq = $2`, [ledgerId, seq]);
    return row.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ledgerId = await createLedger();
    const res = await importFile(ledgerId, ROWS);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ items: 3, cases: 3 });
  });
  afterAll(() => t.close());

  it('imports rows under their 专项行动 and shows every task as not reported for the quarter', async () => {
    const res = await table('dispatcher.city');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ quarter, currentQuarter: quarter, tasks: 3, missing: 3 });
    expect(res.body.quarters[res.body.quarters.length - 1]).toBe(quarter);
    expect(res.body.actions.map((a: { seq: number; title: string; leadUnit: { name: string }; tasks: { seq: number }[]; missing: number }) => [a.seq, a.title, a.leadUnit.name, a.tasks.map((x) => x.seq), a.missing])).toEqual([
      [1, WATER, '嘉兴市生态环境局', [1, 2], 2],
      [2, AIR, '嘉兴市生态环境局', [3], 1],
    ]);
    const first = res.body.actions[0].tasks[0];
    expect(first).toMatchObject({ title: '凤桥镇全域“污水零直排区”建设', leadUnits: [{ name: '凤桥镇生态办' }], coUnits: [{ name: '南湖分局' }], reportDue: true, reported: false, missingUnits: [{ name: '凤桥镇生态办' }], reports: [], canReport: false });

    const detail = await t.http().get(`/api/v1/ledgers/${ledgerId}`).set('Authorization', await auth('dispatcher.city'));
    const parents = new Map(res.body.actions.map((a: { id: string; title: string }) => [a.id, a.title]));
    expect(detail.body.items.map((i: { kind: string; parentId: string }) => [i.kind, parents.get(i.parentId)])).toEqual([
      ['task', WATER],
      ['task', WATER],
      ['task', AIR],
    ]);

    // A later import names a known action without its lead unit: the rows join it.
    // A row without a 专项行动 stays a one-level task, listed apart.
    const more = await importFile(ledgerId, [
      { action: AIR, seq: 4, title: '王江泾镇餐饮油烟规范化整治', category: 'air.cooking_fume', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', deadline: day(80) },
      { seq: 5, title: '新塍镇生态环境保护宣传月活动', category: 'other', county: '秀洲区', town: '新塍镇', leadUnit: '新塍镇生态办', deadline: day(70) },
    ]);
    expect(more.status).toBe(201);
    const after = await table('dispatcher.city');
    expect(after.body.actions.map((a: { tasks: { seq: number }[] }) => a.tasks.map((x) => x.seq))).toEqual([[1, 2], [3, 4]]);
    expect(after.body.ungrouped.map((x: { seq: number }) => x.seq)).toEqual([5]);
    expect(after.body).toMatchObject({ tasks: 5, missing: 5 });
  });

  it('refuses a lead unit without its 专项行动, new actions without a lead unit, conflicting lead units, and actions outside task tables', async () => {
    const fresh = await createLedger();
    const res = await importFile(fresh, [
      { actionLeadUnit: '嘉兴市生态环境局', seq: 1, title: '只填行动牵头单位', category: '水', county: '南湖区', leadUnit: '南湖分局', deadline: day(60) },
      { action: '土壤污染防治专项行动', seq: 2, title: '新行动未填牵头单位', category: 'soil', county: '南湖区', leadUnit: '南湖分局', deadline: day(60) },
      { action: WATER, actionLeadUnit: '嘉兴市生态环境局', seq: 3, title: '水行动第一行', category: '水', county: '南湖区', leadUnit: '南湖分局', deadline: day(60) },
      { action: WATER, actionLeadUnit: '嘉兴市水利局', seq: 4, title: '水行动牵头单位不一致', category: '水', county: '秀洲区', leadUnit: '秀洲分局', deadline: day(60) },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ledger_import_refused');
    expect(res.body.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [3, '专项行动'],
      [4, '行动牵头单位'],
      [6, '行动牵头单位'],
    ]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ledger_action WHERE ledger_id = $1`, [fresh]);
    expect(n).toBe(0);

    const inspection = await createLedger('inspection_feedback');
    const wrong = await importFile(inspection, [{ action: WATER, seq: 1, title: '督察问题', category: '水', county: '南湖区', leadUnit: '南湖分局', deadline: day(60) }]);
    expect(wrong.status).toBe(422);
    expect(wrong.body.details[0]).toMatchObject({ row: 3, column: '专项行动' });
    const notTable = await table('dispatcher.city', inspection);
    expect(notTable.status).toBe(422);
    expect(notTable.body.code).toBe('not_a_task_table');
  });

  it('takes one quarterly report per unit, task and quarter from the task’s units, and the table shows who is still missing', async () => {
    const task1 = await taskId(1);
    const before = await table('handler.fengqiao');
    expect(before.status).toBe(200);
    // A town office sees the actions of its own tasks only.
    expect(before.body.actions.map((a: { title: string }) => a.title)).toEqual([WATER]);
    const mine = before.body.actions.flatMap((a: { tasks: unknown[] }) => a.tasks).find((x: { id: string }) => x.id === task1);
    expect(mine).toMatchObject({ canReport: true, reported: false });

    const attachment = await uploadPng(t, 'handler.fengqiao');
    const ok = await file('handler.fengqiao', task1, { quarter, note: '完成三星村、联丰村截污纳管 3.2 公里，12 家企业雨污分流改造完工。', percent: 35, attachmentIds: [attachment] });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ itemId: task1, period: quarter, unitName: '凤桥镇生态办', unitRole: 'lead', percent: 35, quarterly: true, attachmentIds: [attachment] });

    const again = await file('handler.fengqiao', task1, { quarter, note: '重复报送' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('quarterly_report_exists');
    expect((await file('handler.wangjiangjing', task1, { quarter, note: '不是本任务的单位' })).status).toBe(403);
    const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
    const next = q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    const future = await file('handler.fengqiao', task1, { quarter: next, note: '下季度' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('invalid_quarter');
    const bad = await file('handler.fengqiao', task1, { quarter: '2026Q9', note: 'x' });
    expect(bad.status).toBe(400);
    const missingFile = await file('handler.yuxin', await taskId(3), { quarter, note: '附件不存在', attachmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(missingFile.status).toBe(422);
    expect(missingFile.body.code).toBe('unknown_attachment');

    const after = await table('dispatcher.city');
    expect(after.body.missing).toBe(4);
    const water = after.body.actions[0];
    expect(water.missing).toBe(1);
    expect(water.tasks[0]).toMatchObject({ reported: true, missingUnits: [], reports: [{ period: quarter, unitName: '凤桥镇生态办', percent: 35, quarterly: true }] });
    expect(water.tasks[1]).toMatchObject({ reported: false, missingUnits: [{ name: '王江泾镇生态办' }] });
    const events = await t.db.query(`SELECT payload FROM ledger_event WHERE ledger_id = $1 AND kind = 'quarterly_report'`, [ledgerId]);
    expect(events).toEqual([{ payload: expect.objectContaining({ itemId: task1, quarter, percent: 35, attachmentIds: [attachment] }) }]);
    // The report is 序时进展 of the row too.
    const detail = await t.http().get(`/api/v1/ledgers/${ledgerId}`).set('Authorization', await auth('dispatcher.city'));
    expect(detail.body.items[0].progress).toEqual([expect.objectContaining({ period: quarter, quarterly: true, percent: 35 })]);

    const earlier = await table('dispatcher.city', ledgerId, '?quarter=2020-Q1');
    expect(earlier.status).toBe(422);
    expect(earlier.body.code).toBe('invalid_quarter');
  });

  it('exports each 序时节点 as a date cell with a date format, and the export re-imports with the same milestones', async () => {
    const res = await t.http().get(`/api/v1/ledgers/${ledgerId}/export`).set('Authorization', await auth('dispatcher.city')).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.getWorksheet('台账')!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/\*$/, ''));
    const col = (h: string) => headers.indexOf(h);
    for (const h of ['序时节点1', '计划比例1（%）', '序时节点2', '计划比例2（%）', '专项行动']) expect(col(h)).toBeGreaterThan(0);
    expect(headers).not.toContain('序时节点');
    const row = ws.getRow(3);
    expect(row.getCell(col('序号')).value).toBe(1);
    for (const [h, date] of [['序时节点1', day(30)], ['序时节点2', day(90)]]) {
      const cell = row.getCell(col(h));
      expect(cell.value).toBeInstanceOf(Date);
      expect((cell.value as Date).toISOString().slice(0, 10)).toBe(date);
      expect(cell.numFmt).toBe('yyyy-mm-dd');
    }
    expect(row.getCell(col('计划比例1（%）')).value).toBe(30);
    expect(row.getCell(col('计划比例2（%）')).value).toBe(80);
    expect(ws.getRow(4).getCell(col('序时节点1')).value).toBeNull();

    const read = await readLedgerRows(Readable.from(res.body as Buffer));
    expect(read[0].values.milestones).toBe(`${day(30)} 30%;${day(90)} 80%`);
    expect(read[0].values.action).toBe(WATER);
    expect(read[1].values.milestones).toBeUndefined();
  });
});
