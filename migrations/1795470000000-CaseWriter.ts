import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One case write path (CaseWriter): the case row carries the head of its event chain (`last_seq`,
 * `last_hash`) so that an action is written in one statement without reading the chain first, and
 * the writer's compare-and-set on (version, last_seq) keeps the chain whole. A deadline settled after
 * its due time is `late` (DESIGN §3).
 */
export class CaseWriter1795470000000 implements MigrationInterface {
  name = 'CaseWriter1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" ADD "last_seq" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "case" ADD "last_hash" character(64) NOT NULL DEFAULT '${'0'.repeat(64)}'`);
    await queryRunner.query(
      `UPDATE "case" c SET last_seq = e.seq, last_hash = e.hash
         FROM (SELECT DISTINCT ON (case_id) case_id, seq, hash FROM case_event ORDER BY case_id, seq DESC) e
        WHERE e.case_id = c.id`,
    );
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_status"`);
    await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_status" CHECK ("status" IN ('pending','met','late','overdue','cancelled'))`);
    await queryRunner.query(
      `UPDATE deadline SET status = 'late' WHERE status = 'met' AND settled_at IS NOT NULL AND settled_at > due_at`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE deadline SET status = 'met' WHERE status = 'late'`);
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_status"`);
    await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_status" CHECK ("status" IN ('pending','met','overdue','cancelled'))`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "last_hash"`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "last_seq"`);
  }
}
