import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async insert(m: EntityManager, t: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await m.query(`INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      t.userId,
      t.familyId,
      t.tokenHash,
      t.expiresAt,
    ]);
  }

  /** Locks the row so that two concurrent refreshes with one token cannot both succeed. */
  async findForUpdate(m: EntityManager, tokenHash: string): Promise<StoredRefreshToken | null> {
    const rows = await m.query(
      `SELECT id, user_id AS "userId", family_id AS "familyId", expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
         FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async markUsed(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }
}
