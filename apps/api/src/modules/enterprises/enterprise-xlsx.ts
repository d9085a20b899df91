// The enterprise registry spreadsheet → raw rows: the header row is found in the first 30 rows of
// whichever sheet has one (title rows above it are common), cells are read as text.
import ExcelJS from 'exceljs';
import type { ErrorDetail } from '../../core/errors/app-error.js';
import { checkZipDirectory, parseFileInWorker, workerScript } from '../ledgers/ledger-file-guard.js';
import { cellText } from '../ledgers/ledger-template.js';
import { ENTERPRISE_COLUMNS, enterpriseColumnFor, type EnterpriseColumnKey, type RawEnterpriseRow } from './enterprise-rows.js';

/** Rows a registry file may hold. */
export const MAX_ENTERPRISE_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 30;

export class EnterpriseFileError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super(details.map((d) => d.message).join('; '));
  }
}

/** Reads the registry sheet of an .xlsx file; refuses a file that is not one or has no header row. */
export async function readEnterpriseRows(path: string): Promise<RawEnterpriseRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch {
    throw new EnterpriseFileError([{ row: 0, message: '文件不是有效的 Excel（.xlsx）文件' }]);
  }
  for (const sheet of book.worksheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    const rows: RawEnterpriseRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number <= header.row) return;
      const values: RawEnterpriseRow['values'] = {};
      for (const [col, key] of header.columns) {
        const text = cellText(row.getCell(col).value);
        if (text) values[key] = text;
      }
      if (Object.keys(values).length === 0) return;
      // Trailing notes (注 / 备注 / 合计) are not enterprises.
      if (!values.creditCode && /^(注|备注|合计|说明)/.test(values.name ?? cellText(row.getCell(1).value))) return;
      // The template's example row.
      if (/^[（(]示例[)）]/.test(values.name ?? '')) return;
      rows.push({ row: number, values });
    });
    if (rows.length > MAX_ENTERPRISE_ROWS) throw new EnterpriseFileError([{ row: 0, message: `一次最多导入 ${MAX_ENTERPRISE_ROWS} 家企业` }]);
    return rows;
  }
  throw new EnterpriseFileError([{ row: 0, message: '未找到表头：需要包含“统一社会信用代码”“企业名称”“所属区域”列' }]);
}

/**
 * Parses an uploaded registry off the main thread, as ledger imports are: the zip directory check
 * first (a bomb or an oversized part answers 413 before any parsing), then readEnterpriseRows in a
 * worker thread with a heap limit and a deadline (past them: 413). File errors throw EnterpriseFileError.
 */
export async function readEnterpriseRowsIsolated(path: string, opts: { heapMb?: number; timeoutMs?: number } = {}): Promise<RawEnterpriseRow[]> {
  await checkZipDirectory(path);
  const result = await parseFileInWorker<RawEnterpriseRow>(workerScript('./enterprise-read.worker.js', import.meta.url), path, opts);
  if (!Array.isArray(result)) throw new EnterpriseFileError(result.fileErrors);
  return result;
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Map<number, EnterpriseColumnKey> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<number, EnterpriseColumnKey>();
    sheet.getRow(r).eachCell((cell, col) => {
      const key = enterpriseColumnFor(cellText(cell.value));
      if (key && ![...columns.values()].includes(key)) columns.set(col, key);
    });
    const keys = new Set(columns.values());
    if (keys.has('creditCode') && keys.has('name')) return { row: r, columns };
  }
  return null;
}

/** A registry workbook with the template's header (for the template download and tests). */
export async function enterpriseWorkbook(rows: Partial<Record<EnterpriseColumnKey, string | number>>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业名录');
  sheet.addRow(['企业环境信用名录']);
  sheet.addRow(ENTERPRISE_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(ENTERPRISE_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}
