import type { DataSource } from 'typeorm';

/** Runs pending migrations under an advisory lock, so N replicas starting together migrate once. */
export async function runMigrations(db: DataSource): Promise<string[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('ecoloop:migrations'))`);
    const done = await db.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('ecoloop:migrations'))`).catch(() => undefined);
    await runner.release();
  }
}
