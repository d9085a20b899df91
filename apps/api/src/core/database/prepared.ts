import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** What is used of node-postgres' Pool and PoolClient (both answer a query config). */
interface Queryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of on every call (the hot statements of the write path are long CTEs). Inside the caller's
 * transaction (`m` with a query runner) it runs on that transaction's connection.
 */
export async function preparedQuery<T>(db: DataSource, m: EntityManager | undefined, text: string, values: unknown[]): Promise<T[]> {
  const query = { name: statementName(text), text, values };
  const runner = m?.queryRunner;
  if (runner && !runner.isReleased) {
    const client = await (runner as unknown as { connect(): Promise<Queryable> }).connect();
    return (await client.query(query)).rows as T[];
  }
  const pool = (db.driver as unknown as { master: Queryable }).master;
  return (await pool.query(query)).rows as T[];
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `ecoloop_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size > 1_000) names.clear();
    names.set(text, name);
  }
  return name;
}
