import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 811-style task tables (DESIGN §15): 专项行动 (ledger_action, led by one unit) above the 主要任务
 * rows (ledger_item.parent_id, kind task), and quarterly reports (季度报告) as 序时进展 flagged
 * `quarterly`, one per task, unit and quarter, with optional attachments. Drafted with
 * scripts/schema-diff.mjs.
 */
export class LedgerTaskTables1795510000000 implements MigrationInterface {
  name = 'LedgerTaskTables1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "ledger_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ledger_id" uuid NOT NULL, "seq" integer NOT NULL, "title" character varying(200) NOT NULL, "lead_unit_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_ledger_action_seq" CHECK ("seq" > 0), CONSTRAINT "PK_8b091dc6c2b374954d857928a27" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_ledger_action_seq" ON "ledger_action"  ("ledger_id", "seq") `,
      `CREATE UNIQUE INDEX "UQ_ledger_action_title" ON "ledger_action"  ("ledger_id", "title") `,
      `ALTER TABLE "ledger_progress" ADD "quarterly" boolean NOT NULL DEFAULT false`,
      `ALTER TABLE "ledger_progress" ADD "attachment_ids" uuid array NOT NULL DEFAULT '{}'`,
      `CREATE INDEX "IDX_ledger_item_parent" ON "ledger_item"  ("parent_id") `,
      `CREATE UNIQUE INDEX "UQ_ledger_progress_quarterly" ON "ledger_progress"  ("ledger_item_id", "unit_id", "period") WHERE "quarterly"`,
      // parent_id was never written before this migration: nothing to clear.
      `ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_parent" CHECK ("parent_id" IS NULL OR "kind" = 'task')`,
      `ALTER TABLE "ledger_progress" ADD CONSTRAINT "CHK_ledger_progress_quarterly" CHECK (NOT "quarterly" OR "period" ~ '^[0-9]{4}-Q[1-4]$')`,
      `ALTER TABLE "ledger_action" ADD CONSTRAINT "FK_53a361d30930e1b24d765170b3f" FOREIGN KEY ("ledger_id") REFERENCES "ledger"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_action" ADD CONSTRAINT "FK_e109f05da38242c7626d1493f7a" FOREIGN KEY ("lead_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_item" ADD CONSTRAINT "FK_08303d558a5139eef98bcb2e007" FOREIGN KEY ("parent_id") REFERENCES "ledger_action"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_item" DROP CONSTRAINT "FK_08303d558a5139eef98bcb2e007"`);
    await queryRunner.query(`ALTER TABLE "ledger_item" DROP CONSTRAINT "CHK_ledger_item_parent"`);
    await queryRunner.query(`DROP INDEX "IDX_ledger_item_parent"`);
    await queryRunner.query(`UPDATE "ledger_item" SET "parent_id" = NULL`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" DROP CONSTRAINT "CHK_ledger_progress_quarterly"`);
    await queryRunner.query(`DROP INDEX "UQ_ledger_progress_quarterly"`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" DROP COLUMN "attachment_ids"`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" DROP COLUMN "quarterly"`);
    await queryRunner.query(`DROP TABLE "ledger_action"`);
  }
}
