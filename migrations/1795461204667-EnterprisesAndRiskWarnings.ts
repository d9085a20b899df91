import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Enterprises by credit code (for the health code) and counties' monthly risk warnings. */
export class EnterprisesAndRiskWarnings1795461204667 implements MigrationInterface {
  name = 'EnterprisesAndRiskWarnings1795461204667';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "enterprise" ("credit_code" character varying(18) NOT NULL, "name" character varying(128) NOT NULL, "region_code" character varying(12) NOT NULL, "address" character varying(255), "industry" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95895967c00ece7a8dec9d99e6e" PRIMARY KEY ("credit_code"))`,
      `CREATE INDEX "IDX_enterprise_region" ON "enterprise"  ("region_code") `,
      `CREATE TABLE "risk_warning" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_code" character varying(12) NOT NULL, "month" character(7) NOT NULL, "figures" jsonb NOT NULL, "score" double precision NOT NULL, "level" character varying(8) NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_risk_warning_level" CHECK ("level" IN ('green','yellow','orange','red')), CONSTRAINT "PK_6f9f1c5bbf2e3a8422e286a029f" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_risk_warning_region_month" ON "risk_warning"  ("region_code", "month") `,
      `ALTER TABLE "enterprise" ADD CONSTRAINT "FK_b2de7ad4e0e766dcf3fd837b859" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "risk_warning" ADD CONSTRAINT "FK_07b0d198c5b36bd01bd3d684bd3" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE CASCADE ON UPDATE NO ACTION`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "risk_warning"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "enterprise"`);
  }
}
