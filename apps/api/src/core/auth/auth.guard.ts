import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AppError } from '../errors/app-error.js';
import { AUTHORIZE_KEY, PUBLIC_KEY, type AuthorizeRule } from './access.decorators.js';
import { UserContextService } from './user-context.service.js';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and passes the
 * type-level @Authorize() check when it declares one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UserContextService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request & { user?: unknown }>();
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw AppError.unauthorized('Missing bearer token');

    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch (e) {
      const expired = (e as { name?: string }).name === 'TokenExpiredError';
      throw AppError.unauthorized(expired ? 'Access token expired' : 'Invalid access token', expired ? 'token_expired' : 'invalid_token');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw AppError.unauthorized('Invalid access token', 'invalid_token');

    const user = await this.users.load(claims.sub);
    if (!user) throw AppError.unauthorized('User is unknown or disabled', 'invalid_token');
    req.user = user;

    const rule = this.reflector.getAllAndOverride<AuthorizeRule | undefined>(AUTHORIZE_KEY, targets);
    if (rule && !user.ability.can(rule.action, rule.subject)) throw AppError.forbidden();
    return true;
  }
}
