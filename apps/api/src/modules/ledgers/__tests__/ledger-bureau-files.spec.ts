// Spreadsheets as bureaus make them (DESIGN §15, issue 16): every case of the issue, each with a
// generated workbook read by the real streaming reader.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkZipDirectory } from '../ledger-file-guard.js';
import { parseRows, type RawRow, type RegionRef, type UnitRef } from '../ledger-rows.js';
import { cellDeadline } from '../ledger-template.js';
import { readLedgerRows } from '../ledger-xlsx.js';
import { importRefused } from '../ledgers.repository.js';

const regions: RegionRef[] = [
  { code: '330400', name: '嘉兴市', level: 'city', path: '330400' },
  { code: '330402', name: '南湖区', level: 'county', path: '330400.330402' },
  { code: '330411', name: '秀洲区', level: 'county', path: '330400.330411' },
];
const unit = (id: string, name: string, regionPath: string): UnitRef => ({ id, name, regionPath, active: true });
const units = [unit('u-nanhu', '南湖分局', '330400.330402'), unit('u-xz', '秀洲分局', '330400.330411'), unit('u-city', '嘉兴市生态环境局', '330400')];
const ctx = { regions, units, ledgerRegion: regions[0], jurisdictionPath: '330400', now: new Date('2026-12-02T00:00:00Z'), ledgerDueDate: '2027-06-30' };

async function read(build: (wb: ExcelJS.Workbook) => void): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return readLedgerRows(Readable.from(Buffer.from(await wb.xlsx.writeBuffer())));
}

async function refusal(build: (wb: ExcelJS.Workbook) => void): Promise<{ sheet?: string; row?: number; message: string }[]> {
  return read(build).then(
    () => {
      throw new Error('expected the file to be refused');
    },
    (e: { details: { sheet?: string; row?: number; message: string }[] }) => e.details,
  );
}

/** A bureau's sheet: a title and a subtitle row, a 填报单位 row, blank rows, the header on row 11. */
function bureauSheet(wb: ExcelJS.Workbook, name = '反馈问题清单'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['中央第三生态环境保护督察组督察反馈问题整改清单']);
  ws.mergeCells('A1:H1');
  ws.addRow(['（第一批）']);
  ws.addRow(['填报单位：嘉兴市生态环境局', null, null, null, '填报时间：2026年12月1日']);
  for (let i = 4; i <= 10; i++) ws.addRow([]);
  ws.getCell('A10').value = ' ';
  ws.addRow(['编号', '问题名称', '问题类型', '县市区', '责任单位', '配合部门', '完成时限', '序时进度']); // row 11, synonyms only
  return ws;
}

