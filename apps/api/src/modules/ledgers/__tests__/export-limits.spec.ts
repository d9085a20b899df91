import { PassThrough } from 'node:stream';
import { binary, day } from '../../../test-support/ledger-files.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { ExportLimiter } from '../export-limiter.js';
import { writeLedgerWorkbook, type LedgerSheetRow } from '../ledger-xlsx.js';

async function importTemplate(rows: LedgerSheetRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeLedgerWorkbook(out, rows, { withExportColumns: false });
  return Buffer.concat(chunks);
}

describe('ExportLimiter', () => {
  it('runs 2 exports at once, queues 8, refuses the rest with 503 and a second one per user with 429', async () => {
    const limiter = new ExportLimiter();
    const first = await limiter.acquire('u1');
    await expect(limiter.acquire('u1')).rejects.toMatchObject({ status: 429 });
    const second = await limiter.acquire('u2');
    const waiting = Array.from({ length: 8 }, (_, i) => limiter.acquire(`w${i}`));
    await expect(limiter.acquire('late')).rejects.toMatchObject({ status: 503, retryAfter: expect.any(Number) });
    first();
    first(); // idempotent
    second();
    await Promise.all(waiting.map((p) => p.then((release) => release())));
    expect(limiter.inUse).toBe(0);
    (await limiter.acquire('u1'))();
  });
});

describe('ledger exports under load (issue 12 item 3)', () => {
  let t: TestApp;
  let ledgerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const auth = await t.tokenOf('dispatcher.city');
    const created = await t
      .http()
      .post('/api/v1/ledgers')
      .set('Authorization', auth)
      .send({ title: `导出压力测试台账 ${Date.now()}`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '督察组', issuedDate: day(-5), dueDate: day(150) });
    ledgerId = created.body.id;
    const towns = [['南湖区', '凤桥镇', '凤桥镇生态办'], ['秀洲区', '王江泾镇', '王江泾镇生态办']];
    const rows: LedgerSheetRow[] = Array.from({ length: 2000 }, (_, i) => {
      const [county, town, leadUnit] = towns[i % 2];
      return { seq: i + 1, title: `导出测试问题 ${i + 1}，河道沿岸生活垃圾堆放`, category: 'water.outfall', county, town, leadUnit, deadline: day(60) };
    });
    const res = await t.http().post(`/api/v1/ledgers/${ledgerId}/import`).set('Authorization', auth).attach('file', await importTemplate(rows), '台账.xlsx');
    expect(res.status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  const exportAs = async (username: string) =>
    t.http().get(`/api/v1/ledgers/${ledgerId}/export`).set('Authorization', await t.tokenOf(username)).buffer(true).parse(binary);

  it('refuses a second concurrent export of one user with 429', async () => {
    const statuses = (await Promise.all([exportAs('dispatcher.city'), exportAs('dispatcher.city')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 429]);
  });

  // Timing is for benchmarks (npm run bench:ledger); this checks the bound: one export per user at a
  // time, the rest refused at once instead of queueing behind each other, and /health still answers.
  it('bounds 30 exports requested at once: one per user runs, the rest are refused, /health answers', async () => {
    const users = ['dispatcher.city', 'supervisor.city', 'leader.city', 'dispatcher.nanhu'];
    for (const u of users) await t.tokenOf(u);
    const exports = Array.from({ length: 30 }, (_, i) => exportAs(users[i % users.length]));
    for (let i = 0; i < 3; i++) await t.http().get('/api/v1/health').expect(200);
    const results = await Promise.all(exports);
    const ok = results.filter((r) => r.status === 200);
    expect(results.map((r) => r.status).filter((s) => s !== 429)).toEqual(Array(users.length).fill(200));
    expect(ok.length).toBeGreaterThanOrEqual(users.length);
    for (const r of results) expect([200, 429, 503]).toContain(r.status);
    for (const r of ok) expect((r.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);
});
