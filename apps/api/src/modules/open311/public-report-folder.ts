import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../../core/config/app-config.js';
import { REDIS } from '../../core/redis/redis.tokens.js';
import { withTimeout } from '../../core/redis/with-timeout.js';

/** Identical public reports from one client within this window are one service request. */
export const FOLD_WINDOW_MS = 10 * 60_000;
const PENDING = 'pending';

/**
 * Folds repeated public reports: the same content (every field, whitespace-trimmed) from the same
 * client address within FOLD_WINDOW_MS answers the first report's service request instead of
 * opening another case. Kept in Redis; while Redis is away every report is taken as new.
 */
@Injectable()
export class PublicReportFolder {
  private readonly logger = new Logger(PublicReportFolder.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async fold(client: string, report: object, create: () => Promise<string>): Promise<{ code: string; folded: boolean }> {
    if (this.redis.status !== 'ready') return { code: await create(), folded: false };
    const key = `${this.config.redisPrefix}:open311:fold:${fingerprint(client, report)}`;
    try {
      const claimed = await withTimeout(this.redis.set(key, PENDING, 'PX', 30_000, 'NX'), 1000, 'fold claim');
      if (!claimed) {
        const code = await this.awaitCode(key);
        if (code) return { code, folded: true };
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'report folding skipped');
      return { code: await create(), folded: false };
    }
    let code: string;
    try {
      code = await create();
    } catch (err) {
      await this.redis.del(key).catch(() => undefined);
      throw err;
    }
    await withTimeout(this.redis.set(key, code, 'PX', FOLD_WINDOW_MS), 1000, 'fold record').catch(() => undefined);
    return { code, folded: false };
  }

  /** The first report's code, once it is created (a concurrent duplicate waits up to 3 s). */
  private async awaitCode(key: string): Promise<string | null> {
    for (let i = 0; i < 30; i++) {
      const value = await withTimeout(this.redis.get(key), 1000, 'fold lookup');
      if (value && value !== PENDING) return value;
      if (!value) return null;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }
}

function fingerprint(client: string, report: object): string {
  const fields = Object.entries(report)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return createHash('sha256').update(JSON.stringify([client, fields])).digest('hex');
}
