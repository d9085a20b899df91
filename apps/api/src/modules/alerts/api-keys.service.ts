import { createHash, randomBytes } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto } from './dto/alerts.dto.js';
import { isUuid } from '../../core/http/uuid.js';

/** The device source a request's `X-Api-Key` belongs to. */
export interface ApiKeyPrincipal {
  id: string;
  name: string;
  source: string;
  regionCode: string;
}

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** API keys of device sources (DESIGN §10): random, shown once, stored as SHA-256, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly regions: RegionsRepository,
  ) {}

  async issue(user: RequestUser, dto: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    const regionCode = dto.regionCode ?? user.regionCode;
    if (!(await this.regions.find(regionCode))) {
      throw AppError.unprocessable('unknown_region', `区域 ${regionCode} 不存在`, [{ field: 'regionCode', message: '区域不存在' }]);
    }
    // 32 random bytes: a key that cannot be guessed, so a plain SHA-256 is enough to store it.
    const key = `elk_${randomBytes(32).toString('base64url')}`;
    const [{ id }] = await this.db.query(
      `INSERT INTO api_key (name, source, region_code, key_hash, key_prefix, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [dto.name, dto.source, regionCode, hashOf(key), key.slice(0, 12), user.id],
    );
    return { id, name: dto.name, source: dto.source, key };
  }

  async list(): Promise<ApiKeyDto[]> {
    const rows = await this.db.query(
      `SELECT id, name, source, region_code AS "regionCode", key_prefix AS "keyPrefix", created_at AS "createdAt",
              last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
         FROM api_key ORDER BY created_at DESC`,
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((r: ApiKeyDto & Record<'createdAt' | 'lastUsedAt' | 'revokedAt', Date | null>) => ({
      ...r,
      createdAt: iso(r.createdAt)!,
      lastUsedAt: iso(r.lastUsedAt),
      revokedAt: iso(r.revokedAt),
    }));
  }

  /** Revokes the key (kept for the alerts it posted); revoking twice is fine. */
  async revoke(id: string): Promise<void> {
    const rows = isUuid(id) ? await this.db.query(`UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id`, [id]) : [[]];
    if (rows[0].length === 0) throw AppError.notFound('API 密钥');
  }

  /** The live key's source, and its last-used time moved on (at most once a minute per key). */
  async authenticate(key: string | undefined): Promise<ApiKeyPrincipal | null> {
    if (!key || key.length > 200) return null;
    const rows: ApiKeyPrincipal[] = await this.db.query(
      `WITH k AS (SELECT id, name, source, region_code, last_used_at FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL),
            used AS (UPDATE api_key SET last_used_at = now() WHERE id IN (SELECT id FROM k WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
       SELECT id, name, source, region_code AS "regionCode" FROM k`,
      [hashOf(key)],
    );
    return rows[0] ?? null;
  }
}

/** `POST /alerts`: the `X-Api-Key` header must name a live key (401 otherwise). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; apiKey?: ApiKeyPrincipal }>();
    const principal = await this.keys.authenticate(req.headers['x-api-key']);
    if (!principal) throw AppError.unauthorized('API Key 无效或已吊销', 'invalid_api_key');
    req.apiKey = principal;
    return true;
  }
}

export const CurrentApiKey = createParamDecorator((_: unknown, ctx: ExecutionContext): ApiKeyPrincipal => {
  const key = ctx.switchToHttp().getRequest<{ apiKey?: ApiKeyPrincipal }>().apiKey;
  if (!key) throw new Error('CurrentApiKey used on a route without ApiKeyGuard');
  return key;
});
