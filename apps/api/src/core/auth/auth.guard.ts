import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { RegionLevel, Role } from '@ecoloop/workflow';
import { AppError } from '../errors/app-error.js';
import { AUTHORIZE_KEY, PUBLIC_KEY, type AuthorizeRule } from './access.decorators.js';
import type { RequestUser } from './request-user.js';
import { SessionVersions } from './session-versions.js';
import { UserContextService } from './user-context.service.js';
import { VerifiedTokens } from './verified-tokens.js';
import { isUuid } from '../http/uuid.js';

export const TOKEN_ISSUER = 'ecoloop';
export const TOKEN_AUDIENCE = 'ecoloop-api';

/** Who the caller is and where they may act: everything a request needs, so that it reads no user row. */
export interface TokenUser {
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
  regionCode: string;
  regionName: string;
  regionPath: string;
  regionLevel: RegionLevel;
}

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  /** The user's token version when the token was issued (SessionVersions). */
  uv: number;
  usr: TokenUser;
  exp?: number;
}

/** A verified access token: its expiry, its user version, and the caller it makes (a pure function of its claims). */
interface VerifiedAccess {
  exp?: number;
  uv: number;
  user: RequestUser;
}

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and passes the
 * type-level @Authorize() check when it declares one. The token must carry an expiry, this
 * service's issuer and audience, and the user's current token version.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokens<VerifiedAccess>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserContextService,
    private readonly sessions: SessionVersions,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<FastifyRequest & { user?: unknown }>();
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw AppError.unauthorized('请先登录', 'missing_token');

    let access = this.verified.get(token);
    if (!access) {
      let claims: AccessTokenClaims;
      try {
        claims = this.jwt.verify<AccessTokenClaims>(token);
      } catch (e) {
        const expired = (e as { name?: string }).name === 'TokenExpiredError';
        throw AppError.unauthorized(expired ? '登录已过期，请重新登录' : '登录凭证无效', expired ? 'token_expired' : 'invalid_token');
      }
      if (!isAccessClaims(claims)) throw AppError.unauthorized('登录凭证无效', 'invalid_token');
      // Built once per token: its claims never change, and nothing changes the caller a request gets.
      access = { exp: claims.exp, uv: claims.uv, user: this.users.fromClaims(claims) };
      this.verified.set(token, access);
    }
    if ((await this.sessions.current(access.user.id)) !== access.uv) throw AppError.unauthorized('账号信息已变更，请重新登录', 'session_revoked');

    const user = access.user;
    req.user = user;

    const rule = this.reflector.getAllAndOverride<AuthorizeRule | undefined>(AUTHORIZE_KEY, targets);
    if (rule && !user.ability.can(rule.action, rule.subject)) throw AppError.forbidden();
    return true;
  }
}

function isAccessClaims(c: Partial<AccessTokenClaims>): c is AccessTokenClaims {
  const u = c.usr;
  return (
    c.typ === 'access' &&
    typeof c.sub === 'string' &&
    isUuid(c.sub) &&
    typeof c.exp === 'number' &&
    Number.isInteger(c.uv) &&
    !!u &&
    typeof u === 'object' &&
    Array.isArray(u.roles) &&
    typeof u.regionPath === 'string' &&
    typeof u.regionCode === 'string'
  );
}
