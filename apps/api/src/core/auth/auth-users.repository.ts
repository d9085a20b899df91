import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TokenUser } from './auth.guard.js';

/** The SQL of authentication: the caller as the token describes them, and their token version. */
@Injectable()
export class AuthUsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active user with their unit and region (the claims of an access token), or null. */
  async activeUser(userId: string): Promise<(TokenUser & { id: string }) | null> {
    const rows: (TokenUser & { id: string })[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.unit_id AS "unitId", un.name AS "unitName",
              u.region_code AS "regionCode", r.name AS "regionName", r.path AS "regionPath", r.level AS "regionLevel"
         FROM app_user u
         JOIN region r ON r.code = u.region_code
         LEFT JOIN unit un ON un.id = u.unit_id
        WHERE u.id = $1 AND u.active`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The user's token version and whether they are active; null for an unknown user. */
  async tokenVersion(userId: string): Promise<{ version: number; active: boolean } | null> {
    const rows: { version: number; active: boolean }[] = await this.db.query(`SELECT token_version AS version, active FROM app_user WHERE id = $1`, [userId]);
    return rows[0] ?? null;
  }
}
