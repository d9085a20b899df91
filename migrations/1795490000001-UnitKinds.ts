import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unit kinds of DESIGN §11: `bureau` (the city bureau and its county branches), `town_office`
 * (镇街生态办), `department` (综合行政执法, 住建, 农业农村, 水利, 公安 …), `external` (outside bodies:
 * 海事局, 气象局, 供电公司, 中石化 …) and `enterprise`. A branch bureau (`branch_bureau`) becomes
 * a `bureau` at its county; anything else unknown (`other`) an outside body.
 */
export class UnitKinds1795490000001 implements MigrationInterface {
  name = 'UnitKinds1795490000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE unit SET kind = 'bureau' WHERE kind = 'branch_bureau'`);
    await q.query(`UPDATE unit SET kind = 'external' WHERE kind NOT IN ('bureau', 'town_office', 'department', 'external', 'enterprise')`);
    await q.query(`ALTER TABLE "unit" ADD CONSTRAINT "CHK_unit_kind" CHECK ("kind" IN ('bureau','town_office','department','external','enterprise'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "unit" DROP CONSTRAINT "CHK_unit_kind"`);
  }
}
