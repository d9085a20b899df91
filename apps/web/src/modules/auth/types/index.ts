import type { RegionLevel, Role } from '@ecoloop/workflow';

/** `user` in the login answer and in GET /me (DESIGN §6). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId?: string | null;
  unitName?: string | null;
  regionCode: string;
  regionName?: string | null;
  regionLevel?: RegionLevel | null;
}

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export interface MeResult {
  user: SessionUser;
  /** Packed CASL rules (`packRules` from @casl/ability/extra), or plain rules. */
  rules: unknown;
}
