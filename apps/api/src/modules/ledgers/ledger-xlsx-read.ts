// Reading an uploaded ledger .xlsx as bureaus make them (DESIGN §15): title and subtitle rows above
// the header, the header anywhere in the first 30 rows of whichever sheet has it, header synonyms,
// vertically merged cells filled down, trailing 注/备注/合计 rows ignored. Streaming (exceljs
// WorkbookReader); runs in the import worker thread (ledger-read.worker.ts).
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import type { RawRow } from './ledger-rows.js';
import {
  IMPORT_COLUMNS,
  LEDGER_SHEET,
  NOTES_SHEET,
  cellText,
  columnForHeader,
  columnForKey,
  halfWidth,
  milestonesText,
  numberedMilestoneColumn,
  type ColumnKey,
  type ImportKey,
  type NumberedMilestoneColumn,
} from './ledger-template.js';

/** Rows of data a file may hold. */
export const MAX_LEDGER_ROWS = 20_000;
/** Longest text of one cell, as in Excel itself (32,767 characters). */
export const MAX_CELL_CHARS = 32_767;
/** How far down the header row may be (files carry title, subtitle and 填报单位 rows above it). */
export const HEADER_SEARCH_ROWS = 30;

export class LedgerFileError extends Error {
  /** `reason`: what the parser said, for the logs (the details are what the user reads). */
  constructor(
    readonly details: ErrorDetail[],
    readonly reason?: string,
  ) {
    super(details.map((d) => d.message).join('; '));
  }
}

/** A merged range's top-left cell and extent (1-based rows and columns). */
interface Merge {
  top: number;
  left: number;
  bottom: number;
}

type MergeSink = { merges: Merge[] };

/**
 * exceljs' streaming reader decodes every inflated chunk on its own, so a Chinese character split
 * across two chunks turns into U+FFFD (exceljs issues #2063, #2084; fixes unmerged). This reader
 * decodes the XML it parses with one StringDecoder per zip entry instead. It also collects each
 * sheet's <mergeCell> ranges, which exceljs' streaming reader skips, onto the worksheet it emits.
 */
class BureauWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<{ eventType: string; value: unknown }> {
    const sink: MergeSink = { merges: [] };
    const inner = base._parseWorksheet.call(this, decodeUtf8(iterator, sink), sheetNo) as Generator<{ eventType: string; value: unknown }>;
    for (const event of inner) {
      if (event.eventType === 'worksheet') (event.value as { mergeSink?: MergeSink }).mergeSink = sink;
      yield event;
    }
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

const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;

async function* decodeUtf8(source: AsyncIterable<Buffer | string>, sink: MergeSink): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  const seen = new Set<string>();
  const scan = (text: string) => {
    const window = tail + text;
    for (const m of window.matchAll(MERGE_CELL)) {
      const key = m.slice(1).join(':');
      if (seen.has(key)) continue;
      seen.add(key);
      sink.merges.push({ left: columnNumber(m[1]), top: Number(m[2]), bottom: Number(m[4]) });
    }
    tail = window.slice(-200); // a tag split across two chunks is whole in the next window
  };
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) {
      scan(text);
      yield text;
    }
  }
  const rest = decoder.end();
  if (rest) {
    scan(rest);
    yield rest;
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface HeaderedSheet {
  name: string;
  headerRow: number;
  columns: Map<number, ColumnKey>;
  /** The export's numbered 序时节点 columns (date cells), read back into the 序时节点 text. */
  milestoneColumns: Map<number, NumberedMilestoneColumn>;
  /** Every non-empty row below the header, as read (before merges are filled down). */
  rows: { number: number; cells: Map<number, unknown> }[];
  merges: Merge[];
  tooMany: boolean;
}

/**
 * Reads the ledger rows of an .xlsx: from the sheet named 台账 when it has a header, else from the
 * first sheet (other than 说明) with a header in its first 30 rows. A row of field keys right below
 * the header (the template's hidden second header) takes precedence. Every row carries its sheet name.
 * Throws LedgerFileError (Chinese messages naming the sheet) when the file has no usable sheet.
 */
export async function readLedgerRows(input: Readable | string): Promise<RawRow[]> {
  const reader = new BureauWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date cells come back as Date only with their number formats
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let chosen: HeaderedSheet | undefined;
  const headerless: string[] = [];
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name ?? '';
      const wanted = name !== NOTES_SHEET && (!chosen || (name === LEDGER_SHEET && chosen.name !== LEDGER_SHEET));
      if (!wanted) {
        for await (const _row of sheet) void _row; // drain, so its temporary file is released
        continue;
      }
      const read = await scanSheet(name, sheet);
      if (read) {
        read.merges = (sheet as unknown as { mergeSink?: MergeSink }).mergeSink?.merges ?? [];
        chosen = read;
      } else headerless.push(name);
    }
  } catch (err) {
    if (err instanceof LedgerFileError) throw err;
    throw new LedgerFileError([{ row: 0, message: '文件不是有效的 .xlsx 工作簿，请用 Excel 或 WPS 另存为 .xlsx 后再导入' }], String((err as Error)?.stack ?? err));
  }
  if (!chosen) {
    const names = headerless.map((n) => `“${n}”`).join('、');
    const message = headerless.length
      ? `工作表${names}的前 ${HEADER_SEARCH_ROWS} 行中都找不到表头：表头行应有“${IMPORT_COLUMNS.filter((c) => 'required' in c && c.required)
          .map((c) => c.header)
          .join('、')}”等列名`
      : '文件中没有可导入的工作表';
    throw new LedgerFileError([{ row: 0, sheet: headerless[0], message }]);
  }
  const { rows, errors } = toRawRows(chosen);
  if (errors.length) throw new LedgerFileError(errors.map((e) => ({ ...e, sheet: chosen.name })));
  return rows;
}

