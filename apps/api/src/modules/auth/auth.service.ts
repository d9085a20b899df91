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
    if (!creds || !ok || !creds.active) throw AppError.unauthorized('Invalid username or password', 'invalid_credentials');
    return this.tokens.transaction((m) => this.issue(m, creds.id, randomUUID()));
  }

  /** Rotates: the presented token is used up; presenting a used token revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokensDto> {
    const outcome = await this.tokens.transaction(async (m) => {
      const stored = await this.tokens.findForUpdate(m, sha256(refreshToken));
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return { error: 'Invalid refresh token' };
      if (stored.usedAt) {
        await this.tokens.revokeFamily(m, stored.familyId);
        return { error: 'Refresh token reuse detected; please log in again' };
      }
      await this.tokens.markUsed(m, stored.id);
      const user = await this.users.findView(stored.userId, m);
      if (!user?.active) return { error: 'User is unknown or disabled' };
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
    if (!user) throw AppError.unauthorized('User is unknown or disabled');
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert(m, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    const claims: AccessTokenClaims = { sub: userId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, user: toUserDto(user) };
  }
}
