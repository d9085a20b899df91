import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { must, PNG_1X1, reportCase, uploadPng } from '../../../test-support/cases.js';

/** Issue 19 item 6 and 13: likely duplicates near a point before reporting; a case's attachments as one zip. */
describe('GET /cases/nearby and GET /cases/:id/attachments.zip', () => {
  let t: TestApp;
  const marker = `附近${Date.now()}`;
  // A field edge in 凤桥镇 and points about 100 m north and 1 km east of it.
  const here = { lat: 30.6605, lng: 120.8625 };
  const near = { lat: 30.6614, lng: 120.8625 };
  const far = { lat: 30.6605, lng: 120.8729 };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const nearby = async (username: string, q: Record<string, string | number>) =>
    t.http().get('/api/v1/cases/nearby').query(q).set('Authorization', await t.tokenOf(username));

  it('lists open cases of the same kind within the radius, nearest first, in the caller’s jurisdiction only', async () => {
    const burning = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 秸秆焚烧`, category: 'air.open_burning', ...here });
    const dust = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 工地扬尘`, category: 'air.dust', ...near });
    const water = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 河道漂浮物`, category: 'water.black_odorous', ...here });
    const away = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 远处焚烧`, category: 'air.open_burning', ...far });
    const refused = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 已不予受理`, category: 'air.open_burning', ...here });
    await must(t, 'dispatcher.nanhu', refused.id, 'reject', { reason: '经核实不属于生态环境问题' });

    const res = await nearby('dispatcher.nanhu', { ...near, category: 'air.open_burning' });
    expect(res.status).toBe(200);
    const mine = (res.body as { id: string; distanceM: number; title: string }[]).filter((c) => c.title.startsWith(marker));
    // The 扬尘 report is at the point itself, the 焚烧 one about 100 m away; water, far and rejected ones are not listed.
    expect(mine.map((c) => c.id)).toEqual([dust.id, burning.id]);
    expect(mine[0].distanceM).toBe(0);
    expect(mine[1].distanceM).toBeGreaterThanOrEqual(90);
    expect(mine[1].distanceM).toBeLessThanOrEqual(110);
    for (const c of res.body as { distanceM: number; state: string }[]) {
      expect(c.distanceM).toBeLessThanOrEqual(300);
      expect(['reported', 'pending_dispatch', 'assigned', 'rectifying', 'pending_verification']).toContain(c.state);
    }
    expect((res.body as { id: string }[]).map((c) => c.id)).not.toEqual(expect.arrayContaining([water.id]));

    // A wider radius reaches the case 1 km away.
    const wide = await nearby('dispatcher.nanhu', { ...here, category: 'air', radiusM: 1500 });
    expect((wide.body as { id: string }[]).map((c) => c.id)).toEqual(expect.arrayContaining([burning.id, dust.id, away.id]));
    expect((wide.body as { id: string }[]).map((c) => c.id)).not.toContain(refused.id);

    // The reporter sees them too; another county's dispatcher sees none of them.
    const grid = await nearby('grid.fengqiao001', { ...here, category: 'air' });
    expect((grid.body as { id: string }[]).map((c) => c.id)).toEqual(expect.arrayContaining([burning.id, dust.id]));
    const other = await nearby('dispatcher.xiuzhou', { ...here, category: 'air', radiusM: 2000 });
    expect(other.status).toBe(200);
    expect(other.body).toEqual([]);
  });

  it('refuses a missing or impossible position, a bad category or radius, changing nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM "case"`);
    const badQueries: Record<string, string | number>[] = [
      { lng: 120.86, category: 'air' },
      { lat: 95, lng: 120.86, category: 'air' },
      { lat: 30.66, lng: 120.86, category: 'AIR; DROP' },
      { lat: 30.66, lng: 120.86, category: 'air', radiusM: 50_000 },
    ];
    for (const q of badQueries) {
      const res = await nearby('dispatcher.nanhu', q);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM "case"`)).toEqual(before);
  });

  it('zips every attachment of a visible case in upload order; 404 outside the caller’s jurisdiction', async () => {
    const a = await uploadPng(t, 'grid.fengqiao001', '现场.png');
    const b = await uploadPng(t, 'grid.fengqiao001', '现场.png');
    const c = await reportCase(t, 'grid.fengqiao001', { title: `${marker} 附件`, ...here, attachmentIds: [a, b] });
    const res = await t
      .http()
      .get(`/api/v1/cases/${c.id}/attachments.zip`)
      .set('Authorization', await t.tokenOf('dispatcher.nanhu'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain(`${c.code}-附件.zip`);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['01-现场.png', '02-现场.png']);
    expect(Buffer.compare(await zip.file('01-现场.png')!.async('nodebuffer'), PNG_1X1)).toBe(0);

    const other = await t.http().get(`/api/v1/cases/${c.id}/attachments.zip`).set('Authorization', await t.tokenOf('dispatcher.xiuzhou'));
    expect(other.status).toBe(404);
    const none = await t.http().get(`/api/v1/cases/00000000-0000-4000-8000-000000000000/attachments.zip`).set('Authorization', await t.tokenOf('dispatcher.nanhu'));
    expect(none.status).toBe(404);
  });
});
