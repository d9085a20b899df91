import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parseRows, type RegionRef, type UnitRef } from '../ledger-rows.js';
import { cellDate, parseCategory } from '../ledger-template.js';
import { readLedgerRows, writeLedgerWorkbook, type LedgerSheetRow } from '../ledger-xlsx.js';

async function toBuffer(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

describe('ledger file (template, streaming read)', () => {
  it('reads Chinese text intact across stream chunks, with inline and with shared strings', async () => {
    const titles = Array.from({ length: 1500 }, (_, i) => `王江泾镇长虹村黑臭水体反弹问题第${i + 1}号，群众反映河道发黑发臭`);
    const rows: LedgerSheetRow[] = titles.map((title, i) => ({ seq: i + 1, title, category: '黑臭水体', county: '秀洲区', leadUnit: '王江泾镇生态办', deadline: '2027-01-31' }));
    const inline = await toBuffer((out) => writeLedgerWorkbook(out, rows, { withExportColumns: false }));

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['序号', '问题标题', '类别', '县（市、区）', '牵头单位', '整改时限']);
    titles.forEach((title, i) => ws.addRow([i + 1, title, '黑臭水体', '秀洲区', '王江泾镇生态办', new Date('2027-01-31T00:00:00Z')]));
    const shared = Buffer.from(await wb.xlsx.writeBuffer());

    for (const file of [inline, shared]) {
      const read = await readLedgerRows(Readable.from(file));
      expect(read.map((r) => r.values.title)).toEqual(titles);
      expect(read.every((r) => r.values.county === '秀洲区' && r.values.leadUnit === '王江泾镇生态办')).toBe(true);
      expect(read.map((r) => cellDate(r.values.deadline))).toEqual(titles.map(() => '2027-01-31'));
    }
  });

  it('finds the header under a title row, in any column order, and ignores the export’s extra columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['第三轮中央生态环境保护督察交办问题整改台账']);
    ws.addRow(['牵头单位', '问题标题*', '序号', '县(市、区)', '整改时限', '状态', '类别']);
    ws.addRow(['凤桥镇生态办', '凤桥镇建筑工地扬尘', 7, '南湖区', '2027年3月31日', '整改中', '扬尘']);
    ws.addRow([]);
    const read = await readLedgerRows(Readable.from(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(read).toEqual([{ row: 3, sheet: 'Sheet1', values: { leadUnit: '凤桥镇生态办', title: '凤桥镇建筑工地扬尘', seq: 7, county: '南湖区', deadline: '2027年3月31日', category: '扬尘' } }]);
  });

  it('reads categories and dates as people write them', () => {
    expect(['air.dust', '扬尘', '大气/扬尘', '大气 / 扬尘', '水', '危废', '火灾'].map(parseCategory)).toEqual([
      'air.dust',
      'air.dust',
      'air.dust',
      'air.dust',
      'water',
      'solid_waste.hazardous',
      null,
    ]);
    expect(['2026-12-31', '2026/1/5', '2026.01.05', '2026年1月5日', '2026-02-30', 46387, 'soon'].map(cellDate)).toEqual([
      '2026-12-31',
      '2026-01-05',
      '2026-01-05',
      '2026-01-05',
      null,
      '2026-12-31',
      null,
    ]);
  });

  it('fans a row out to one case per county, each with the lead unit in (or above) that county', () => {
    const regions: RegionRef[] = [
      { code: '330400', name: '嘉兴市', level: 'city', path: '330400' },
      { code: '330402', name: '南湖区', level: 'county', path: '330400.330402' },
      { code: '330411', name: '秀洲区', level: 'county', path: '330400.330411' },
      { code: '330402100', name: '凤桥镇', level: 'town', path: '330400.330402.330402100' },
      { code: '330411101', name: '王江泾镇', level: 'town', path: '330400.330411.330411101' },
    ];
    const unit = (id: string, name: string, regionPath: string): UnitRef => ({ id, name, regionPath, active: true });
    const units = [
      unit('u-city', '嘉兴市生态环境局', '330400'),
      unit('u-nanhu', '南湖分局', '330400.330402'),
      unit('u-fq', '凤桥镇生态办', '330400.330402.330402100'),
      unit('u-wjj', '王江泾镇生态办', '330400.330411.330411101'),
    ];
    const ctx = { regions, units, ledgerRegion: regions[0], jurisdictionPath: '330400', now: new Date('2026-11-01T00:00:00Z'), ledgerDueDate: '2027-06-30' };
    const row = (values: Record<string, unknown>, n = 3) => ({ row: n, values: { seq: n, title: `问题${n}`, category: 'water', deadline: '2026-12-31', ...values } });

    const { items, errors } = parseRows(
      [
        row({ county: '南湖区、秀洲区', town: '凤桥镇', leadUnit: '凤桥镇生态办、王江泾镇生态办', coUnits: '南湖分局、嘉兴市生态环境局' }, 3),
        row({ county: '南湖区,秀洲区', leadUnit: '嘉兴市生态环境局' }, 4),
      ],
      ctx,
    );
    expect(errors).toEqual([]);
    expect(items[0].cases).toEqual([
      { countyCode: '330402', regionCode: '330402100', regionName: '凤桥镇', regionPath: '330400.330402.330402100', address: null, leadUnitId: 'u-fq', coUnitIds: ['u-nanhu', 'u-city'] },
      { countyCode: '330411', regionCode: '330411', regionName: '秀洲区', regionPath: '330400.330411', address: null, leadUnitId: 'u-wjj', coUnitIds: ['u-city'] },
    ]);
    expect(items[1].cases.map((c) => c.leadUnitId)).toEqual(['u-city', 'u-city']);

    const bad = parseRows(
      [
        row({ county: '南湖区', town: '王江泾镇', leadUnit: '凤桥镇生态办' }, 5),
        row({ county: '秀洲区', leadUnit: '凤桥镇生态办' }, 6),
        row({ county: '南湖区', leadUnit: '凤桥镇生态办、南湖分局', deadline: '2026-10-01' }, 7),
      ],
      { ...ctx, jurisdictionPath: '330400.330402' },
    );
    expect(bad.items).toEqual([]);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [5, '镇（街道）'],
      [6, '牵头单位'],
      [7, '整改时限'],
    ]);
  });
});
