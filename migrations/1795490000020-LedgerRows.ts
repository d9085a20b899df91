import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENT_KINDS = `'created','imported','report_back','lag','lag_cleared','acceptance','notice','review','signed_off','quarterly_report'`;

/**
 * Ledger rows as bureaus keep them (DESIGN §15): row kind, 具体/共性, 整改措施, 责任领导, 责任人,
 * 整改类型, the planned percentage of each 序时节点, the 整改方案 attachment, city-led rows
 * (split_by_county false) and 811 two-level task tables (parent_id). Existing rows keep their
 * meaning: feedback problems with a deadline, one case per county, milestones without a percentage
 * taken as evenly spaced.
 */
export class LedgerRows1795490000020 implements MigrationInterface {
  name = 'LedgerRows1795490000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "kind" character varying(16) NOT NULL DEFAULT 'feedback_problem'`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "problem_scope" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "measures" text`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "responsible_leader" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "responsible_person" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "rectify_type" character varying(16) NOT NULL DEFAULT 'deadline'`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "milestone_percents" smallint array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "plan_attachment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "split_by_county" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "parent_id" uuid`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "lag_level" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "lag_milestone" date`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "lag_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "signoff_stage" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "notice_ends_on" date`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "signed_off_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD "acceptance_attachment_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" ADD "percent" smallint`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" ADD CONSTRAINT "CHK_ledger_progress_percent" CHECK ("percent" IS NULL OR "percent" BETWEEN 0 AND 100)`);
    await queryRunner.query(`ALTER TABLE "ledger_event" ALTER COLUMN "actor_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ledger_event" DROP CONSTRAINT "CHK_ledger_event_kind"`);
    await queryRunner.query(`ALTER TABLE "ledger_event" ADD CONSTRAINT "CHK_ledger_event_kind" CHECK ("kind" IN (${EVENT_KINDS}))`);
    // Rows imported before: their milestones evenly spaced up to 100 %.
    await queryRunner.query(
      `UPDATE "ledger_item" SET "milestone_percents" = ARRAY(SELECT (100 * g / cardinality("milestones"))::smallint FROM generate_series(1, cardinality("milestones")) g) WHERE cardinality("milestones") > 0`,
    );
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_kind" CHECK ("kind" IN ('feedback_problem','petition','task'))`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_scope" CHECK ("problem_scope" IS NULL OR "problem_scope" IN ('specific','common'))`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_rectify_type" CHECK ("rectify_type" IN ('immediate','deadline','long_term'))`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_milestone_percents" CHECK (cardinality("milestone_percents") = cardinality("milestones"))`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_lag" CHECK ("lag_level" IS NULL OR "lag_level" IN ('yellow','red'))`);
    await queryRunner.query(`ALTER TABLE "ledger_item" ADD CONSTRAINT "CHK_ledger_item_signoff" CHECK ("signoff_stage" IS NULL OR "signoff_stage" IN ('accepted','notice','signed_off'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ledger_event" DROP CONSTRAINT "CHK_ledger_event_kind"`);
    await queryRunner.query(`DELETE FROM "ledger_event" WHERE "kind" NOT IN ('created','imported','report_back')`);
    await queryRunner.query(`ALTER TABLE "ledger_event" ADD CONSTRAINT "CHK_ledger_event_kind" CHECK ("kind" IN ('created','imported','report_back'))`);
    await queryRunner.query(`ALTER TABLE "ledger_event" ALTER COLUMN "actor_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" DROP CONSTRAINT "CHK_ledger_progress_percent"`);
    await queryRunner.query(`ALTER TABLE "ledger_progress" DROP COLUMN "percent"`);
    for (const c of ['CHK_ledger_item_signoff', 'CHK_ledger_item_lag', 'CHK_ledger_item_milestone_percents', 'CHK_ledger_item_rectify_type', 'CHK_ledger_item_scope', 'CHK_ledger_item_kind']) {
      await queryRunner.query(`ALTER TABLE "ledger_item" DROP CONSTRAINT "${c}"`);
    }
    for (const col of ['acceptance_attachment_ids', 'signed_off_at', 'notice_ends_on', 'signoff_stage', 'lag_since', 'lag_milestone', 'lag_level', 'parent_id', 'split_by_county', 'plan_attachment_id', 'milestone_percents', 'rectify_type', 'responsible_person', 'responsible_leader', 'measures', 'problem_scope', 'kind']) {
      await queryRunner.query(`ALTER TABLE "ledger_item" DROP COLUMN "${col}"`);
    }
  }
}
