// The import template a bureau downloads (DESIGN §15): dropdowns, date check, example row, Chinese
// instructions without internal codes, and a plain filename= next to the UTF-8 name.
import ExcelJS from 'exceljs';
import { binary } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

describe('ledger import template', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has dropdowns for 类别, county and units of the caller’s jurisdiction, a date check, an example row and no internal codes', async () => {
    const res = await t.http().get('/api/v1/ledgers/template').set('Authorization', await t.tokenOf('dispatcher.nanhu')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ledger-template.xlsx"; filename*=UTF-8''${encodeURIComponent('台账导入模板.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['台账', 'visible'],
      ['说明', 'visible'],
      ['选项', 'hidden'],
      ['填写示例', 'visible'],
    ]);
    const ws = wb.getWorksheet('台账')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace('*', ''));
    const col = (name: string) => header.indexOf(name) + 1;
    const letter = (n: number) => String.fromCharCode(64 + n);
    const validation = (name: string) => ws.getCell(`${letter(col(name))}5`).dataValidation;
    expect(validation('类别')).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'选项'!\$A\$2:\$A\$\d+$/)] });
    expect(validation('县（市、区）')).toMatchObject({ type: 'list', formulae: [expect.stringContaining("'选项'!$B$2")] });
    expect(validation('牵头单位')).toMatchObject({ type: 'list', formulae: [expect.stringContaining("'选项'!$C$2")] });
    expect(validation('整改类型')).toMatchObject({ type: 'list', errorStyle: 'stop' });
    expect(validation('整改时限')).toMatchObject({ type: 'date', operator: 'greaterThan' });

    const options = wb.getWorksheet('选项')!;
    const columnOf = (n: number) => options.getColumn(n).values.slice(2).filter(Boolean);
    expect(columnOf(2)).toEqual(['全市', '南湖区']); // the caller's jurisdiction only
    expect(columnOf(3)).toEqual(expect.arrayContaining(['南湖分局', '凤桥镇生态办', '余新镇生态办']));
    expect(columnOf(3)).not.toContain('王江泾镇生态办');
    expect(columnOf(1)).toEqual(expect.arrayContaining(['扬尘', '入河排污口']));

    const example = wb.getWorksheet('填写示例')!;
    expect(example.getRow(2).getCell(col('问题标题')).value).toBe('凤桥镇三星村入河排污口私设暗管偷排');
    expect(example.getRow(2).getCell(col('整改时限')).value).toEqual(new Date('2027-03-31T00:00:00Z'));

    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => row.eachCell((cell) => notes.push(String(cell.value))));
    const text = notes.join('\n');
    expect(text).toContain('下拉列表');
    expect(text).not.toMatch(/water\.outfall|air\.dust|leadUnit|deadline|字段标识/);
  });
});
