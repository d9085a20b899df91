// The ledger template on disk: streaming read of an uploaded .xlsx into raw rows, and streaming
// write of the template and of exports (exceljs stream.xlsx.WorkbookReader / WorkbookWriter), so a
// large file never sits in memory as a whole workbook.
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import type { RawRow } from './ledger-rows.js';
import {
  ALL_COLUMNS,
  CATEGORY_LABELS,
  EXPORT_COLUMNS,
  IMPORT_COLUMNS,
  LEDGER_SHEET,
  NOTES_SHEET,
  cellText,
  columnForHeader,
  columnForKey,
  excelDate,
  headerOf,
  type ColumnKey,
  type ImportKey,
  type TemplateColumn,
} from './ledger-template.js';

/** Rows of data a file may hold. */
export const MAX_LEDGER_ROWS = 20_000;
/** How far down the header row may be (files often carry a title row above it). */
const HEADER_SEARCH_ROWS = 10;
const DATE_KEYS = new Set<ColumnKey>(['deadline', 'signedOffAt']);

export class LedgerFileError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super(details.map((d) => d.message).join('; '));
  }
}

/**
 * exceljs' streaming reader decodes every inflated chunk on its own, so a Chinese character split
 * across two chunks turns into U+FFFD (exceljs issues #2063, #2084; fixes unmerged). This reader
 * decodes the XML it parses with one StringDecoder per zip entry instead.
 */
class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown {
    return base._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  }

  _parseSharedStrings(entry: Readable): unknown {
    entry.setEncoding('utf8');
    return base._parseSharedStrings.call(this, entry);
  }

  _parseWorkbook(entry: Readable): unknown {
    entry.setEncoding('utf8');
    return base._parseWorkbook.call(this, entry);
  }
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as {
  _parseWorksheet: (iterator: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
  _parseSharedStrings: (entry: Readable) => unknown;
  _parseWorkbook: (entry: Readable) => unknown;
};

async function* decodeUtf8(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface SheetRows {
  name: string;
  rows: RawRow[];
  errors: ErrorDetail[];
}

/**
 * Reads the data sheet (named 台账, else the first sheet not named 说明) of an .xlsx stream.
 * The header row is found by its Chinese headers; a row of field keys right below it (the
 * template's hidden second header) takes precedence. Empty rows are skipped.
 * Throws LedgerFileError when the file is not a readable workbook or has no usable header.
 */
export async function readLedgerRows(input: Readable | string): Promise<RawRow[]> {
  const reader = new Utf8SafeWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells come back as Date only with their number formats
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let chosen: SheetRows | undefined;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      const wanted = name !== NOTES_SHEET && (!chosen || (name === LEDGER_SHEET && chosen.name !== LEDGER_SHEET));
      if (!wanted) {
        for await (const _row of sheet) void _row; // drain, so its temporary file is released
        continue;
      }
      chosen = await readSheet(name, sheet);
    }
  } catch (err) {
    if (err instanceof LedgerFileError) throw err;
    throw new LedgerFileError([{ row: 0, message: '文件不是有效的 .xlsx 工作簿' }]);
  }
  if (!chosen) throw new LedgerFileError([{ row: 0, message: `文件中没有“${LEDGER_SHEET}”工作表` }]);
  if (chosen.errors.length) throw new LedgerFileError(chosen.errors);
  return chosen.rows;
}

async function readSheet(name: string, sheet: AsyncIterable<ExcelJS.Row>): Promise<SheetRows> {
  const rows: RawRow[] = [];
  const errors: ErrorDetail[] = [];
  let columns: Map<number, ColumnKey> | undefined;
  let headerRow = 0;
  let checkedKeyRow = false;
  let tooMany = false;
  for await (const row of sheet) {
    const cells = rowCells(row);
    if (!columns) {
      if (row.number > HEADER_SEARCH_ROWS) continue;
      const byHeader = mapColumns(cells, columnForHeader);
      if (byHeader.size >= 2) {
        columns = byHeader;
        headerRow = row.number;
      }
      continue;
    }
    if (!checkedKeyRow) {
      checkedKeyRow = true;
      const byKey = mapColumns(cells, columnForKey);
      if (byKey.size >= 2 && row.number === headerRow + 1) {
        columns = byKey;
        continue;
      }
    }
    const values: Partial<Record<ImportKey, unknown>> = {};
    let empty = true;
    for (const [col, key] of columns) {
      if (!isImportKey(key)) continue;
      const v = cells.get(col);
      if (v === undefined || v === null || cellText(v) === '') continue;
      values[key] = v;
      empty = false;
    }
    if (empty) continue;
    if (rows.length >= MAX_LEDGER_ROWS) {
      tooMany = true;
      continue;
    }
    rows.push({ row: row.number, values });
  }
  if (!columns) {
    errors.push({ row: 1, message: `找不到表头：第 1–${HEADER_SEARCH_ROWS} 行中应有“${IMPORT_COLUMNS.map((c) => c.header).join('、')}”等列名` });
    return { name, rows, errors };
  }
  const present = new Set(columns.values());
  for (const c of IMPORT_COLUMNS) {
    if ('required' in c && c.required && !present.has(c.key)) errors.push({ row: headerRow, column: c.header, message: `缺少“${c.header}”列` });
  }
  if (tooMany) errors.push({ row: 0, message: `数据超过 ${MAX_LEDGER_ROWS} 行，请分批导入` });
  if (!errors.length && rows.length === 0) errors.push({ row: headerRow + 1, message: '文件中没有数据行' });
  return { name, rows, errors };
}

