import { Injectable } from '@nestjs/common';
import { createAbility, defineRulesFor, type AppAbility, type AuthUser } from '@ecoloop/auth';
import type { AccessTokenClaims, TokenUser } from './auth.guard.js';
import { AuthUsersRepository } from './auth-users.repository.js';
import type { RequestUser } from './request-user.js';

/** Abilities kept per user and token version; bounded so that a flood of users cannot grow it. */
const ABILITY_CACHE_SIZE = 10_000;

/** The caller with jurisdiction and CASL ability: from the access token's claims, or (seeding, jobs) from the database. */
@Injectable()
export class UserContextService {
  private readonly abilities = new Map<string, AppAbility>();

  constructor(private readonly users: AuthUsersRepository) {}

  /** The token's user; the ability is built once per user and token version. */
  fromClaims(claims: AccessTokenClaims): RequestUser {
    const key = `${claims.sub}:${claims.uv}`;
    let ability = this.abilities.get(key);
    if (!ability) {
      ability = createAbility(defineRulesFor(authUser(claims.sub, claims.usr)));
      if (this.abilities.size >= ABILITY_CACHE_SIZE) this.abilities.delete(this.abilities.keys().next().value!);
      this.abilities.set(key, ability);
    }
    return toRequestUser(claims.sub, claims.usr, ability);
  }

  async load(userId: string): Promise<RequestUser | null> {
    const row = await this.users.activeUser(userId);
    return row ? toRequestUser(row.id, row, createAbility(defineRulesFor(authUser(row.id, row)))) : null;
  }
}

function authUser(id: string, u: TokenUser): AuthUser {
  return { id, roles: u.roles, unitId: u.unitId, regionCode: u.regionCode, regionPath: u.regionPath, regionLevel: u.regionLevel };
}

function toRequestUser(id: string, u: TokenUser, ability: AppAbility): RequestUser {
  return {
    ...authUser(id, u),
    username: u.username,
    displayName: u.displayName,
    unitName: u.unitName,
    regionName: u.regionName,
    ability,
  };
}
