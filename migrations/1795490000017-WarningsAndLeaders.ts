import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN §12, §13: monthly risk warnings are issued and frozen (`issued_at`), rate `no_data` when
 * nothing was reported (score and 管控力指数 null), and record their consequences; a leader may
 * take a case personally (包案, `case.taken_by_id`, indexed for the leader's list).
 */
export class WarningsAndLeaders1795490000017 implements MigrationInterface {
  name = 'WarningsAndLeaders1795490000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "risk_warning" DROP CONSTRAINT "CHK_risk_warning_level"`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ADD CONSTRAINT "CHK_risk_warning_level" CHECK ("level" IN ('green','yellow','orange','red','no_data'))`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ADD "control_index" double precision`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ADD "issued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ADD "consequences" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ALTER COLUMN "score" DROP NOT NULL`);
    // Rows computed before warnings were issued were previews: they are recomputed when issued.
    await queryRunner.query(`DELETE FROM "risk_warning"`);
    await queryRunner.query(`ALTER TABLE "case" ADD "taken_by_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_case_taken_by" ON "case"  ("taken_by_id") `);
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_c1c53f24b060d1baff87657f362" FOREIGN KEY ("taken_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_c1c53f24b060d1baff87657f362"`);
    await queryRunner.query(`DROP INDEX "IDX_case_taken_by"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "taken_by_id"`);
    await queryRunner.query(`DELETE FROM "risk_warning" WHERE level = 'no_data'`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ALTER COLUMN "score" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "risk_warning" DROP COLUMN "consequences"`);
    await queryRunner.query(`ALTER TABLE "risk_warning" DROP COLUMN "issued_at"`);
    await queryRunner.query(`ALTER TABLE "risk_warning" DROP COLUMN "control_index"`);
    await queryRunner.query(`ALTER TABLE "risk_warning" DROP CONSTRAINT "CHK_risk_warning_level"`);
    await queryRunner.query(`ALTER TABLE "risk_warning" ADD CONSTRAINT "CHK_risk_warning_level" CHECK ("level" IN ('green','yellow','orange','red'))`);
  }
}
