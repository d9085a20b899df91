import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { packAbilityRules, defineRulesFor } from '@ecoloop/auth';
import { AppConfig } from '../../core/config/app-config.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import type { AccessTokenClaims } from '../../core/auth/auth.guard.js';
import { toUserDto } from '../users/dto/user.dto.js';
import { UsersRepository } from '../users/users.repository.js';
import type { MeDto, TokensDto } from './dto/auth.dto.js';
import { hashPassword, verifyPassword } from './password.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly dummyHash = hashPassword(randomUUID());

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<TokensDto> {
    const creds = await this.users.findCredentials(username);
    const ok = await verifyPassword(creds?.passwordHash ?? (await this.dummyHash), password);
    if (!creds || !ok || !creds.active) throw AppError.unauthorized('用户名或密码错误', 'invalid_credentials');
    return this.tokens.transaction((m) => this.issue(m, creds.id, randomUUID()));
  }

  /** Rotates: the presented token is used up; presenting a used token revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const outcome = await this.tokens.transaction(async (m) => {
      const stored = await this.tokens.findForUpdate(m, sha256(refreshToken));
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return { error: '登录已过期，请重新登录' };
      if (stored.usedAt) {
        await this.tokens.revokeFamily(m, stored.familyId);
        return { error: '登录凭证已被使用过，为安全起见已全部失效，请重新登录' };
      }
      await this.tokens.markUsed(m, stored.id);
      const user = await this.users.findView(stored.userId, m);
      if (!user?.active) return { error: '账号不存在或已停用' };
      return { tokens: await this.issue(m, stored.userId, stored.familyId) };
    });
    // The family revocation above must commit, so the refusal is thrown after the transaction.
    if ('error' in outcome) throw AppError.unauthorized(outcome.error, 'invalid_refresh_token');
    return outcome.tokens;
  }

  me(user: RequestUser): MeDto {
    return { user: toUserDto(user), rules: packAbilityRules(defineRulesFor(user)) as unknown[] };
  }

  private async issue(m: Parameters<RefreshTokensRepository['insert']>[0], userId: string, familyId: string): Promise<TokensDto> {
    const user = await this.users.findView(userId, m);
    if (!user?.active) throw AppError.unauthorized('账号不存在或已停用', 'invalid_credentials');
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert(m, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    const claims: AccessTokenClaims = {
      sub: userId,
      typ: 'access',
      uv: user.tokenVersion,
      usr: {
        username: user.username,
        displayName: user.displayName,
        roles: user.roles,
        unitId: user.unitId,
        unitName: user.unitName,
        regionCode: user.regionCode,
        regionName: user.regionName,
        regionPath: user.regionPath,
        regionLevel: user.regionLevel,
      },
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, user: toUserDto(user) };
  }
}
