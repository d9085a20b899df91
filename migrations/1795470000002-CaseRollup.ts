import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboard figures at a million cases (DESIGN §12, §14): `case_rollup` counts cases per region,
 * month of report (Asia/Shanghai), state, top-level category, source and the overdue / supervised
 * flags. Statement-level triggers with transition tables keep it current inside the writing
 * transaction, whoever writes (CaseWriter, seeds, bulk SQL); a write that changes none of these
 * (report_progress, reminders) nets to zero and touches no rollup row.
 */
export class CaseRollup1795470000002 implements MigrationInterface {
  name = 'CaseRollup1795470000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_rollup" ("region_path" text NOT NULL, "month" date NOT NULL, "state" character varying(32) NOT NULL,
        "category" character varying(64) NOT NULL, "source" character varying(32) NOT NULL, "overdue" boolean NOT NULL,
        "supervised" boolean NOT NULL, "n" integer NOT NULL,
        CONSTRAINT "PK_case_rollup" PRIMARY KEY ("region_path", "month", "state", "category", "source", "overdue", "supervised"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_rollup_region" ON "case_rollup" ("region_path" text_pattern_ops)`);
    // One function for the three triggers: the rows a statement removed count -1, those it added +1
    // (an UPDATE both), summed per key; keys whose sum is zero are left alone.
    await queryRunner.query(`
      CREATE FUNCTION "case_rollup_count"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(
      `CREATE TRIGGER "case_rollup_on_insert" AFTER INSERT ON "case" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_rollup_count"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "case_rollup_on_update" AFTER UPDATE ON "case" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_rollup_count"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "case_rollup_on_delete" AFTER DELETE ON "case" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_rollup_count"()`,
    );
    await queryRunner.query(
      `INSERT INTO case_rollup (region_path, month, state, category, source, overdue, supervised, n)
       SELECT c.region_path, date_trunc('month', c.created_at AT TIME ZONE 'Asia/Shanghai')::date, c.state, split_part(c.category, '.', 1), c.source, c.overdue,
              c.supervision_level IS NOT NULL, count(*)::int
         FROM "case" c GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['case_rollup_on_insert', 'case_rollup_on_update', 'case_rollup_on_delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS "${t}" ON "case"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "case_rollup_count"()`);
    await queryRunner.query(`DROP TABLE IF EXISTS "case_rollup"`);
  }
}
