import { CASE_ACTIONS } from '@ecoloop/workflow';
import { addMonths, shanghaiMonth } from '../../../core/months.js';
import { createOrganisationApp } from '../../../test-support/organisation-app.js';
import type { TestApp } from '../../../test-support/test-app.js';
import { verifyChain } from '../../cases/event-hash.js';
import { CasesRepository } from '../../cases/cases.repository.js';
import { DemoHistorySeeder } from '../demo-history.js';
import { HISTORY_AREAS } from '../demo-history-data.js';

/** Twelve months of demo history (DESIGN §8, §12), on a database of its own. */
describe('demo history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createOrganisationApp('hist');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lives twelve months in every county and zone through the machine, issues the warnings, once', async () => {
    const seeder = t.app.get(DemoHistorySeeder);
    const now = new Date();
    const done = await seeder.seedIfAbsent(now);
    expect(done).not.toBeNull();
    const thisMonth = shanghaiMonth(now);

    // Every county and function zone has cases in at least eleven of the twelve past months.
    const months: { county: string; months: number }[] = await t.db.query(
      `SELECT split_part(region_path, '.', 2) AS county, count(DISTINCT date_trunc('month', created_at AT TIME ZONE 'Asia/Shanghai'))::int AS months
         FROM "case" WHERE created_at < $1 GROUP BY 1 ORDER BY 1`,
      [new Date(`${thisMonth}-01T00:00:00+08:00`)],
    );
    expect(months.map((m) => m.county).sort()).toEqual(HISTORY_AREAS.map((a) => a.code).sort());
    for (const m of months) expect(m.months).toBeGreaterThanOrEqual(11);

    // Every action of the loop happened somewhere (the petition and enforcement actions have seeders of their own).
    const [{ actions }] = await t.db.query(`SELECT array_agg(DISTINCT action) AS actions FROM case_event`);
    const own = CASE_ACTIONS.filter((a) => !['merge', 'escalate', 'transfer_enforcement'].includes(a));
    for (const a of [...own, 'report', 'overdue', 'auto_supervise']) expect(actions).toContain(a);

    // Self- and outside-found; a relapse, rework, both kinds of late deadline.
    const [f] = await t.db.query(
      `SELECT count(*) FILTER (WHERE source = 'grid_patrol')::int AS grid, count(*) FILTER (WHERE source = 'hotline')::int AS hotline,
              count(*) FILTER (WHERE reopen_count > 0)::int AS relapsed, count(*) FILTER (WHERE rework_count > 0)::int AS reworked,
              count(*) FILTER (WHERE taken_by_id IS NOT NULL)::int AS taken FROM "case"`,
    );
    expect(f.grid).toBeGreaterThan(0);
    expect(f.hotline).toBeGreaterThan(0);
    expect(f.relapsed).toBeGreaterThan(0);
    expect(f.reworked).toBeGreaterThan(0);
    expect(f.taken).toBe(1);

    // Valid hash chains (a sample of every area).
    const repo = t.app.get(CasesRepository);
    const sample: { id: string }[] = await t.db.query(`SELECT DISTINCT ON (split_part(region_path, '.', 2)) id FROM "case" ORDER BY split_part(region_path, '.', 2), last_seq DESC`);
    for (const { id } of sample) expect(verifyChain(await repo.events(id)).ok).toBe(true);

    // Twelve issued months for every county-level area; 嘉善县 red at least once, 海盐县's quiet month no_data.
    const warnings: { region_code: string; month: string; level: string }[] = await t.db.query(`SELECT region_code, month, level FROM risk_warning WHERE issued_at IS NOT NULL`);
    expect(warnings).toHaveLength(12 * HISTORY_AREAS.length);
    expect(warnings.filter((w) => w.region_code === '330421' && w.level === 'red').length).toBeGreaterThanOrEqual(3);
    const quiet = HISTORY_AREAS.find((a) => a.quietMonth)!;
    expect(warnings.find((w) => w.region_code === quiet.code && w.month === addMonths(thisMonth, -quiet.quietMonth!))?.level).toBe('no_data');
    expect(warnings.filter((w) => w.region_code === '330402' && ['green', 'yellow'].includes(w.level)).length).toBeGreaterThanOrEqual(10);
    // Red opened city 督办 and 定点帮扶.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM risk_warning WHERE jsonb_array_length(consequences) > 0`);
    expect(n).toBeGreaterThan(0);

    expect(await seeder.seedIfAbsent(now)).toBeNull();
  });
});
