import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEY = `region_path, date_trunc('month', created_at AT TIME ZONE 'Asia/Shanghai')::date, state, split_part(category, '.', 1), source, overdue, supervision_level IS NOT NULL`;
const UPSERT = `INSERT INTO case_rollup AS r (region_path, month, state, category, source, overdue, supervised, n)`;
const ON_CONFLICT = `ON CONFLICT (region_path, month, state, category, source, overdue, supervised) DO UPDATE SET n = r.n + excluded.n`;

/**
 * The rollup trigger with static statements (DESIGN §14). The first version built its statement with
 * `format()` and ran it with EXECUTE, so PostgreSQL parsed and planned it again after every write of a
 * case, a progress report included: about a millisecond of every case action. Static statements in
 * PL/pgSQL are planned once per connection. Same counts, same triggers.
 */
export class StaticCaseRollup1795520000000 implements MigrationInterface {
  name = 'StaticCaseRollup1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "case_rollup_count"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${UPSERT}
          SELECT ${KEY}, count(*)::int FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7
          ${ON_CONFLICT};
        ELSIF TG_OP = 'DELETE' THEN
          ${UPSERT}
          SELECT ${KEY}, -count(*)::int FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7
          ${ON_CONFLICT};
        ELSE
          -- Rows that left a key count -1, rows that entered one +1; keys netting to zero are left alone.
          ${UPSERT}
          SELECT ${KEY}, sum(delta)::int
            FROM (SELECT region_path, created_at, state, category, source, overdue, supervision_level, -1 AS delta FROM old_rows
                  UNION ALL
                  SELECT region_path, created_at, state, category, source, overdue, supervision_level, 1 FROM new_rows) d
           GROUP BY 1, 2, 3, 4, 5, 6, 7
          HAVING sum(delta) <> 0
          ${ON_CONFLICT};
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "case_rollup_count"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parts text[] := '{}';
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN parts := parts || 'SELECT c.*, -1 AS delta FROM old_rows c'::text; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN parts := parts || 'SELECT c.*, 1 AS delta FROM new_rows c'::text; END IF;
        EXECUTE format(
          'INSERT INTO case_rollup AS r (region_path, month, state, category, source, overdue, supervised, n)
           SELECT region_path, date_trunc(''month'', created_at AT TIME ZONE %L)::date, state, split_part(category, %L, 1), source, overdue,
                  supervision_level IS NOT NULL, sum(delta)::int
             FROM (%s) d
            GROUP BY 1, 2, 3, 4, 5, 6, 7
           HAVING sum(delta) <> 0
           ON CONFLICT (region_path, month, state, category, source, overdue, supervised) DO UPDATE SET n = r.n + excluded.n',
          'Asia/Shanghai', '.', array_to_string(parts, ' UNION ALL '));
        RETURN NULL;
      END $$`);
  }
}
