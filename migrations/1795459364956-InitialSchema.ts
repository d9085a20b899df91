import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: regions, units, users, refresh tokens, cases and their append-only history,
 * attachments, deadlines and their policies, the working-day calendar, notifications and
 * idempotency keys. Drafted with scripts/schema-diff.mjs, then reviewed; the indexes with
 * operator classes, the partial indexes, the case code sequence and the append-only trigger
 * are hand-written (their entities mark them synchronize:false).
 */
export class InitialSchema1795459364956 implements MigrationInterface {
  name = 'InitialSchema1795459364956';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE "region" ("code" character varying(12) NOT NULL, "name" character varying(64) NOT NULL, "level" character varying(16) NOT NULL, "parent_code" character varying(12), "path" text NOT NULL, "boundary" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_region_level" CHECK ("level" IN ('province','city','county','town','village','grid')), CONSTRAINT "PK_74f7723fdff738f92929c0056cb" PRIMARY KEY ("code"))`,
      `CREATE INDEX "IDX_region_parent" ON "region"  ("parent_code") `,
      `CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(128) NOT NULL, "kind" character varying(32) NOT NULL, "region_code" character varying(12) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_unit_name" ON "unit"  ("name") `,
      `CREATE INDEX "IDX_unit_region" ON "unit"  ("region_code") `,
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "password_hash" character varying(255) NOT NULL, "display_name" character varying(64) NOT NULL, "unit_id" uuid, "region_code" character varying(12) NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_app_user_username" ON "app_user"  ("username") `,
      `CREATE INDEX "IDX_app_user_unit" ON "app_user"  ("unit_id") `,
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_refresh_token_user" ON "refresh_token"  ("user_id") `,
      `CREATE INDEX "IDX_refresh_token_family" ON "refresh_token"  ("family_id") `,
      `CREATE UNIQUE INDEX "UQ_refresh_token_hash" ON "refresh_token"  ("token_hash") `,
      `CREATE TABLE "case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "category" character varying(64) NOT NULL, "source" character varying(32) NOT NULL, "severity" character varying(16) NOT NULL, "region_code" character varying(12) NOT NULL, "region_path" text NOT NULL, "lat" double precision, "lng" double precision, "address" character varying(255), "enterprise_credit_code" character varying(18), "reporter_id" uuid, "reporter_name" character varying(64), "reporter_phone" character varying(32), "state" character varying(32) NOT NULL, "owner_level" character varying(16) NOT NULL DEFAULT 'county', "lead_unit_id" uuid, "co_unit_ids" uuid array NOT NULL DEFAULT '{}', "due_at" TIMESTAMP WITH TIME ZONE, "deadline_kind" character varying(16), "overdue" boolean NOT NULL DEFAULT false, "supervision_level" character varying(16), "signoff_steps" text array NOT NULL DEFAULT '{}', "signoff_index" integer NOT NULL DEFAULT '0', "rework_count" integer NOT NULL DEFAULT '0', "reopen_count" integer NOT NULL DEFAULT '0', "pending_extension" jsonb, "ledger_id" uuid, "ledger_item_id" uuid, "duplicate_of_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_case_signoff_index" CHECK ("signoff_index" >= 0), CONSTRAINT "CHK_case_severity" CHECK ("severity" IN ('general','major')), CONSTRAINT "CHK_case_state" CHECK ("state" IN ('reported','pending_dispatch','assigned','rectifying','pending_verification','closed','rejected','merged')), CONSTRAINT "PK_a1b20a2aef6fc438389d2c4aca0" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_case_code" ON "case"  ("code") `,
      `CREATE INDEX "IDX_case_reporter" ON "case"  ("reporter_id") `,
      `CREATE INDEX "IDX_case_lead_unit" ON "case"  ("lead_unit_id") `,
      `CREATE INDEX "IDX_case_ledger" ON "case"  ("ledger_id") `,
      `CREATE INDEX "IDX_case_ledger_item" ON "case"  ("ledger_item_id") `,
      `CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "mime" character varying(100) NOT NULL, "original_name" character varying(255) NOT NULL, "uploaded_by" uuid NOT NULL, "case_id" uuid, "event_seq" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_attachment_sha256" ON "attachment"  ("sha256") `,
      `CREATE INDEX "IDX_attachment_case" ON "attachment"  ("case_id") `,
      `CREATE TABLE "case_event" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "action" character varying(32) NOT NULL, "from_state" character varying(32), "to_state" character varying(32) NOT NULL, "actor_id" uuid, "actor_name" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "actor_unit_id" uuid, "comment" text, "payload" jsonb NOT NULL DEFAULT '{}', "attachment_ids" uuid array NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_5b6e18b2d4fd178711a2269645e" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_case_event_case_seq" ON "case_event"  ("case_id", "seq") `,
      `CREATE TABLE "idempotency_key" ("user_id" uuid NOT NULL, "key" character varying(128) NOT NULL, "scope" character varying(64) NOT NULL, "request_hash" character(64) NOT NULL, "resource_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_de390066dce788f80744a8f6626" PRIMARY KEY ("user_id", "key"))`,
      `CREATE TABLE "deadline_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source" character varying(32), "category" character varying(64), "severity" character varying(16), "kind" character varying(16) NOT NULL, "amount" double precision NOT NULL, "unit" character varying(16) NOT NULL, "reminder_lead_minutes" double precision NOT NULL DEFAULT '0', CONSTRAINT "CHK_deadline_policy_unit" CHECK ("unit" IN ('minutes','hours','days','working_days')), CONSTRAINT "PK_18c29c20631543709510873b6ce" PRIMARY KEY ("id"))`,
      `CREATE TABLE "deadline" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "original_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "remind_at" TIMESTAMP WITH TIME ZONE, "status" character varying(16) NOT NULL DEFAULT 'pending', "level" character varying(16), "reminded_at" TIMESTAMP WITH TIME ZONE, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_deadline_status" CHECK ("status" IN ('pending','met','overdue','cancelled')), CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN ('dispatch','sign_for','rectify','verify','review','supervision')), CONSTRAINT "PK_9b68db28fc035ed8a84691bfbaf" PRIMARY KEY ("id"))`,
      `CREATE INDEX "IDX_deadline_case" ON "deadline"  ("case_id") `,
      `CREATE TABLE "work_calendar" ("year" integer NOT NULL, "holidays" date array NOT NULL DEFAULT '{}', "workdays" date array NOT NULL DEFAULT '{}', CONSTRAINT "PK_876b6e74ec76e46d0a9bd6c7740" PRIMARY KEY ("year"))`,
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "case_id" uuid, "kind" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL DEFAULT '', "dedupe_key" character varying(128), "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
      `CREATE UNIQUE INDEX "UQ_notification_dedupe" ON "notification"  ("dedupe_key") `,
      `CREATE INDEX "IDX_notification_user_created" ON "notification"  ("user_id", "created_at") `,
      `ALTER TABLE "region" ADD CONSTRAINT "FK_73a16baaad741cbb01fa629e95a" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "unit" ADD CONSTRAINT "FK_182dde781d8270ea233e0ddaa6f" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_055c5291f4320e6e092162ae36c" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_ef275dd927b3ab68060799af298" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_6bbe63d2fe75e7f0ba1710351d4" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "case" ADD CONSTRAINT "FK_86a2a53966ec79259f98733706b" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "case" ADD CONSTRAINT "FK_f4923964b80036d1d8605e61bd2" FOREIGN KEY ("reporter_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "case" ADD CONSTRAINT "FK_74a1dd48b67220ce5f697221be5" FOREIGN KEY ("lead_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "case" ADD CONSTRAINT "FK_33cbc936a2d83b2d3e323ab5273" FOREIGN KEY ("duplicate_of_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "attachment" ADD CONSTRAINT "FK_a43176f45a7941d1cd50109f07f" FOREIGN KEY ("uploaded_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "attachment" ADD CONSTRAINT "FK_8d275604024969976deea609584" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "case_event" ADD CONSTRAINT "FK_85962fcd8d72296385c01a5dd45" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
      `ALTER TABLE "idempotency_key" ADD CONSTRAINT "FK_b769b270c8c530b20c431bd19d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "deadline" ADD CONSTRAINT "FK_5ed856abd22976fe8eb85dfc6a1" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_ac5f81d86d3eeb07664b674f794" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      `CREATE INDEX "IDX_region_path_pattern" ON "region" ("path" text_pattern_ops)`,
      `CREATE INDEX "IDX_case_scope_state_created" ON "case" ("region_path" text_pattern_ops, "state", "created_at" DESC)`,
      `CREATE INDEX "IDX_case_scope_created" ON "case" ("created_at" DESC, "id")`,
      `CREATE INDEX "IDX_case_co_units" ON "case" USING GIN ("co_unit_ids")`,
      `CREATE UNIQUE INDEX "UQ_deadline_pending_kind" ON "deadline" ("case_id", "kind") WHERE "status" = 'pending'`,
      `CREATE INDEX "IDX_deadline_pending_due" ON "deadline" ("due_at") WHERE "status" = 'pending'`,
      `CREATE SEQUENCE "case_code_seq" START 1`,
      `CREATE FUNCTION "case_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`,
      `CREATE TRIGGER "case_event_no_update" BEFORE UPDATE OR DELETE ON "case_event" FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"()`,
      `CREATE TRIGGER "case_event_no_truncate" BEFORE TRUNCATE ON "case_event" FOR EACH STATEMENT EXECUTE FUNCTION "case_event_append_only"()`,
    ]) {
      await queryRunner.query(sql);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification', 'deadline', 'idempotency_key', 'case_event', 'attachment', 'deadline_policy', 'work_calendar', 'refresh_token', 'case', 'app_user', 'unit', 'region']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS "case_event_append_only"() CASCADE`);
    await queryRunner.query(`DROP SEQUENCE IF EXISTS "case_code_seq"`);
  }
}
