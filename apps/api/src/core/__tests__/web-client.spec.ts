import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

const NOT_FOUND = { statusCode: 404, error: 'Not Found', code: 'not_found', message: expect.stringMatching(/^(未找到|资源不存在)或无权查看$/) };

describe('the web client at / (WEB_DIST)', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecoloop-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>生态环境问题发现与整改闭环系统</title>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    t = await createTestApp({ WEB_DIST: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves its files, and index.html (not cached) for the client’s own routes', async () => {
    const asset = await t.http().get('/assets/app-1a2b.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('max-age=3600');
    for (const path of ['/', '/cases/5d0c9c1e-0000-4000-8000-000000000000', '/ledgers?tab=rows']) {
      const page = await t.http().get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
      expect(page.text).toContain('生态环境问题发现与整改闭环系统');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    }
    await t.http().head('/cases').expect(200);
  });

  it('never answers an API path, a non-HTML client or another method with the page', async () => {
    for (const req of [
      t.http().get('/api/v1/no-such-thing').set('Accept', 'text/html'),
      t.http().get('/cases').set('Accept', 'application/json'),
      t.http().post('/cases').send({}),
      t.http().get('/assets/missing.js').set('Accept', 'application/javascript'),
    ]) {
      const res = await req;
      expect(res.status).toBe(404);
      expect(res.body).toEqual(NOT_FOUND);
    }
    // Open311's paths answer their errors as GeoReport v2 errors.
    const open311 = await t.http().get('/open311/v2/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(open311.body).toEqual([{ code: 404, description: expect.stringMatching(/^(未找到|资源不存在)或无权查看$/) }]);
  });
});
