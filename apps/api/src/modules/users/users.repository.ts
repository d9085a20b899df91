import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@ecoloop/workflow';
import type { UserDtoSource } from './dto/user.dto.js';
import { UserEntity } from './entities/user.entity.js';

const SELECT_USER = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.roles, u.unit_id AS "unitId", un.name AS "unitName",
         u.region_code AS "regionCode", r.name AS "regionName", r.level AS "regionLevel", r.path AS "regionPath", u.active,
         u.token_version AS "tokenVersion"
    FROM app_user u
    JOIN region r ON r.code = u.region_code
    LEFT JOIN unit un ON un.id = u.unit_id`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findCredentials(username: string): Promise<{ id: string; passwordHash: string; active: boolean } | null> {
    const rows = await this.db.query(`SELECT id, password_hash AS "passwordHash", active FROM app_user WHERE username = $1`, [username]);
    return rows[0] ?? null;
  }

  async findView(id: string, manager: EntityManager = this.db.manager): Promise<(UserDtoSource & { regionPath: string; tokenVersion: number }) | null> {
    const rows = await manager.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async list(filter: { regionCode?: string; q?: string }): Promise<UserDtoSource[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.regionCode) {
      params.push(filter.regionCode);
      where.push(`(r.code = $${params.length} OR r.path LIKE (SELECT path FROM region WHERE code = $${params.length}) || '.%')`);
    }
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(u.username ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
    }
    return this.db.query(`${SELECT_USER} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.username LIMIT 500`, params);
  }

  async insert(values: { username: string; passwordHash: string; displayName: string; roles: Role[]; unitId: string | null; regionCode: string }): Promise<string> {
    const result = await this.db.getRepository(UserEntity).insert(values);
    return result.identifiers[0].id as string;
  }

  /**
   * Changes a user and ends every session of theirs in one transaction: the token version moves on
   * (access tokens of older versions are refused) and their refresh tokens are revoked.
   * Returns the new token version, or null when there is no such user.
   */
  async update(id: string, values: Partial<Pick<UserEntity, 'passwordHash' | 'displayName' | 'roles' | 'unitId' | 'regionCode' | 'active'>>): Promise<number | null> {
    return this.db.transaction(async (m) => {
      if (Object.keys(values).length) await m.getRepository(UserEntity).update({ id }, values);
      const rows: { token_version: number }[] = await m.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1 RETURNING token_version`, [id]);
      const version = returnedRows(rows)[0]?.token_version;
      if (version === undefined) return null;
      await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      return version;
    });
  }
}

/** TypeORM answers UPDATE … RETURNING with [rows, count]. */
function returnedRows<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