/** The header (within the first rows) and the non-empty rows below it; undefined without a header. */
async function scanSheet(name: string, sheet: AsyncIterable<ExcelJS.Row>): Promise<HeaderedSheet | undefined> {
  let found: HeaderedSheet | undefined;
  let checkedKeyRow = false;
  for await (const row of sheet) {
    const cells = rowCells(row);
    if (!found) {
      if (row.number > HEADER_SEARCH_ROWS) continue; // drain the rest
      const byHeader = mapColumns(cells, columnForHeader);
      if (byHeader.size >= 3 || (byHeader.size >= 2 && [...byHeader.values()].includes('title'))) {
        found = { name, headerRow: row.number, columns: byHeader, milestoneColumns: numberedColumns(cells), rows: [], merges: [], tooMany: false };
      }
      continue;
    }
    if (!checkedKeyRow) {
      checkedKeyRow = true;
      const byKey = mapColumns(cells, columnForKey);
      if (byKey.size >= 2 && row.number === found.headerRow + 1) {
        found.columns = byKey;
        found.milestoneColumns = numberedColumns(cells);
        continue;
      }
    }
    if (cells.size === 0) continue;
    // Keep a margin over the limit for rows that turn out to be notes or empty after reading.
    if (found.rows.length >= MAX_LEDGER_ROWS + 1000) {
      found.tooMany = true;
      continue;
    }
    found.rows.push({ number: row.number, cells });
  }
  return found;
}

/** 注：… / 备注 / 合计 / 说明 rows after the data (and everything below them) are not rows of the ledger. */
const NOTE_ROW = /^((注|备注|附注|说明|填表说明)\s*([:：]|\d|$)|(合计|总计|小计)|注\s*[1１一]?\s*[、.．])/;

function toRawRows(sheet: HeaderedSheet): { rows: RawRow[]; errors: ErrorDetail[] } {
  const rows: RawRow[] = [];
  const errors: ErrorDetail[] = [];
  const fillDown = fillDownMap(sheet);
  let tooMany = sheet.tooMany;
  for (const { number, cells } of sheet.rows) {
    const first = [...cells.entries()].sort(([a], [b]) => a - b).find(([, v]) => cellText(v) !== '');
    if (first && NOTE_ROW.test(halfWidth(cellText(first[1])))) break;
    const values: Partial<Record<ImportKey, unknown>> = {};
    let empty = true;
    for (const [col, key] of sheet.columns) {
      if (!isImportKey(key)) continue;
      const v = cells.get(col) ?? fillDown.get(`${number}:${col}`);
      if (v === undefined || v === null) continue;
      const text = cellText(v);
      if (text.length > MAX_CELL_CHARS) {
        if (errors.length < 100) errors.push({ row: number, message: `单元格内容超过 ${MAX_CELL_CHARS} 个字符` });
        continue;
      }
      if (text === '') continue;
      values[key] = v;
      empty = false;
    }
    if (sheet.milestoneColumns.size && values.milestones === undefined) {
      const numbered = new Map<number, { date?: unknown; percent?: unknown }>();
      for (const [col, { n, part }] of sheet.milestoneColumns) {
        const v = cells.get(col) ?? fillDown.get(`${number}:${col}`);
        if (v === undefined || v === null) continue;
        numbered.set(n, { ...numbered.get(n), [part]: v });
      }
      const text = milestonesText(numbered);
      if (text) values.milestones = text;
    }
    if (empty) continue;
    if (rows.length >= MAX_LEDGER_ROWS) {
      tooMany = true;
      continue;
    }
    rows.push({ row: number, sheet: sheet.name, values });
  }
  const present = new Set(sheet.columns.values());
  for (const c of IMPORT_COLUMNS) {
    if ('required' in c && c.required && !present.has(c.key)) errors.push({ row: sheet.headerRow, column: c.header, message: `工作表“${sheet.name}”第 ${sheet.headerRow} 行的表头中缺少“${c.header}”列` });
  }
  if (tooMany) errors.push({ row: 0, message: `数据超过 ${MAX_LEDGER_ROWS} 行，请分批导入` });
  if (!errors.length && rows.length === 0) errors.push({ row: sheet.headerRow + 1, message: '文件中没有数据行' });
  return { rows, errors };
}

/**
 * The value each cell covered by a vertical merge takes: its range's top-left value (a merged
 * 责任单位 over three rows belongs to all three). Only ranges below the header are filled.
 */
function fillDownMap(sheet: HeaderedSheet): Map<string, unknown> {
  const fill = new Map<string, unknown>();
  if (!sheet.merges.length) return fill;
  const byNumber = new Map(sheet.rows.map((r) => [r.number, r.cells]));
  for (const m of sheet.merges) {
    if (m.top <= sheet.headerRow || m.bottom <= m.top) continue;
    const value = byNumber.get(m.top)?.get(m.left);
    if (value === undefined || value === null) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) fill.set(`${r}:${m.left}`, value);
  }
  return fill;
}

function rowCells(row: ExcelJS.Row): Map<number, unknown> {
  const cells = new Map<number, unknown>();
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (cellText(cell.value) !== '' || cell.value instanceof Date) cells.set(col, cell.value);
  });
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

function numberedColumns(cells: Map<number, unknown>): Map<number, NumberedMilestoneColumn> {
  const out = new Map<number, NumberedMilestoneColumn>();
  for (const [col, value] of cells) {
    const found = numberedMilestoneColumn(cellText(value));
    if (found) out.set(col, found);
  }
  return out;
}

const IMPORT_KEYS = new Set<string>(IMPORT_COLUMNS.map((c) => c.key));
function isImportKey(key: ColumnKey): key is ImportKey {
  return IMPORT_KEYS.has(key);
}
