import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { DEMO_PETITION_BATCH_TITLE, DEMO_TASK_TABLE_TITLE, seedDemoPetitionBatch, seedDemoTaskTable } from '../demo-ledger-batches.js';
import { morningDaysAgo } from '../demo-ledger-support.js';
import { quarterOf } from '../ledger-progress.js';

describe('demo petition batch and 811 task table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates the 边督边改 petition batch once, with short limits and petitions at several stages, even when seeded just before midnight', async () => {
    // 23:55 in Shanghai yesterday: the import, minutes after the ledger, must still fall on the ledger's day.
    const now = new Date(morningDaysAgo(new Date(), 1).getTime() + (14 * 60 + 55) * 60_000);
    const first = await seedDemoPetitionBatch(t.app, { now });
    expect(first).toMatchObject({ created: true, items: 8, cases: 8 });
    expect(await seedDemoPetitionBatch(t.app)).toEqual({ ...first, created: false });
    const { body } = await t.http().get(`/api/v1/ledgers/${first.ledgerId}`).set('Authorization', await t.tokenOf('leader.city')).expect(200);
    expect(body).toMatchObject({ title: DEMO_PETITION_BATCH_TITLE, kind: 'petition_batch' });
    expect(body.items.every((i: { kind: string }) => i.kind === 'petition')).toBe(true);
    // Handed over ten days ago: 7 to 15 days to settle, never past the 交账 date.
    const days = body.items.map((i: { dueDate: string }) => (Date.parse(i.dueDate) - Date.parse(body.issuedDate)) / 86_400_000);
    expect(Math.max(...days)).toBeLessThanOrEqual(15);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(7);
    const states = new Set(body.items.map((i: { cases: { state: string }[] }) => i.cases[0].state));
    expect([...states].sort()).toEqual(['assigned', 'closed', 'pending_verification', 'rectifying']);
  });

  it('creates the 811 task table once: actions over tasks, past quarters all reported, some tasks missing the current quarter, one 序时滞后', async () => {
    const first = await seedDemoTaskTable(t.app);
    expect(first).toMatchObject({ created: true, items: 9, cases: 9 });
    expect(await seedDemoTaskTable(t.app)).toEqual({ ...first, created: false });
    const auth = await t.tokenOf('dispatcher.city');
    const { body } = await t.http().get(`/api/v1/ledgers/${first.ledgerId}/task-table`).set('Authorization', auth).expect(200);
    expect(body.quarter).toBe(quarterOf(new Date()));
    expect(body.actions.map((a: { tasks: unknown[] }) => a.tasks.length)).toEqual([3, 2, 2, 2]);
    expect(body.actions[3].leadUnit.name).toBe('嘉兴市住房和城乡建设局');
    expect(body).toMatchObject({ tasks: 9, missing: 4 });
    const tasks = body.actions.flatMap((a: { tasks: unknown[] }) => a.tasks) as { reports: { period: string }[]; lagLevel: string | null }[];
    for (const q of body.quarters.slice(0, -1)) expect(tasks.every((x) => x.reports.some((r) => r.period === q))).toBe(true);
    expect(tasks.filter((x) => x.lagLevel).length).toBeGreaterThanOrEqual(1);
    const { body: ledger } = await t.http().get(`/api/v1/ledgers/${first.ledgerId}`).set('Authorization', auth).expect(200);
    expect(ledger.title).toBe(DEMO_TASK_TABLE_TITLE);
  });
});

describe('morningDaysAgo', () => {
  it('counts days on the Shanghai calendar and starts at 09:00 there', () => {
    expect(morningDaysAgo(new Date('2026-12-02T15:55:00Z'), 10).toISOString()).toBe('2026-11-22T01:00:00.000Z');
    expect(morningDaysAgo(new Date('2026-12-02T16:05:00Z'), 10).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(morningDaysAgo(new Date('2026-12-02T00:30:00Z'), 0).toISOString()).toBe('2026-12-02T01:00:00.000Z');
  });
});
