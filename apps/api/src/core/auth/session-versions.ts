import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.tokens.js';
import { AuthUsersRepository } from './auth-users.repository.js';

/** How long a replica trusts a version it has seen without hearing of a change (a lost message). */
const LOCAL_TTL_MS = 30_000;
/** Never wait longer than this for Redis on a request: the database answers instead. */
const REDIS_TIMEOUT_MS = 150;
/** Version of a deactivated or deleted user: no token matches it. */
export const REVOKED = -1;

/**
 * The per-user token version that access tokens must carry (DESIGN §14: no user query per request).
 * Each replica keeps the versions it has seen in memory; a change is written to Redis and published,
 * so every replica forgets its copy at once (and after LOCAL_TTL_MS at the latest). A cold or
 * flushed Redis is refilled from `app_user.token_version`, the source of truth.
 */
@Injectable()
export class SessionVersions implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(SessionVersions.name);
  private readonly local = new Map<string, { version: number; until: number }>();
  private subscriber: Redis | null = null;
  private readonly channel: string;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly users: AuthUsersRepository,
    config: AppConfig,
  ) {
    this.prefix = `${config.redisPrefix}:uv:`;
    this.channel = `${config.redisPrefix}:uv-changed`;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err) => this.log.warn(`session version subscriber: ${err.message}`));
    this.subscriber.on('message', (_channel, userId: string) => this.local.delete(userId));
    await this.subscriber.subscribe(this.channel).catch((err: Error) => this.log.warn(`cannot subscribe to ${this.channel}: ${err.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** The user's current version (REVOKED when inactive or unknown). */
  async current(userId: string): Promise<number> {
    const seen = this.local.get(userId);
    if (seen && seen.until > Date.now()) return seen.version;
    let version = await this.fromRedis(userId);
    if (version === null) {
      version = await this.fromDatabase(userId);
      void this.redis.set(this.prefix + userId, String(version), 'EX', 86_400).catch(() => undefined);
    }
    this.local.set(userId, { version, until: Date.now() + LOCAL_TTL_MS });
    return version;
  }

  /** After a committed change to the user: every replica refuses tokens of older versions. */
  async changed(userId: string, version: number): Promise<void> {
    this.local.delete(userId);
    try {
      await this.redis.multi().set(this.prefix + userId, String(version), 'EX', 86_400).publish(this.channel, userId).exec();
    } catch (err) {
      // Replicas that cached the old version refuse it within LOCAL_TTL_MS anyway; the key is refilled from SQL.
      await this.redis.del(this.prefix + userId).catch(() => undefined);
      this.log.warn(`could not publish the session change of ${userId}: ${(err as Error).message}`);
    }
  }

  private async fromRedis(userId: string): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        this.redis.get(this.prefix + userId),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS))),
      ]);
      return value === null ? null : Number(value);
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private async fromDatabase(userId: string): Promise<number> {
    const row = await this.users.tokenVersion(userId);
    return row?.active ? row.version : REVOKED;
  }
}
