import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { COUNT_CAP } from '../cases.repository.js';

// Lists count their matches only so far (COUNT_CAP, or ten pages past the page asked for): beyond
// that the total is a lower bound, and it grows as the user pages on.
describe('case list counts', () => {
  let t: TestApp;
  const marker = '计数上限测试';
  const N = COUNT_CAP + 100;

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(
      `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, state, owner_level, signoff_steps, version, created_at, updated_at)
       SELECT 'CAP-' || lpad(g::text, 5, '0'), $2 || ' ' || g, '列表计数测试', 'water.outfall', 'grid_patrol', 'general',
              r.code, r.path, 'reported', 'town', '{town}', 1, now() - g * interval '1 minute', now()
         FROM generate_series(1, $1::int) AS g, region r WHERE r.code = '330402100001'`,
      [N, marker],
    );
  });
  afterAll(() => t.close());

  const list = async (user: string, page: number) =>
    (await t.http().get(`/api/v1/cases?q=${encodeURIComponent(marker)}&pageSize=20&page=${page}`).set('Authorization', await t.tokenOf(user)).expect(200)).body;

  it.each(['dispatcher.nanhu', 'grid.fengqiao001'])('%s: a lower bound on the first page, exact once paged far enough', async (user) => {
    expect(await list(user, 1)).toMatchObject({ total: COUNT_CAP, totalExact: false });
    const far = await list(user, 50); // ten pages past it: 60 × 20 = 1,200 counted
    expect(far).toMatchObject({ total: N, totalExact: true, page: 50 });
    expect(far.items).toHaveLength(20);
    expect((await list(user, 56)).items).toHaveLength(N - 55 * 20);
  });

  it("a unit's lead and co-unit cases: exact under the cap whether the rules overlap, one matches nothing, or one alone is over it", async () => {
    const [{ id: unit }] = await t.db.query(`SELECT id FROM unit WHERE name = '凤桥镇生态办'`);
    const [{ id: other }] = await t.db.query(`SELECT id FROM unit WHERE name <> '凤桥镇生态办' ORDER BY name LIMIT 1`);
    let batch = 0;
    const insert = (tag: string, n: number, lead: string, coUnits: string[]) =>
      t.db.query(
        `INSERT INTO "case" (code, title, description, category, source, severity, region_code, region_path, state, owner_level, signoff_steps, version,
                             lead_unit_id, co_unit_ids, created_at, updated_at)
         SELECT $1 || $5 || '-' || lpad(g::text, 5, '0'), $1 || ' ' || g, '列表计数测试', 'water.outfall', 'grid_patrol', 'general',
                r.code, r.path, 'rectifying', 'town', '{town}', 1, $3, $4::uuid[], now() - g * interval '1 minute', now()
           FROM generate_series(1, $2::int) AS g, region r WHERE r.code = '330402100001'`,
        [tag, n, lead, coUnits, ++batch],
      );
    const total = async (tag: string) =>
      (await t.http().get(`/api/v1/cases?q=${encodeURIComponent(tag)}&pageSize=20`).set('Authorization', await t.tokenOf('handler.fengqiao')).expect(200)).body;

    // Both rules match, and 5 cases match both: 35 led + 15 co-handled − 5 counted twice.
    await insert('计数甲', 30, unit, []);
    await insert('计数甲', 10, other, [unit]);
    await insert('计数甲', 5, unit, [unit]);
    expect(await total('计数甲')).toMatchObject({ total: 45, totalExact: true });
    // Only the lead rule matches.
    await insert('计数乙', 12, unit, []);
    expect(await total('计数乙')).toMatchObject({ total: 12, totalExact: true });
    // Only the co-unit rule matches.
    await insert('计数丙', 7, other, [unit]);
    expect(await total('计数丙')).toMatchObject({ total: 7, totalExact: true });
    // The lead rule alone is over the cap.
    await insert('计数丁', COUNT_CAP + 1, unit, []);
    await insert('计数丁', 3, other, [unit]);
    expect(await total('计数丁')).toMatchObject({ total: COUNT_CAP, totalExact: false });
  });
});
