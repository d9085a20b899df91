import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enterprises (DESIGN §13): the registry's columns, the stored health code with its reasons and
 * history, credit repairs, enforcement transfers and 约谈 records. A trigger marks an enterprise's
 * code stale when one of its cases is opened or changes state; readers recompute stale codes.
 */
export class Enterprises1795500000002 implements MigrationInterface {
  name = 'Enterprises1795500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "enforcement_transfer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "event_seq" integer NOT NULL, "enterprise_credit_code" character varying(18), "case_number" character varying(64) NOT NULL, "penalty_decision_no" character varying(64), "fine" numeric(14,2), "police_referral" boolean NOT NULL DEFAULT false, "actor_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fc6d0efe1d2f5f1245154b5f6d5" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_enforcement_transfer_enterprise" ON "enforcement_transfer"  ("enterprise_credit_code")`,
      `CREATE UNIQUE INDEX "IDX_enforcement_transfer_case" ON "enforcement_transfer"  ("case_id", "event_seq")`,
      `CREATE TABLE "credit_repair" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_code" character varying(18) NOT NULL, "state" character varying(16) NOT NULL, "commitment" text NOT NULL, "attachment_ids" uuid array NOT NULL DEFAULT '{}', "applicant_id" uuid NOT NULL, "publicity_starts_at" TIMESTAMP WITH TIME ZONE, "publicity_ends_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "steps" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_credit_repair_state" CHECK ("state" IN ('under_review','publicized','approved','refused')), CONSTRAINT "PK_aadce4b99881bd0e524098ccb47" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_credit_repair_state" ON "credit_repair"  ("state", "created_at")`,
      `CREATE UNIQUE INDEX "UQ_credit_repair_open" ON "credit_repair"  ("credit_code") WHERE "state" IN ('under_review','publicized')`,
      `CREATE TABLE "enterprise_code_history" ("id" BIGSERIAL NOT NULL, "credit_code" character varying(18) NOT NULL, "from_code" character varying(8), "code" character varying(8) NOT NULL, "reasons" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_be608d8f345f0883c643769bc88" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_enterprise_code_history" ON "enterprise_code_history"  ("credit_code", "at")`,
      `CREATE TABLE "interview" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" character varying(12) NOT NULL, "enterprise_credit_code" character varying(18), "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "interviewer" character varying(128) NOT NULL, "attendees" text array NOT NULL, "demands" text NOT NULL, "follow_up_case_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_44c49a4feadefa5c6fa78bfb7d1" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_interview_enterprise" ON "interview"  ("enterprise_credit_code")`,
      `CREATE INDEX "IDX_interview_region" ON "interview"  ("region_code", "held_at")`,
      `ALTER TABLE "enterprise" ADD "permit_number" character varying(64)`,
      `ALTER TABLE "enterprise" ADD "key_discharger" boolean NOT NULL DEFAULT false`,
      `ALTER TABLE "enterprise" ADD "lat" double precision`,
      `ALTER TABLE "enterprise" ADD "lng" double precision`,
      `ALTER TABLE "enterprise" ADD "contact_name" character varying(64)`,
      `ALTER TABLE "enterprise" ADD "contact_phone" character varying(32)`,
      `ALTER TABLE "enterprise" ADD "credit_rating" character varying(1)`,
      `ALTER TABLE "enterprise" ADD "health_code" character varying(8) NOT NULL DEFAULT 'green'`,
      `ALTER TABLE "enterprise" ADD "health_reasons" jsonb NOT NULL DEFAULT '[]'`,
      `ALTER TABLE "enterprise" ADD "health_at" TIMESTAMP WITH TIME ZONE`,
      `ALTER TABLE "enterprise" ADD "health_stale" boolean NOT NULL DEFAULT true`,
      `ALTER TABLE "enterprise" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
      `CREATE INDEX "IDX_enterprise_stale" ON "enterprise"  ("credit_code") WHERE "health_stale"`,
      `CREATE INDEX "IDX_enterprise_health" ON "enterprise"  ("health_code", "region_code")`,
      `ALTER TABLE "enterprise" ADD CONSTRAINT "CHK_enterprise_credit_rating" CHECK ("credit_rating" IN ('A','B','C','D'))`,
      `ALTER TABLE "enterprise" ADD CONSTRAINT "CHK_enterprise_health_code" CHECK ("health_code" IN ('green','yellow','red'))`,
      `ALTER TABLE "enforcement_transfer" ADD CONSTRAINT "FK_e863d99b2e654944c606f4541f7" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "enforcement_transfer" ADD CONSTRAINT "FK_60f05f43419c3a59c16ff0cb18e" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "credit_repair" ADD CONSTRAINT "FK_2be87f3a8504842f33589be4fd3" FOREIGN KEY ("credit_code") REFERENCES "enterprise"("credit_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "credit_repair" ADD CONSTRAINT "FK_4070d896ad4d78c4d3dcec4f137" FOREIGN KEY ("applicant_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "enterprise_code_history" ADD CONSTRAINT "FK_c6271336b0a2afa962b2b5e7e6c" FOREIGN KEY ("credit_code") REFERENCES "enterprise"("credit_code") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "interview" ADD CONSTRAINT "FK_7a4456db04104e4542b96dd70fb" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "interview" ADD CONSTRAINT "FK_76b21ab859774c96ebf4fbc1ccb" FOREIGN KEY ("enterprise_credit_code") REFERENCES "enterprise"("credit_code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "interview" ADD CONSTRAINT "FK_ebb5322eb3dd51cc800083548bb" FOREIGN KEY ("follow_up_case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "interview" ADD CONSTRAINT "FK_f76472376ade426b6b0665bf37f" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `CREATE FUNCTION enterprise_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE enterprise SET health_stale = true WHERE credit_code = NEW.enterprise_credit_code AND NOT health_stale;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER case_enterprise_opened AFTER INSERT ON "case" FOR EACH ROW WHEN (NEW.enterprise_credit_code IS NOT NULL) EXECUTE FUNCTION enterprise_mark_stale()`,
      `CREATE TRIGGER case_enterprise_state AFTER UPDATE OF state ON "case" FOR EACH ROW
         WHEN (NEW.enterprise_credit_code IS NOT NULL AND OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION enterprise_mark_stale()`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `DROP TRIGGER IF EXISTS case_enterprise_state ON "case"`,
      `DROP TRIGGER IF EXISTS case_enterprise_opened ON "case"`,
      `DROP FUNCTION IF EXISTS enterprise_mark_stale()`,
      `DROP TABLE IF EXISTS "interview"`,
      `DROP TABLE IF EXISTS "enterprise_code_history"`,
      `DROP TABLE IF EXISTS "credit_repair"`,
      `DROP TABLE IF EXISTS "enforcement_transfer"`,
      `ALTER TABLE "enterprise" DROP CONSTRAINT IF EXISTS "CHK_enterprise_health_code"`,
      `ALTER TABLE "enterprise" DROP CONSTRAINT IF EXISTS "CHK_enterprise_credit_rating"`,
      `DROP INDEX IF EXISTS "IDX_enterprise_health"`,
      `DROP INDEX IF EXISTS "IDX_enterprise_stale"`,
      `ALTER TABLE "enterprise" DROP COLUMN "updated_at", DROP COLUMN "health_stale", DROP COLUMN "health_at", DROP COLUMN "health_reasons", DROP COLUMN "health_code",
         DROP COLUMN "credit_rating", DROP COLUMN "contact_phone", DROP COLUMN "contact_name", DROP COLUMN "lng", DROP COLUMN "lat", DROP COLUMN "key_discharger", DROP COLUMN "permit_number"`,
    ]) {
      await queryRunner.query(sql);
    }
  }
}
