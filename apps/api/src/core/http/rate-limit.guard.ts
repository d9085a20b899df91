import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import { RedisThrottlerStorage } from '../redis/redis-throttler.storage.js';

export interface RateRule {
  /** Bucket name (Redis key part). */
  name: string;
  /** Requests allowed per window for one key (or read from the configuration). */
  limit: number | ((config: AppConfig) => number);
  windowMs: number;
  /** Once over the limit, refuse this key for this long (backoff); defaults to the rest of the window. */
  blockMs?: number;
  /** The key of the caller for this rule; undefined skips the rule. */
  key: (req: FastifyRequest) => string | undefined;
  /** Chinese message of the 429. */
  message: string;
}

const RATE_RULES = 'ecoloop:rate-rules';

/** Redis-backed fixed-window limits on a route; answers 429 with Retry-After, fails open without Redis. */
export const RateLimit = (...rules: RateRule[]) => applyDecorators(SetMetadata(RATE_RULES, rules), UseGuards(RateLimitGuard));

/** The client address as Fastify sees it (honours the configured `trustProxy`). */
export const byIp = (req: FastifyRequest) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly storage: RedisThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rules = this.reflector.getAllAndMerge<RateRule[]>(RATE_RULES, [ctx.getHandler(), ctx.getClass()]) ?? [];
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    for (const rule of rules) {
      const key = rule.key(req);
      if (key === undefined) continue;
      const limit = typeof rule.limit === 'function' ? rule.limit(this.config) : rule.limit;
      const r = await this.storage.increment(key, rule.windowMs, limit, rule.blockMs ?? 0, rule.name);
      if (r.isBlocked || r.totalHits > limit) {
        const retryAfter = Math.max(1, r.isBlocked ? r.timeToBlockExpire : r.timeToExpire);
        ctx.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(retryAfter));
        throw new AppError(429, 'too_many_requests', rule.message);
      }
    }
    return true;
  }
}
