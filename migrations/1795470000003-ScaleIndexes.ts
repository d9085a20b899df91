import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads at a million cases (bench:cases):
 * - a unit's worklist by state and due date comes from one index range instead of every case the
 *   unit ever led;
 * - the dashboard map's newest located cases walk an index of located cases only, instead of
 *   every case when few have a position.
 */
export class ScaleIndexes1795470000003 implements MigrationInterface {
  name = 'ScaleIndexes1795470000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_case_lead_unit_state_due" ON "case" ("lead_unit_id", "state", "due_at", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_case_located_created" ON "case" ("created_at" DESC, "id" DESC) WHERE lat IS NOT NULL AND lng IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_case_located_created"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_case_lead_unit_state_due"`);
  }
}
