import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createAbility, defineRulesFor, type AuthUser } from '@ecoloop/auth';
import type { RegionLevel, Role } from '@ecoloop/workflow';
import type { RequestUser } from './request-user.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: Role[];
  unit_id: string | null;
  unit_name: string | null;
  region_code: string;
  region_name: string;
  region_path: string;
  region_level: RegionLevel;
}

/** Loads the caller (with jurisdiction) in one query and builds their CASL ability. */
@Injectable()
export class UserContextService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(userId: string): Promise<RequestUser | null> {
    const rows: UserRow[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.roles, u.unit_id, un.name AS unit_name,
              u.region_code, r.name AS region_name, r.path AS region_path, r.level AS region_level
         FROM app_user u
         JOIN region r ON r.code = u.region_code
         LEFT JOIN unit un ON un.id = u.unit_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
    const row = rows[0];
    return row ? toRequestUser(row) : null;
  }
}

function toRequestUser(row: UserRow): RequestUser {
  const auth: AuthUser = {
    id: row.id,
    roles: row.roles,
    unitId: row.unit_id,
    regionCode: row.region_code,
    regionPath: row.region_path,
    regionLevel: row.region_level,
  };
  return {
    ...auth,
    username: row.username,
    displayName: row.display_name,
    unitName: row.unit_name,
    regionName: row.region_name,
    ability: createAbility(defineRulesFor(auth)),
  };
}
