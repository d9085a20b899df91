import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open311 GeoReport v2 (DESIGN §6): what a client sends with a public report besides the case
 * (e-mail, media URL, client ids, attribute answers, the token, the client's API key), and pg_trgm
 * for linking a repeated public report to the first one by the similarity of their texts.
 */
export class Open311Reports1795500000001 implements MigrationInterface {
  name = 'Open311Reports1795500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // A public report's `media` has no uploader account.
    await queryRunner.query(`ALTER TABLE "attachment" ALTER COLUMN "uploaded_by" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "public_report" ("case_id" uuid NOT NULL, "token" uuid NOT NULL, "email" character varying(254), "media_url" character varying(2048), "device_id" character varying(128), "account_id" character varying(128), "address_id" character varying(128), "attributes" jsonb NOT NULL DEFAULT '{}', "api_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9ad18991d82735ae32d7e9709e" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_public_report_token" ON "public_report" ("token")`);
    await queryRunner.query(
      `ALTER TABLE "public_report" ADD CONSTRAINT "FK_c9ad18991d82735ae32d7e9709e" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "public_report"`);
    await queryRunner.query(`DELETE FROM "attachment" WHERE "uploaded_by" IS NULL AND "case_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "attachment" ALTER COLUMN "uploaded_by" SET NOT NULL`);
  }
}
