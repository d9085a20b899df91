import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { withCheckChar } from '@ecoloop/workflow';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { MB, withIncompressibleStrings, withSharedStrings } from '../../../test-support/xlsx-bombs.js';
import { enterpriseWorkbook, readEnterpriseRowsIsolated } from '../enterprise-xlsx.js';

const stamp = Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, '1').slice(-6).padStart(6, '0');
const CODE = withCheckChar(`91330402MA${stamp}7`);
const ROW = { creditCode: CODE, name: '嘉兴凤桥针织有限公司', region: '凤桥镇', industry: '纺织' };
const base = async () => JSZip.loadAsync(await enterpriseWorkbook([ROW]));

/** The registry import parses in a worker thread with the ledger import's guards (DESIGN §13, §15). */
describe('spreadsheet bombs on the enterprise registry import', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'enterprise-bombs-'));
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const upload = async (file: Buffer) => t.http().post('/api/v1/enterprises/import').set('Authorization', await t.tokenOf('dispatcher.nanhu')).attach('file', file, '企业名录.xlsx');

  it('refuses shared-string bombs with 413 and changes nothing; the API keeps answering and the next import works', async () => {
    const strings = await withSharedStrings(await base(), 96, MB); // 96 MB of strings in a few hundred KB
    const oneCell = await withSharedStrings(await base(), 1, 120 * MB); // one 120 MB string
    expect(strings.length).toBeLessThan(2 * MB);
    const results = await Promise.all([upload(strings), upload(oneCell)]);
    for (const r of results) expect([r.status, r.body.code]).toEqual([413, 'file_too_large']);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM enterprise WHERE credit_code = $1`, [CODE]))[0].n).toBe(0);

    expect((await t.http().get('/api/v1/health')).status).toBe(200);
    const ok = await upload(await enterpriseWorkbook([ROW]));
    expect([ok.status, ok.body]).toEqual([201, { imported: 1, created: 1, updated: 0 }]);
  }, 60_000);

  it('a workbook whose parsing outgrows the worker heap is refused (413); file errors still come back from the worker (422)', async () => {
    const heavy = join(dir, 'heavy.xlsx');
    writeFileSync(heavy, await withIncompressibleStrings(await base(), 24));
    await expect(readEnterpriseRowsIsolated(heavy, { heapMb: 16 })).rejects.toMatchObject({ status: 413, code: 'file_too_large' });

    const ok = join(dir, 'ok.xlsx');
    writeFileSync(ok, await enterpriseWorkbook([ROW]));
    expect(await readEnterpriseRowsIsolated(ok)).toEqual([{ row: 3, values: expect.objectContaining({ creditCode: CODE, name: ROW.name }) }]);

    const headerless = await base();
    const sst = await headerless.file('xl/sharedStrings.xml')!.async('string');
    headerless.file('xl/sharedStrings.xml', sst.replace('统一社会信用代码', '备用列一').replace('企业名称', '备用列二'));
    const refused = await upload(await headerless.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'enterprise_import_refused', details: [{ row: 0, message: expect.stringContaining('未找到表头') }] });
  }, 60_000);
});
