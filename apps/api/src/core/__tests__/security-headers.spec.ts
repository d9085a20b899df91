import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { PNG_1X1, reportCase } from '../../test-support/cases.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('browser security headers (issue 12 item 12)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends a strict CSP, frame-ancestors none, DENY, no-referrer and nosniff on API and docs', async () => {
    for (const path of ['/api/v1/health', '/api/docs-json']) {
      const res = await t.http().get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only when the request came over TLS through the trusted proxy', async () => {
    const res = await t.http().get('/api/v1/health').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('reads TRUST_PROXY as a hop count as Express did: 1 trusts the proxy next to the server, false none', async () => {
    for (const [trust, hsts] of [['1', true], ['false', false]] as const) {
      const app = await createTestApp({ TRUST_PROXY: trust });
      try {
        const res = await app.http().get('/api/v1/health').set('X-Forwarded-Proto', 'https');
        expect(res.headers['strict-transport-security'] !== undefined).toBe(hsts);
      } finally {
        await app.close();
      }
    }
  });

  it('serves a PDF named .html as an attachment, an image inline, both under a sandbox CSP', async () => {
    const auth = await t.tokenOf('grid.fengqiao001');
    const upload = async (buf: Buffer, name: string) => (await t.http().post('/api/v1/attachments').set('Authorization', auth).attach('file', buf, name).expect(201)).body.id;
    const pdf = await upload(PDF, 'report.html');
    const png = await upload(PNG_1X1, 'photo.png');
    await reportCase(t, 'grid.fengqiao001', { attachmentIds: [pdf, png] });

    const asFile = await t.http().get(`/api/v1/attachments/${pdf}`).set('Authorization', auth).expect(200);
    expect(asFile.headers['content-disposition']).toMatch(/^attachment;/);
    expect(asFile.headers['content-security-policy']).toContain('sandbox');
    const asImage = await t.http().get(`/api/v1/attachments/${png}`).set('Authorization', auth).expect(200);
    expect(asImage.headers['content-disposition']).toMatch(/^inline;/);
    expect(asImage.headers['x-content-type-options']).toBe('nosniff');
  });
});
