import type { AppAbility, AuthUser } from '@ecoloop/auth';

/** The caller as the services see it: identity, jurisdiction and the CASL ability built from them. */
export interface RequestUser extends AuthUser {
  username: string;
  displayName: string;
  unitName: string | null;
  regionName: string;
  ability: AppAbility;
}
