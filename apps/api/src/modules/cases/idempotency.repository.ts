import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { returned } from './cases.repository.js';

export type Claim = { status: 'new' } | { status: 'replay'; resourceId: string } | { status: 'mismatch' };

/**
 * Idempotency keys per user. `claim` runs inside the create transaction: a concurrent request with
 * the same key waits on the primary key until the first commits, then replays its result.
 */
@Injectable()
export class IdempotencyRepository {
  async claim(m: EntityManager, userId: string, key: string, scope: string, requestHash: string): Promise<Claim> {
    const inserted = returned(
      await m.query(
        `INSERT INTO idempotency_key (user_id, key, scope, request_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
        [userId, key, scope, requestHash],
      ),
    );
    if (inserted.length > 0) return { status: 'new' };
    const [row] = await m.query(`SELECT scope, request_hash AS "requestHash", resource_id AS "resourceId" FROM idempotency_key WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
    ]);
    if (!row || row.scope !== scope || row.requestHash !== requestHash || !row.resourceId) return { status: 'mismatch' };
    return { status: 'replay', resourceId: row.resourceId };
  }

  async complete(m: EntityManager, userId: string, key: string, resourceId: string): Promise<void> {
    await m.query(`UPDATE idempotency_key SET resource_id = $3 WHERE user_id = $1 AND key = $2`, [userId, key, resourceId]);
  }
}