describe('ledger import of bureau-made spreadsheets', () => {
  it('reads dates, 长期坚持 and full-width digits as bureaus write them', () => {
    const cases: [unknown, ReturnType<typeof cellDeadline>][] = [
      ['2026年12月31日', { date: '2026-12-31', longTerm: false }],
      ['2027.1.15', { date: '2027-01-15', longTerm: false }],
      ['2026年12月31日前', { date: '2026-12-31', longTerm: false }],
      ['2026年12月31日前完成', { date: '2026-12-31', longTerm: false }],
      ['2027年3月底前', { date: '2027-03-31', longTerm: false }],
      ['2028年2月底', { date: '2028-02-29', longTerm: false }],
      ['2027年底前', { date: '2027-12-31', longTerm: false }],
      ['２０２７年１月３１日', { date: '2027-01-31', longTerm: false }],
      ['２０２７／１／３１', { date: '2027-01-31', longTerm: false }],
      ['长期坚持', { date: null, longTerm: true }],
      [new Date('2027-02-01T00:00:00Z'), { date: '2027-02-01', longTerm: false }],
      ['2027年2月30日', null],
      ['尽快', null],
    ];
    for (const [cell, expected] of cases) expect([cell, cellDeadline(cell)]).toEqual([cell, expected]);
  });

  it('finds the header on row 11 under title rows, by synonyms, fills merged 责任单位 down and stops at 注 and 合计 rows', async () => {
    const rows = await read((wb) => {
      const ws = bureauSheet(wb);
      ws.addRow(['３', '南湖区七星街道工业园区雨污混接', '水／入河排污口', '南湖区', '南湖分局', '嘉兴市生态环境局', '2026年12月31日前', '2026.12.20']); // 12
      ws.addRow([4, '南湖区城南河道黑臭反弹', '黑臭水体', '南湖区', null, null, '2027年3月底前', null]); // 13
      ws.addRow([5, '南湖区工地扬尘管控不力', '扬尘', '南湖区', null, null, '长期坚持', null]); // 14
      ws.mergeCells('E12:E14'); // 责任单位 written once for three rows
      ws.addRow([6, '秀洲区王江泾镇印染企业异味', '异味', '秀洲区', '秀洲分局', null, '２０２７年１月３１日', null]); // 15
      ws.addRow([7, '秀洲区畜禽养殖污染', '水', '秀洲区', '秀洲分局', null, '2027.1.15', null]); // 16
      ws.addRow(['合计', '5 项']);
      ws.addRow(['注：1. 整改时限以督察组反馈意见为准；2. 请于每月 25 日前报送序时进展。']);
      ws.addRow(['8', '这一行在注释之后，不是台账的行', '水', '南湖区', '南湖分局', null, '2027-01-01', null]);
    });
    expect(rows.map((r) => [r.row, r.sheet, r.values.leadUnit])).toEqual([
      [12, '反馈问题清单', '南湖分局'],
      [13, '反馈问题清单', '南湖分局'],
      [14, '反馈问题清单', '南湖分局'],
      [15, '反馈问题清单', '秀洲分局'],
      [16, '反馈问题清单', '秀洲分局'],
    ]);
    const { items, errors } = parseRows(rows, ctx);
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.seq, i.category, i.dueDate, i.rectifyType, i.cases.map((c) => c.leadUnitId)])).toEqual([
      [3, 'water.outfall', '2026-12-31', 'deadline', ['u-nanhu']],
      [4, 'water.black_odorous', '2027-03-31', 'deadline', ['u-nanhu']],
      [5, 'air.dust', '2027-06-30', 'long_term', ['u-nanhu']], // 长期坚持: held to the ledger's 交账 date
      [6, 'air.odor', '2027-01-31', 'deadline', ['u-xz']],
      [7, 'water', '2027-01-15', 'deadline', ['u-xz']],
    ]);
    expect(items[0].milestones).toEqual(['2026-12-20']);
  });

  it('reads the sheet that has the header when the first sheet is empty, and names the sheet in row errors', async () => {
    const rows = await read((wb) => {
      wb.addWorksheet('Sheet1');
      const ws = bureauSheet(wb, '问题清单');
      ws.addRow([1, '南湖区餐饮油烟扰民', '油烟', '南湖区', '南湖分局', null, '2027年13月1日', null]);
      wb.addWorksheet('Sheet3').addRow(['无关内容']);
    });
    expect(rows.map((r) => [r.sheet, r.row])).toEqual([['问题清单', 12]]);
    const { errors } = parseRows(rows, ctx);
    expect(errors).toEqual([expect.objectContaining({ row: 12, column: '整改时限', message: expect.stringContaining('不是有效日期') })]);
  });

  it('names every sheet searched when none has a header in its first 30 rows', async () => {
    const details = await refusal((wb) => {
      wb.addWorksheet('Sheet1');
      const ws = wb.addWorksheet('汇总');
      for (let i = 0; i < 30; i++) ws.addRow([]);
      ws.addRow(['序号', '问题标题', '类别', '牵头单位', '整改时限']); // row 31: too far down
    });
    expect(details).toEqual([{ row: 0, sheet: 'Sheet1', message: expect.stringMatching(/^工作表“Sheet1”、“汇总”的前 30 行中都找不到表头/) }]);
  });

  it('names the sheet and the header row when a required column is missing', async () => {
    const details = await refusal((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(['序号', '问题标题', '县（市、区）', '牵头单位', '整改时限']);
      ws.addRow([1, '问题', '南湖区', '南湖分局', '2027-01-01']);
    });
    expect(details).toEqual([{ row: 1, column: '类别', sheet: '台账', message: '工作表“台账”第 1 行的表头中缺少“类别”列' }]);
  });

  it('refuses .ods and .xls files with a message that says what to do, and the whole refusal in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-bureau-'));
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    writeFileSync(join(dir, 'a.ods'), await ods.generateAsync({ type: 'nodebuffer' }));
    await expect(checkZipDirectory(join(dir, 'a.ods'))).rejects.toMatchObject({ status: 422, code: 'invalid_file', message: expect.stringContaining('OpenDocument 表格（.ods）') });
    writeFileSync(join(dir, 'a.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    await expect(checkZipDirectory(join(dir, 'a.xls'))).rejects.toMatchObject({ status: 422, message: expect.stringContaining('.xls') });

    expect(importRefused([{ row: 12, message: 'x' }, { row: 12, message: 'y' }, { row: 15, message: 'z' }]).message).toBe('文件中有 2 行存在错误，整个文件未导入');
  });
});
