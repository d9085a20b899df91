import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Content-addressed files under STORAGE_DIR: `<dir>/ab/cd/<sha256>`. The user's file name is only
 * metadata; identical uploads share one file.
 */
export class AttachmentStorage {
  readonly root: string;
  readonly tmpDir: string;

  constructor(storageDir: string) {
    this.root = resolve(storageDir);
    this.tmpDir = join(this.root, 'tmp');
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async sha256Of(file: string): Promise<string> {
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    return hash.digest('hex');
  }

  /** Moves an upload to its content address (or drops it when that content is already stored). */
  async store(tmpFile: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    const exists = await stat(target).then(() => true, () => false);
    if (exists) {
      await rm(tmpFile, { force: true });
      return;
    }
    await mkdir(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
    await rename(tmpFile, target);
  }

  /** Stores bytes held in memory (demo data, generated files); returns their sha256. */
  async storeBuffer(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, `${sha256}.${process.pid}.tmp`);
    await writeFile(tmp, bytes);
    await this.store(tmp, sha256);
    return sha256;
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }
}
