import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine alerts (DESIGN §10): device-source API keys (hashed), the alerts as received with their
 * grade and case, and the grading / folding thresholds per source (admins edit them).
 */
export class MachineAlerts1795500000000 implements MigrationInterface {
  name = 'MachineAlerts1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert_policy" ("source" character varying(32) NOT NULL, "sustained_minutes" integer NOT NULL, "fold_window_hours" integer NOT NULL, "repeat_count" integer NOT NULL, "repeat_window_days" integer NOT NULL, "fold_radius_meters" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_13061a1dd31ea9a393a9eeb4dec" PRIMARY KEY ("source"))`);
    await queryRunner.query(`CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(64) NOT NULL, "source" character varying(32) NOT NULL, "region_code" character varying(12) NOT NULL, "key_hash" character(64) NOT NULL, "key_prefix" character varying(12) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_key_hash" ON "api_key"  ("key_hash") `);
    await queryRunner.query(`CREATE TABLE "alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(32) NOT NULL, "external_id" character varying(128) NOT NULL, "api_key_id" uuid NOT NULL, "request_hash" character(64) NOT NULL, "point_id" character varying(64), "enterprise_credit_code" character varying(18), "pollutant" character varying(32), "value" double precision, "limit" double precision, "unit" character varying(16), "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "confidence" double precision, "category" character varying(64) NOT NULL, "image_attachment_id" uuid, "region_code" character varying(12) NOT NULL, "region_path" text NOT NULL, "grade" character varying(16) NOT NULL, "case_id" uuid, "folded" boolean NOT NULL DEFAULT false, "notified_phone" character varying(32), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_alert_source_external" UNIQUE ("source", "external_id"), CONSTRAINT "PK_ad91cad659a3536465d564a4b2f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_alert_enterprise" ON "alert"  ("enterprise_credit_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_alert_case" ON "alert"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_alert_region_observed" ON "alert"  ("region_path", "observed_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_alert_point_observed" ON "alert"  ("source", "point_id", "observed_at") `);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "FK_5ca6bb98f865e2e121f5e0bf0a2" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "FK_799ab142170befb4f010216e2e7" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "alert" ADD CONSTRAINT "FK_b47689ce7d0432d7158a25a26b5" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "alert" ADD CONSTRAINT "FK_92e0d6a4eec0a16df3f420a1096" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(
      `INSERT INTO "alert_policy" ("source", "sustained_minutes", "fold_window_hours", "repeat_count", "repeat_window_days", "fold_radius_meters")
       VALUES ('default', 60, 24, 3, 30, 200)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alert"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TABLE "alert_policy"`);
  }
}
