import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { PNG_1X1 } from '../../../test-support/cases.js';

describe('attachments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stores an image by its sha256, sniffing the type from the content', async () => {
    const auth = await t.tokenOf('grid.fengqiao001');
    const res = await t.http().post('/api/v1/attachments').set('Authorization', auth).attach('file', PNG_1X1, { filename: '../../etc/现场.jpg', contentType: 'image/jpeg' }).expect(201);
    const sha = createHash('sha256').update(PNG_1X1).digest('hex');
    expect(res.body).toMatchObject({ sha256: sha, mime: 'image/png', size: PNG_1X1.length });
    expect(existsSync(join(process.env.STORAGE_DIR!, sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    const download = await t.http().get(`/api/v1/attachments/${res.body.id}`).set('Authorization', auth).expect(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.body as Buffer, PNG_1X1)).toBe(0);
  });

  it('refuses a text file named .png with 415 and stores nothing', async () => {
    const auth = await t.tokenOf('grid.fengqiao001');
    const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM attachment WHERE original_name = 'not-an-image.png'`))[0].n;
    const before = await count();
    const res = await t.http().post('/api/v1/attachments').set('Authorization', auth).attach('file', Buffer.from('just some text, not an image'), { filename: 'not-an-image.png', contentType: 'image/png' }).expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    expect(await count()).toBe(before);
  });

  it('refuses a file over the size limit with 413', async () => {
    const small = await createTestApp({ ATTACHMENT_MAX_BYTES: '2048' });
    try {
      const big = Buffer.concat([PNG_1X1, Buffer.alloc(4096)]);
      const res = await small.http().post('/api/v1/attachments').set('Authorization', await small.tokenOf('grid.fengqiao001')).attach('file', big, 'big.png');
      expect(res.status).toBe(413);
      expect(res.body.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('asks for the file field', async () => {
    await t.http().post('/api/v1/attachments').set('Authorization', await t.tokenOf('grid.fengqiao001')).field('x', 'y').expect(400);
  });
});
