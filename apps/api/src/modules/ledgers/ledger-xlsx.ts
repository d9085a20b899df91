// The ledger template on disk (reading: ledger-xlsx-read.ts): streaming
// write of the template and of exports (exceljs stream.xlsx.WorkbookReader / WorkbookWriter), so a
// large file never sits in memory as a whole workbook.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  ALL_COLUMNS,
  CATEGORY_LABELS,
  EXPORT_COLUMNS,
  IMPORT_COLUMNS,
  LEDGER_SHEET,
  NOTES_SHEET,
  excelDate,
  headerOf,
  milestoneHeader,
  milestoneKey,
  type ColumnKey,
  type TemplateColumn,
} from './ledger-template.js';

import { addTemplateSheets, addTemplateValidations, type TemplateLists } from './ledger-template-file.js';

export { LedgerFileError, MAX_CELL_CHARS, MAX_LEDGER_ROWS, readLedgerRows } from './ledger-xlsx-read.js';

const DATE_KEYS = new Set<ColumnKey>(['deadline', 'signedOffAt']);

// ---------------------------------------------------------------------------------------------
// Writing

export type SheetValue = string | number | Date | null;
export type LedgerSheetRow = Partial<Record<ColumnKey, SheetValue>> & {
  /** The 序时节点 with their planned percent: the export writes each as a date cell. */
  milestoneList?: { date: string; percent: number }[];
};

/** A column of the written sheet: a template column, or one of the export's numbered 序时节点 columns. */
type SheetColumn = TemplateColumn<string> & { milestone?: { n: number; part: 'date' | 'percent' } };

/** How many numbered 序时节点 columns an export needs (at least one). */
export function milestoneColumnsFor(rows: readonly LedgerSheetRow[]): number {
  return rows.reduce((n, r) => Math.max(n, r.milestoneList?.length ?? 0), 1);
}

/** The export's columns: the template's with 序时节点 spread over date and percent columns, then the export's own. */
function exportColumns(milestones: number): SheetColumn[] {
  return ALL_COLUMNS.flatMap((c): SheetColumn[] =>
    c.key !== 'milestones'
      ? [c]
      : Array.from({ length: milestones }, (_, i) => [
          { key: milestoneKey(i + 1, 'date'), header: milestoneHeader(i + 1, 'date'), width: 12, note: `第 ${i + 1} 个序时节点（日期）。再导入时与“计划比例${i + 1}”合为序时节点。`, milestone: { n: i + 1, part: 'date' as const } },
          { key: milestoneKey(i + 1, 'percent'), header: milestoneHeader(i + 1, 'percent'), width: 10, note: `第 ${i + 1} 个序时节点的计划完成比例（%）。`, milestone: { n: i + 1, part: 'percent' as const } },
        ]).flat(),
  );
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const EXPORT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/**
 * Writes a ledger workbook to `out`: the 台账 sheet (Chinese header row, hidden row of field keys,
 * then `rows`) and the 说明 sheet. With `withExportColumns` the export's columns follow the template's.
 */
export async function writeLedgerWorkbook(
  out: Writable,
  rows: AsyncIterable<LedgerSheetRow> | Iterable<LedgerSheetRow>,
  opts: {
    withExportColumns: boolean;
    title?: string;
    appendix?: { name: string; header: string[]; rows: SheetValue[][] };
    template?: TemplateLists;
    /** Export: how many numbered 序时节点 columns (see milestoneColumnsFor); default 1. */
    milestoneColumns?: number;
  },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'EcoLoop';
  wb.created = new Date();
  const columns: readonly SheetColumn[] = opts.withExportColumns ? exportColumns(Math.max(1, opts.milestoneColumns ?? 1)) : IMPORT_COLUMNS;
  const ws = wb.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));

  const header = ws.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 28;
  columns.forEach((c, i) => {
    header.getCell(i + 1).fill = EXPORT_COLUMNS.some((e) => e.key === c.key) ? EXPORT_FILL : HEADER_FILL;
  });
  header.commit();
  const keys = ws.addRow(columns.map((c) => c.key));
  keys.hidden = true;
  keys.commit();

  if (opts.template) addTemplateValidations(ws, opts.template);
  for await (const values of rows) {
    const row = ws.addRow(columns.map((c) => (c.milestone ? milestoneCell(values, c.milestone) : toCell(c.key as ColumnKey, values[c.key as ColumnKey]))));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (DATE_KEYS.has(c.key as ColumnKey) || c.milestone?.part === 'date') cell.numFmt = 'yyyy-mm-dd';
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.commit();
  }
  ws.commit();
  if (opts.appendix) {
    const extra = wb.addWorksheet(opts.appendix.name);
    extra.columns = opts.appendix.header.map((_, i) => ({ width: i === opts.appendix!.header.length - 1 ? 80 : 18 }));
    const head = extra.addRow(opts.appendix.header);
    head.font = { bold: true };
    head.commit();
    for (const r of opts.appendix.rows) {
      const row = extra.addRow(r);
      row.alignment = { vertical: 'top', wrapText: true };
      row.commit();
    }
    extra.commit();
  }
  writeNotes(wb.addWorksheet(NOTES_SHEET), columns, opts.title);
  if (opts.template) addTemplateSheets(wb, opts.template);
  await wb.commit();
}

