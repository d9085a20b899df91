// Files of the ledger tests: import sheets written here and file answers read back.
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../modules/ledgers/ledger-template.js';

/** A date `n` days from now (Asia/Shanghai), as the template writes it. */
export const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

export type TemplateRow = Partial<Record<(typeof IMPORT_COLUMNS)[number]['key'], string | number | Date>>;

/**
 * An .xlsx in the import template: an optional title row, the Chinese header row, optionally the
 * hidden row of field keys, then the rows; optionally a 说明 sheet after it.
 */
export async function templateFile(rows: TemplateRow[], options: { title?: string; keyRow?: boolean; notesSheet?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  if (options.title) ws.addRow([options.title]);
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  if (options.keyRow) ws.addRow(IMPORT_COLUMNS.map((c) => c.key)).hidden = true;
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  if (options.notesSheet) wb.addWorksheet('说明').addRow(['说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A supertest parser that keeps a file answer as a Buffer (superagent hands a Node parser the response stream). */
export function binary(res: Stream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
