import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens carry the caller's identity and jurisdiction, so a request needs no user query.
 * `token_version` revokes them: any change to a user (password, roles, region, unit, deactivation)
 * increments it, and tokens carrying an older version are refused.
 */
export class UserSessions1795470000001 implements MigrationInterface {
  name = 'UserSessions1795470000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