function milestoneCell(values: LedgerSheetRow, m: { n: number; part: 'date' | 'percent' }): SheetValue {
  const found = values.milestoneList?.[m.n - 1];
  if (!found) return null;
  return m.part === 'date' ? excelDate(found.date) : found.percent;
}

function toCell(key: ColumnKey, value: SheetValue | undefined): SheetValue {
  if (value === undefined || value === null || value === '') return null;
  if (DATE_KEYS.has(key) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return excelDate(value);
  return value;
}

function writeNotes(ws: ExcelJS.Worksheet, columns: readonly SheetColumn[], title?: string): void {
  ws.columns = [{ width: 16 }, { width: 8 }, { width: 100 }];
  const lines: (string | null)[][] = [
    [title ? `${title} — 台账模板说明` : '生态环境问题整改台账 — 导入模板说明'],
    ['1. 在“台账”工作表第 3 行起逐行填写，每行一个问题或任务；第 1 行为列名（带 * 为必填），第 2 行为隐藏行，请勿修改或删除。类别、县（市、区）、单位、整改类型、问题性质可从下拉列表选择；“填写示例”工作表有一行完整示例。'],
    ['2. 导入“全部成功或全部不导入”：任意一行有错（单位或地区不存在、日期无效、缺少标题、与文件内其他行或台账中已有问题重复等），整个文件都不会导入，并逐行列出全部错误。'],
    ['3. 每行按“县（市、区）”生成案件，每个县（市、区）一个案件，直接交办给该县（市、区）的牵头单位（所列第一个单位牵头，其余配合），整改时限为该行的整改时限；县（市、区）填“全市”的共性问题由市级部门牵头，只生成一个案件。案件全部核查销号后，该行才算销号；督察问题还须验收、公示和上级复核后销号。'],
    ['4. 导出的台账沿用本模板，序时节点按“序时节点1、计划比例1（%）、序时节点2 ……”分列写为日期单元格，并在后面增加 案件编号、状态、序时进展、序时状态、销号阶段、销号日期、是否超期 等列；这些列在导入时会被忽略，分列的序时节点会合并读回，因此导出的文件可以直接再导入另一个台账。'],
    ['5. 导出文件不含举报人姓名、电话等个人信息。'],
    [null],
    ['列名', '必填', '填写说明'],
    ...columns.map((c) => [c.header, c.required ? '是' : '', c.note]),
    [null],
    ['类别可填写的名称：', null, Object.values(CATEGORY_LABELS).join('、')],
    [null],
    ['示例：', null, `${headerOf('seq')}=1；${headerOf('title')}=凤桥镇三星村入河排污口私设暗管；${headerOf('category')}=入河排污口；${headerOf('county')}=南湖区；${headerOf('town')}=凤桥镇；${headerOf('leadUnit')}=凤桥镇生态办；${headerOf('coUnits')}=南湖分局；${headerOf('deadline')}=2026-12-31（也可填 2026年12月31日前、2027年3月底前 或 长期坚持）；${headerOf('milestones')}=2026-09-30 40%;2026-12-31 100%；县（市、区）填“全市”为市级部门牵头的共性问题`],
  ];
  for (const [i, line] of lines.entries()) {
    const row = ws.addRow(line);
    if (i === 0 || line[0] === '列名') row.font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  }
  ws.commit();
}
