import { createDataSource } from '../database/data-source.js';

describe('schema', () => {
  it('has no drift between entities and migrations (generating a migration yields nothing)', async () => {
    const db = createDataSource(process.env.DATABASE_URL!);
    await db.initialize();
    try {
      expect(await db.showMigrations()).toBe(false);
      const sql = await db.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses UPDATE and DELETE on case_event', async () => {
    const db = createDataSource(process.env.DATABASE_URL!);
    await db.initialize();
    try {
      const [c] = await db.query(
        `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, state, version)
         VALUES ('T-' || left(gen_random_uuid()::text, 20), 't', 'd', 'air', 'grid_patrol', 'general', '330402', '330400.330402', 'reported', 1) RETURNING id`,
      );
      await db.query(
        `INSERT INTO case_event (case_id, seq, action, to_state, actor_name, actor_role, at, prev_hash, hash)
         VALUES ($1, 1, 'report', 'reported', 'system', 'system', now(), repeat('0', 64), repeat('1', 64))`,
        [c.id],
      );
      await expect(db.query(`UPDATE case_event SET comment = 'x' WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM case_event WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
      await expect(db.query(`TRUNCATE case_event`)).rejects.toThrow(/append-only/);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1`, [c.id]);
      expect(n).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});
