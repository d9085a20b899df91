import { CASE_STATES } from '@ecoloop/workflow';
import { verifyChain } from '../../cases/event-hash.js';
import { CasesRepository } from '../../cases/cases.repository.js';
import { DemoCasesSeeder } from '../demo-cases.js';
import { DemoPetitionsSeeder } from '../demo-petitions.js';
import { createOrganisationApp } from '../../../test-support/organisation-app.js';
import type { TestApp } from '../../../test-support/test-app.js';

/** Runs the demo seeder against a database of its own, since it only seeds an empty case table. */
describe('demo cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createOrganisationApp('demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates cases in every state with valid hash chains, once', async () => {
    const seeder = t.app.get(DemoCasesSeeder);
    expect(await seeder.seedIfEmpty(120)).toBe(120);
    const states = (await t.db.query(`SELECT state, count(*)::int AS n FROM "case" GROUP BY state`)) as { state: string; n: number }[];
    expect(states.map((s) => s.state).sort()).toEqual([...CASE_STATES].sort());
    const repo = t.app.get(CasesRepository);
    const ids: { id: string }[] = await t.db.query(`SELECT id FROM "case"`);
    for (const { id } of ids) expect(verifyChain(await repo.events(id)).ok).toBe(true);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "case" WHERE title ~ '[\\u4e00-\\u9fa5]'`);
    expect(n).toBe(120);
    expect(await seeder.seedIfEmpty(120)).toBe(0);
  });

  it('creates petitions at every stage of DESIGN §9, once', async () => {
    const seeder = t.app.get(DemoPetitionsSeeder);
    expect(await seeder.seedIfEmpty()).toBe(11);
    const states: { state: string }[] = await t.db.query(`SELECT DISTINCT state FROM petition`);
    expect(states.map((s) => s.state).sort()).toEqual(['accepted', 'concluded', 'declined', 'final', 'registered', 'replied', 'under_review'].sort());
    const [figures] = await t.db.query(
      `SELECT count(*) FILTER (WHERE extension_used)::int AS extended, count(*) FILTER (WHERE reply_count = 2 AND state = 'concluded')::int AS answered_again,
              count(*) FILTER (WHERE channel LIKE 'hotline%')::int AS hotline FROM petition`,
    );
    expect(figures).toEqual({ extended: 1, answered_again: 1, hotline: 2 });
    const [merge] = await t.db.query(
      `SELECT c.duplicate_of_id AS target, (SELECT count(*)::int FROM petitioner pe WHERE pe.case_id = c.duplicate_of_id) AS petitioners,
              (SELECT count(*)::int FROM petitioner pe WHERE pe.original_case_id = c.id) AS moved
         FROM "case" c JOIN petition p ON p.case_id = c.id WHERE c.state = 'merged'`,
    );
    expect(merge).toEqual({ target: expect.any(String), petitioners: 3, moved: 2 });
    const repo = t.app.get(CasesRepository);
    const ids: { case_id: string }[] = await t.db.query(`SELECT case_id FROM petition`);
    for (const { case_id } of ids) expect(verifyChain(await repo.events(case_id)).ok).toBe(true);
    expect(await seeder.seedIfEmpty()).toBe(0);
  });
});
