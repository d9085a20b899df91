import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { withTimeout } from './with-timeout.js';
import { REDIS } from './redis.tokens.js';

// Fixed window counter with optional block, atomic in one script so that N API replicas share limits.
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}
`;

/** How long a rate-limit lookup may take before the request goes on without it. */
export const THROTTLE_TIMEOUT_MS = 1500;

/**
 * Throttler storage in Redis (the in-memory default would give each replica its own limit).
 * Fails open: while Redis is unreachable or slow, limits are not counted (one warning a minute)
 * instead of answering 500 to every login and public report.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private lastWarning = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    const base = `${this.config.redisPrefix}:throttle:${throttlerName}:${key}`;
    let result: number[];
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis connection ${this.redis.status}`);
      result = (await withTimeout(this.redis.eval(SCRIPT, 2, base, `${base}:blocked`, ttl, limit, blockDuration), THROTTLE_TIMEOUT_MS)) as number[];
    } catch (err) {
      this.warnOpen(throttlerName, err);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
    const [hits, ttlMs, blockedMs] = result;
    const isBlocked = blockedMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0,
    };
  }

  private warnOpen(throttler: string, err: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn({ throttler, err: (err as Error)?.message ?? String(err) }, 'rate limits not enforced: Redis unavailable');
  }
}
