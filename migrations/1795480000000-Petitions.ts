import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'dispatch','sign_for','rectify','verify','review','supervision'`;
const PETITION_KINDS = `'petition_accept','petition_reply','petition_review','petition_recheck'`;

/** Default policies for the petition clocks (DESIGN §9), as in DEFAULT_DEADLINE_POLICIES. */
const PETITION_POLICIES: [string | null, string, number, string, number][] = [
  [null, 'petition_accept', 15, 'days', 3 * 1440],
  [null, 'petition_reply', 60, 'days', 7 * 1440],
  [null, 'petition_review', 30, 'days', 5 * 1440],
  [null, 'petition_recheck', 30, 'days', 5 * 1440],
  ['hotline', 'petition_accept', 1, 'working_days', 120],
  ['hotline', 'petition_reply', 5, 'working_days', 1440],
];

/**
 * Petitions (信访) by the 信访工作条例, DESIGN §9: the `petition` record beside its case, its
 * petitioners (PII), and the petition clocks as deadline kinds. A deployment that already has
 * deadline policies gets the petition defaults added; an empty one gets every default on start.
 */
export class Petitions1795480000000 implements MigrationInterface {
  name = 'Petitions1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "petition" ("case_id" uuid NOT NULL, "channel" character varying(32) NOT NULL, "grade" character varying(16) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content" text NOT NULL, "request" text NOT NULL, "state" character varying(16) NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "reply_due_at" TIMESTAMP WITH TIME ZONE, "reply_count" integer NOT NULL DEFAULT '0', "extension_used" boolean NOT NULL DEFAULT false, "replied_at" TIMESTAMP WITH TIME ZONE, "satisfaction" character varying(32), "review_requested_at" TIMESTAMP WITH TIME ZONE, "review_decided_at" TIMESTAMP WITH TIME ZONE, "recheck_requested_at" TIMESTAMP WITH TIME ZONE, "recheck_decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_petition_satisfaction" CHECK ("satisfaction" IS NULL OR "satisfaction" IN ('satisfied','basically_satisfied','dissatisfied')), CONSTRAINT "CHK_petition_grade" CHECK ("grade" IN ('general','key','group')), CONSTRAINT "CHK_petition_channel" CHECK ("channel" IN ('letter','visit','phone','online','hotline_12345','hotline_12369','inspection_transfer')), CONSTRAINT "CHK_petition_state" CHECK ("state" IN ('registered','accepted','declined','replied','concluded','under_review','reviewed','under_recheck','final')), CONSTRAINT "PK_7b27dd9d1400fa1ffd36e4d6f3c" PRIMARY KEY ("case_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_petition_received" ON "petition"  ("received_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_petition_state" ON "petition"  ("state")`);
    await queryRunner.query(`CREATE TABLE "petitioner" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "original_case_id" uuid NOT NULL, "name" character varying(64), "phone" character varying(32), "id_number" character varying(18), "anonymous" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e47aabd6a973f26f7aba6e106c5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_petitioner_case" ON "petitioner"  ("case_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_petitioner_phone" ON "petitioner"  ("phone")`);
    await queryRunner.query(`CREATE INDEX "IDX_petitioner_id_number" ON "petitioner"  ("id_number")`);
    await queryRunner.query(`ALTER TABLE "petition" ADD CONSTRAINT "FK_7b27dd9d1400fa1ffd36e4d6f3c" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "petitioner" ADD CONSTRAINT "FK_c410e24429d60be0613aa757155" FOREIGN KEY ("case_id") REFERENCES "petition"("case_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "petitioner" ADD CONSTRAINT "FK_ea115be88382d6f9c34d93fcf91" FOREIGN KEY ("original_case_id") REFERENCES "petition"("case_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_kind"`);
    await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN (${OLD_KINDS},${PETITION_KINDS}))`);
    for (const [source, kind, amount, unit, lead] of PETITION_POLICIES) {
      await queryRunner.query(
        `INSERT INTO deadline_policy (source, category, severity, kind, amount, unit, reminder_lead_minutes)
         SELECT $1::varchar, NULL, NULL, $2::varchar, $3::float8, $4::varchar, $5::float8
          WHERE EXISTS (SELECT 1 FROM deadline_policy)
            AND NOT EXISTS (SELECT 1 FROM deadline_policy WHERE kind = $2::varchar AND source IS NOT DISTINCT FROM $1::varchar)`,
        [source, kind, amount, unit, lead],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM deadline WHERE kind IN (${PETITION_KINDS})`);
    await queryRunner.query(`DELETE FROM deadline_policy WHERE kind IN (${PETITION_KINDS})`);
    await queryRunner.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_kind"`);
    await queryRunner.query(`ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN (${OLD_KINDS}))`);
    await queryRunner.query(`DROP TABLE "petitioner"`);
    await queryRunner.query(`DROP TABLE "petition"`);
  }
}