function rowCells(row: ExcelJS.Row): Map<number, unknown> {
  const cells = new Map<number, unknown>();
  row.eachCell({ includeEmpty: false }, (cell, col) => cells.set(col, cell.value));
  return cells;
}

function mapColumns(cells: Map<number, unknown>, resolve: (text: string) => ColumnKey | undefined): Map<number, ColumnKey> {
  const columns = new Map<number, ColumnKey>();
  const seen = new Set<ColumnKey>();
  for (const [col, value] of cells) {
    const key = resolve(cellText(value));
    if (key && !seen.has(key)) {
      columns.set(col, key);
      seen.add(key);
    }
  }
  return columns;
}

const IMPORT_KEYS = new Set<string>(IMPORT_COLUMNS.map((c) => c.key));
function isImportKey(key: ColumnKey): key is ImportKey {
  return IMPORT_KEYS.has(key);
}

// ---------------------------------------------------------------------------------------------
// Writing

export type SheetValue = string | number | Date | null;
export type LedgerSheetRow = Partial<Record<ColumnKey, SheetValue>>;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const EXPORT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/**
 * Writes a ledger workbook to `out`: the 台账 sheet (Chinese header row, hidden row of field keys,
 * then `rows`) and the 说明 sheet. With `withExportColumns` the export's columns follow the template's.
 */
export async function writeLedgerWorkbook(
  out: Writable,
  rows: AsyncIterable<LedgerSheetRow> | Iterable<LedgerSheetRow>,
  opts: { withExportColumns: boolean; title?: string },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'EcoLoop';
  wb.created = new Date();
  const columns: readonly TemplateColumn<ColumnKey>[] = opts.withExportColumns ? ALL_COLUMNS : IMPORT_COLUMNS;
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

  for await (const values of rows) {
    const row = ws.addRow(columns.map((c) => toCell(c.key, values[c.key])));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (DATE_KEYS.has(c.key)) cell.numFmt = 'yyyy-mm-dd';
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    row.commit();
  }
  ws.commit();
  writeNotes(wb.addWorksheet(NOTES_SHEET), columns, opts.title);
  await wb.commit();
}

function toCell(key: ColumnKey, value: SheetValue | undefined): SheetValue {
  if (value === undefined || value === null || value === '') return null;
  if (DATE_KEYS.has(key) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return excelDate(value);
  return value;
}

function writeNotes(ws: ExcelJS.Worksheet, columns: readonly TemplateColumn<ColumnKey>[], title?: string): void {
  ws.columns = [{ width: 16 }, { width: 14 }, { width: 8 }, { width: 100 }];
  const lines: (string | null)[][] = [
    [title ? `${title} — 台账模板说明` : '生态环境问题整改台账 — 导入模板说明'],
    ['1. 在“台账”工作表第 3 行起逐行填写，每行一个问题或任务；第 1 行为列名（带 * 为必填），第 2 行为隐藏的字段标识，请勿修改或删除。'],
    ['2. 导入“全部成功或全部不导入”：任意一行有错（单位或地区不存在、日期无效、缺少标题、与文件内其他行或台账中已有问题重复等），整个文件都不会导入，并逐行列出全部错误。'],
    ['3. 每行按“县（市、区）”生成案件，每个县（市、区）一个案件，直接交办给该县（市、区）的牵头单位，整改时限为该行的整改时限；案件全部核查销号后，该行才算销号。'],
    ['4. 导出的台账沿用本模板，并在后面增加 案件编号、状态、序时进展、销号日期、是否超期 五列；这些列在导入时会被忽略，因此导出的文件可以直接再导入另一个台账。'],
    ['5. 导出文件不含举报人姓名、电话等个人信息。'],
    [null],
    ['列名', '字段标识', '必填', '填写说明'],
    ...columns.map((c) => [c.header, c.key, c.required ? '是' : '', c.note]),
    [null],
    ['类别可填写的中文名称：', null, null, Object.entries(CATEGORY_LABELS).map(([id, label]) => `${label}（${id}）`).join('、')],
    [null],
    ['示例：', null, null, `${headerOf('seq')}=1；${headerOf('title')}=凤桥镇三星村入河排污口私设暗管；${headerOf('category')}=入河排污口；${headerOf('county')}=南湖区；${headerOf('town')}=凤桥镇；${headerOf('leadUnit')}=凤桥镇生态办；${headerOf('coUnits')}=南湖分局；${headerOf('deadline')}=2026-12-31；${headerOf('milestones')}=2026-09-30;2026-11-30`],
  ];
  for (const [i, line] of lines.entries()) {
    const row = ws.addRow(line);
    if (i === 0 || line[0] === '列名') row.font = { bold: true };
    row.alignment = { vertical: 'top', wrapText: true };
    row.commit();
  }
  ws.commit();
}
