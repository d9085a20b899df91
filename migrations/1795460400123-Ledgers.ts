import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspection-feedback ledgers (台账): the ledger, its rows, their periodic progress (序时进展) and
 * the ledger's append-only history (imports, report-backs / 交账); foreign keys from a case to its
 * ledger and ledger row. Drafted with scripts/schema-diff.mjs and reviewed; the region_path prefix
 * index (text_pattern_ops) and the append-only trigger are hand-written (synchronize:false).
 */
export class Ledgers1795460400123 implements MigrationInterface {
  name = 'Ledgers1795460400123';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "ledger" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "source" character varying(32) NOT NULL, "issuer" character varying(128) NOT NULL, "issued_date" date NOT NULL, "due_date" date NOT NULL, "region_code" character varying(12) NOT NULL, "region_path" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_ledger_dates" CHECK ("due_date" >= "issued_date"), CONSTRAINT "CHK_ledger_kind" CHECK ("kind" IN ('inspection_feedback','petition_batch','task_plan')), CONSTRAINT "PK_7a322e9157e5f42a16750ba2a20" PRIMARY KEY ("id"))`,
      `CREATE TABLE "ledger_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ledger_id" uuid NOT NULL, "seq" integer NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "category" character varying(64) NOT NULL, "county_codes" text array NOT NULL, "town_codes" text array NOT NULL DEFAULT '{}', "lead_unit_ids" uuid array NOT NULL, "co_unit_ids" uuid array NOT NULL DEFAULT '{}', "due_date" date NOT NULL, "milestones" date array NOT NULL DEFAULT '{}', "target" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_ledger_item_seq" CHECK ("seq" > 0), CONSTRAINT "PK_24e054cfe467a7364bbb0d3feb7" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_ledger_item_seq" ON "ledger_item"  ("ledger_id", "seq") `,
      `CREATE TABLE "ledger_event" ("id" BIGSERIAL NOT NULL, "ledger_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "region_code" character varying(12), "actor_id" uuid NOT NULL, "actor_name" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "comment" text, "payload" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_ledger_event_kind" CHECK ("kind" IN ('created','imported','report_back')), CONSTRAINT "PK_95be55928858fdd8fb1171fd65c" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_ledger_event_ledger" ON "ledger_event"  ("ledger_id", "at") `,
      `CREATE TABLE "ledger_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ledger_id" uuid NOT NULL, "ledger_item_id" uuid NOT NULL, "period" character varying(16) NOT NULL, "note" text NOT NULL, "unit_id" uuid NOT NULL, "unit_role" character varying(8) NOT NULL, "author_id" uuid NOT NULL, "author_name" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_ledger_progress_role" CHECK ("unit_role" IN ('lead','co')), CONSTRAINT "PK_0f6bda96bdcd2bedfb02fbd3cdf" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_ledger_progress_ledger" ON "ledger_progress"  ("ledger_id") `,
      `CREATE INDEX "IDX_ledger_progress_item" ON "ledger_progress"  ("ledger_item_id", "created_at") `,
      `ALTER TABLE "ledger" ADD CONSTRAINT "FK_9f0358edfe94c30b46570dce241" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger" ADD CONSTRAINT "FK_238aeb2eca9a745591597dfde5f" FOREIGN KEY ("created_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_item" ADD CONSTRAINT "FK_ae79bc9a904a33ef58549cfa8ff" FOREIGN KEY ("ledger_id") REFERENCES "ledger"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "case" ADD CONSTRAINT "FK_bdcea0003dc2cd6dd00e1d8dcd4" FOREIGN KEY ("ledger_id") REFERENCES "ledger"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "case" ADD CONSTRAINT "FK_266769a1441308e922ba0bb93a3" FOREIGN KEY ("ledger_item_id") REFERENCES "ledger_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_event" ADD CONSTRAINT "FK_c892f2b78f2202030b17a2bcedf" FOREIGN KEY ("ledger_id") REFERENCES "ledger"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_event" ADD CONSTRAINT "FK_cf7d89599d0e46d4aceb9138697" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_event" ADD CONSTRAINT "FK_d579256d603e98c1b25377d38b1" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_progress" ADD CONSTRAINT "FK_3f5cb512f3e0aacc91377d27eb1" FOREIGN KEY ("ledger_id") REFERENCES "ledger"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_progress" ADD CONSTRAINT "FK_48159cf2293e6952b07e4ab3b80" FOREIGN KEY ("ledger_item_id") REFERENCES "ledger_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_progress" ADD CONSTRAINT "FK_cf6b8e5cb8f477f9f6792d6a8c4" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "ledger_progress" ADD CONSTRAINT "FK_215cbdafcbdc69441b3e3cfae30" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `CREATE INDEX "IDX_ledger_region_path" ON "ledger" ("region_path" text_pattern_ops)`,
      `CREATE FUNCTION "ledger_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`,
      `CREATE TRIGGER "ledger_event_no_update" BEFORE UPDATE OR DELETE ON "ledger_event" FOR EACH ROW EXECUTE FUNCTION "ledger_event_append_only"()`,
      `CREATE TRIGGER "ledger_event_no_truncate" BEFORE TRUNCATE ON "ledger_event" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_event_append_only"()`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT IF EXISTS "FK_266769a1441308e922ba0bb93a3"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT IF EXISTS "FK_bdcea0003dc2cd6dd00e1d8dcd4"`);
    for (const table of ['ledger_progress', 'ledger_event', 'ledger_item', 'ledger']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS "ledger_event_append_only"() CASCADE`);
  }
}
