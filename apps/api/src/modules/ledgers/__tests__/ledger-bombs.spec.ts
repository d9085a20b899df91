import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { day } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { MB, withIncompressibleStrings, withSharedStrings } from '../../../test-support/xlsx-bombs.js';
import { readLedgerRowsIsolated } from '../ledger-file-guard.js';
import { IMPORT_COLUMNS } from '../ledger-template.js';

/** A valid one-row ledger workbook (shared strings on, as Excel writes it). */
async function baseWorkbook(cell?: string): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  ws.addRow(IMPORT_COLUMNS.map((c) => c.key)).hidden = true;
  const row: Record<string, unknown> = { seq: 1, title: cell ?? '凤桥镇三星村河道漂浮物', category: 'water', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', deadline: day(60) };
  ws.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? null));
  return JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('spreadsheet bombs on the ledger import (issue 12 item 2)', () => {
  let t: TestApp;
  let ledgerId: string;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bombs-'));
  beforeAll(async () => {
    t = await createTestApp();
    const res = await t
      .http()
      .post('/api/v1/ledgers')
      .set('Authorization', await t.tokenOf('dispatcher.city'))
      .send({ title: `压缩炸弹测试台账 ${Date.now()}`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '督察组', issuedDate: day(-5), dueDate: day(150) });
    expect(res.status).toBe(201);
    ledgerId = res.body.id;
  });
  afterAll(() => t.close());

  const upload = async (file: Buffer) =>
    t.http().post(`/api/v1/ledgers/${ledgerId}/import`).set('Authorization', await t.tokenOf('dispatcher.city')).attach('file', file, '台账.xlsx');

  it('refuses shared-string and single-cell bombs from the zip directory with 413 in seconds while /health stays fast', async () => {
    const strings = await withSharedStrings(await baseWorkbook(), 96, MB); // 96 MB of strings in a few hundred KB
    const oneCell = await withSharedStrings(await baseWorkbook(), 1, 120 * MB); // one 120 MB string
    expect(strings.length).toBeLessThan(2 * MB);
    const started = Date.now();
    const imports = [upload(strings), upload(oneCell), upload(strings)];
    const health = await t.http().get('/api/v1/health');
    const healthMs = Date.now() - started;
    const results = await Promise.all(imports);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(2000);
    for (const r of results) expect(r.status === 413 && r.body.code === 'file_too_large').toBe(true);
  }, 60_000);

  it('refuses a cell longer than 32,767 characters with 422', async () => {
    const res = await upload(Buffer.from(await (await baseWorkbook('污'.repeat(40_000))).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })));
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.details)).toContain('32767');
  });

  it('a workbook whose parsing outgrows the worker heap is refused (413), and the next import still works', async () => {
    // 24 MB of incompressible text: passes the directory check, does not fit a 16 MB heap.
    const path = join(dir, 'heavy.xlsx');
    writeFileSync(path, await withIncompressibleStrings(await baseWorkbook(), 24));
    await expect(readLedgerRowsIsolated(path, { heapMb: 16 })).rejects.toMatchObject({ status: 413, code: 'file_too_large' });

    const ok = join(dir, 'ok.xlsx');
    writeFileSync(ok, await (await baseWorkbook()).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const rows = await readLedgerRowsIsolated(ok);
    expect(Array.isArray(rows) ? rows.length : rows).toBe(1);
  }, 60_000);
});
