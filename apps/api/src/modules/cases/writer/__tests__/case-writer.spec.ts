import { createTestApp, type TestApp } from '../../../../test-support/test-app.js';
import { must, reportCase } from '../../../../test-support/cases.js';
import { CasesRepository, toHead } from '../../cases.repository.js';
import { verifyChain } from '../../event-hash.js';
import { CaseChange } from '../case-change.js';
import { CaseWriter } from '../case-writer.js';

const ALL = { sql: 'TRUE', params: {} };

describe('CaseWriter: one statement per write, all or nothing', () => {
  let t: TestApp;
  let writer: CaseWriter;
  let repo: CasesRepository;

  beforeAll(async () => {
    t = await createTestApp();
    writer = t.app.get(CaseWriter);
    repo = t.app.get(CasesRepository);
  });
  afterAll(() => t.close());

  const count = async (sql: string, id: string) => (await t.db.query(sql, [id]))[0].n as number;
  const note = (at: Date) => ({
    action: 'remind',
    fromState: 'reported',
    toState: 'reported',
    actorId: null,
    actorName: '测试',
    actorRole: 'dispatcher',
    actorUnitId: null,
    comment: '请尽快处理',
    payload: { note: '请尽快处理' },
    attachmentIds: [],
    at,
  });

  it('writes nothing of a change whose case moved on since it was read (version or chain head)', async () => {
    const created = await reportCase(t, 'grid.fengqiao001');
    const head = toHead((await repo.findDetail(created.id, ALL))!);
    const first = CaseChange.of(head);
    first.record(head.snapshot, [], [], note(new Date()));
    const second = CaseChange.of(head);
    second.record(head.snapshot, [{ type: 'settle_deadlines', kinds: 'all', status: 'cancelled' }], [], note(new Date()));

    expect((await writer.write([first])).written.get(created.id)).toMatchObject({ version: 2 });
    const outcome = await writer.write([second]);
    expect(outcome).toEqual({ written: new Map(), stale: [created.id] });
    await expect(writer.writeOne(second)).rejects.toMatchObject({ status: 409 });

    expect(await count(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1`, created.id)).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM deadline WHERE case_id = $1 AND status = 'pending'`, created.id)).toBe(1);
    const [row] = await t.db.query(`SELECT version, last_seq, last_hash FROM "case" WHERE id = $1`, [created.id]);
    const events = await repo.events(created.id);
    expect(row).toEqual({ version: 2, last_seq: 2, last_hash: events[1].hash });
    expect(verifyChain(events).ok).toBe(true);
  });

  it('refuses a change that records no event (every write must move the chain head), writing nothing of its batch', async () => {
    const [a, b] = await Promise.all([1, 2].map(async () => (await reportCase(t, 'grid.fengqiao001')).id));
    const withEvent = CaseChange.of(toHead((await repo.findDetail(a, ALL))!));
    withEvent.record(withEvent.snapshot, [], [], note(new Date()));
    const silent = CaseChange.of(toHead((await repo.findDetail(b, ALL))!));
    silent.record(silent.snapshot, [], [], note(new Date()));
    silent.events.length = 0;

    await expect(writer.write([withEvent, silent])).rejects.toThrow(`case change of ${b} records no event`);
    for (const id of [a, b]) expect(await count(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1`, id)).toBe(1);
  });

  it('writes a batch of changes to many cases in one call, each with its events and deadlines', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await reportCase(t, 'grid.fengqiao001')).id));
    const changes = [];
    for (const id of ids) {
      const head = toHead((await repo.findDetail(id, ALL))!);
      const c = CaseChange.of(head);
      c.record(head.snapshot, [{ type: 'start_deadline', kind: 'supervision', level: 'city' }], [{ kind: 'supervision', dueAt: new Date(Date.now() + 86_400_000), remindAt: null }], note(new Date()));
      changes.push(c);
    }
    const outcome = await writer.write(changes);
    expect([...outcome.written.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const [row] = await t.db.query(`SELECT supervision_level, deadline_kind, version FROM "case" WHERE id = $1`, [id]);
      expect(row).toMatchObject({ version: 2 });
      expect(await count(`SELECT count(*)::int AS n FROM deadline WHERE case_id = $1 AND kind = 'supervision' AND status = 'pending' AND level = 'city'`, id)).toBe(1);
      expect(verifyChain(await repo.events(id)).ok).toBe(true);
    }
  });

  it('stores a deadline settled after its due time as late even before its timer fired, and reports met and late', async () => {
    const created = await reportCase(t, 'grid.fengqiao001');
    // The dispatch deadline fell due a minute ago; no timer has run for it.
    await t.db.query(`UPDATE deadline SET due_at = now() - interval '1 minute', original_due_at = now() - interval '1 minute' WHERE case_id = $1`, [created.id]);
    const accepted = await must(t, 'dispatcher.nanhu', created.id, 'accept');
    const onTime = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', onTime.id, 'reject', { reason: '不属于本部门职责' });

    expect(accepted.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'dispatch', status: 'pending' })]));
    const settled = await t.db.query(`SELECT case_id, status FROM deadline WHERE case_id = ANY ($1) AND kind = 'dispatch' AND settled_at IS NOT NULL`, [[created.id, onTime.id]]);
    expect(Object.fromEntries(settled.map((r: { case_id: string; status: string }) => [r.case_id, r.status]))).toEqual({ [onTime.id]: 'cancelled' });

    const dispatched = await must(t, 'dispatcher.nanhu', created.id, 'dispatch', { leadUnitId: (await t.db.query(`SELECT id FROM unit WHERE name = '凤桥镇生态办'`))[0].id });
    expect(dispatched.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'dispatch', status: 'late' })]));
    const stats = await t.http().get('/api/v1/stats/deadlines?regionCode=330402').set('Authorization', await t.tokenOf('supervisor.nanhu')).expect(200);
    const dispatch = stats.body.byKind.find((k: { kind: string }) => k.kind === 'dispatch');
    const [expected] = await t.db.query(
      `SELECT count(*) FILTER (WHERE d.status = 'met')::int AS met, count(*) FILTER (WHERE d.status = 'late' OR d.status = 'overdue' AND d.settled_at IS NOT NULL)::int AS late
         FROM deadline d JOIN "case" c ON c.id = d.case_id WHERE d.kind = 'dispatch' AND c.region_path LIKE '330400.330402%'`,
    );
    expect(dispatch).toMatchObject(expected);
    expect(dispatch.late).toBeGreaterThanOrEqual(1);
  });
});
