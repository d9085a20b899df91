import { decide, decideAutoSupervise, initialSnapshot, openCase, type CaseSnapshot } from '@ecoloop/workflow';
import { verifyChain } from '../../event-hash.js';
import { CaseChange, type CaseHead, type DeadlineRow, type NewEvent } from '../case-change.js';

const T0 = new Date('2026-11-02T02:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const event = (action: string, at: Date): NewEvent => ({
  action,
  fromState: null,
  toState: 'reported',
  actorId: null,
  actorName: '系统',
  actorRole: 'system',
  actorUnitId: null,
  comment: null,
  payload: {},
  attachmentIds: [],
  at,
});
const deadline = (over: Partial<DeadlineRow>): DeadlineRow => ({
  id: over.id ?? `00000000-0000-4000-8000-00000000000${over.kind?.length ?? 1}`,
  kind: 'rectify',
  dueAt: hours(24),
  originalDueAt: over.dueAt ?? hours(24),
  remindAt: null,
  status: 'pending',
  level: null,
  remindedAt: null,
  settledAt: null,
  ...over,
});
const rectifying: CaseSnapshot = { ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'air' }), state: 'rectifying', leadUnitId: 'u1' };
const head = (deadlines: DeadlineRow[], snapshot = rectifying): CaseHead => ({
  id: '11111111-1111-4111-8111-111111111111',
  version: 4,
  lastSeq: 3,
  lastHash: 'a'.repeat(64),
  snapshot,
  closedAt: null,
  duplicateOfId: null,
  deadlines,
});

describe('CaseChange: the machine’s results applied to a case’s rows in memory', () => {
  it('settles a deadline met on time as met and one settled after its due time as late, timer or not', () => {
    for (const [at, status] of [
      [hours(23), 'met'],
      [hours(25), 'late'],
    ] as const) {
      const change = CaseChange.of(head([deadline({ kind: 'rectify', dueAt: hours(24) })]));
      change.record({ ...rectifying, state: 'pending_verification' }, [{ type: 'settle_deadlines', kinds: ['rectify'], status: 'met' }], [], event('submit_completion', at));
      expect(change.deadlines()[0]).toMatchObject({ status, settledAt: at });
      expect(change.deadlineWrites().updates).toHaveLength(1);
    }
  });

  it('keeps an overdue deadline overdue when it is settled, and clears the overdue flag', () => {
    const change = CaseChange.of(head([deadline({ kind: 'rectify', status: 'overdue' })]));
    expect(CaseChange.of(head([deadline({ kind: 'rectify', status: 'overdue' })])).summary().overdue).toBe(true);
    change.record(rectifying, [{ type: 'settle_deadlines', kinds: 'all', status: 'met' }], [], event('submit_completion', hours(30)));
    expect(change.deadlines()[0]).toMatchObject({ status: 'overdue', settledAt: hours(30) });
    expect(change.summary()).toEqual({ dueAt: null, deadlineKind: null, overdue: false });
  });

  it('supersedes a pending deadline of the same kind and reports the new one for scheduling', () => {
    const old = deadline({ id: 'd-old', kind: 'supervision', level: 'county' });
    const change = CaseChange.of(head([old]));
    const decided = decideAutoSupervise(rectifying, { level: 'city', dueAt: hours(72), now: hours(1) })!;
    change.record(decided.next, decided.effects, [{ id: 'd-new', kind: 'supervision', dueAt: hours(72), remindAt: null }], event('auto_supervise', hours(1)));
    expect(change.deadlines()).toEqual([
      expect.objectContaining({ id: 'd-old', status: 'cancelled', settledAt: hours(1) }),
      expect.objectContaining({ id: 'd-new', status: 'pending', level: 'city', dueAt: hours(72) }),
    ]);
    expect(change.snapshot.supervisionLevel).toBe('city');
    expect(change.scheduleIds()).toEqual(['d-new']);
    expect(change.summary()).toMatchObject({ dueAt: hours(72), deadlineKind: 'supervision' });
  });

  it('moves a pending deadline on extension, and replaces an overdue one while keeping its original due time', () => {
    const pending = CaseChange.of(head([deadline({ id: 'p', kind: 'rectify', remindedAt: hours(20) })]));
    pending.record(rectifying, [{ type: 'extend_deadline', kind: 'rectify', dueAt: hours(100).toISOString() }], [{ kind: 'rectify', dueAt: hours(100), remindAt: hours(90) }], event('decide_extension', hours(2)));
    expect(pending.deadlines()).toEqual([expect.objectContaining({ id: 'p', dueAt: hours(100), remindAt: hours(90), remindedAt: null, originalDueAt: hours(24) })]);

    const late = CaseChange.of(head([deadline({ id: 'o', kind: 'rectify', status: 'overdue' })]));
    late.record(rectifying, [{ type: 'extend_deadline', kind: 'rectify', dueAt: hours(100).toISOString() }], [{ kind: 'rectify', dueAt: hours(100), remindAt: null }], event('decide_extension', hours(30)));
    const [settled, fresh] = late.deadlines();
    expect(settled).toMatchObject({ id: 'o', status: 'overdue', settledAt: hours(30) });
    expect(fresh).toMatchObject({ status: 'pending', dueAt: hours(100), originalDueAt: hours(24) });
    expect(late.summary().overdue).toBe(false);
  });

  it('marks overdue and reminded deadlines; a reminder alone keeps the version, anything else bumps it once', () => {
    const d = deadline({ id: 'd1', kind: 'rectify' });
    const reminded = CaseChange.of(head([d]));
    reminded.record(rectifying, [{ type: 'mark_reminded', deadlineId: 'd1' }], [], event('reminder_sent', hours(20)));
    expect(reminded.deadlines()[0].remindedAt).toEqual(hours(20));
    expect(reminded.nextVersion).toBe(4);

    const overdue = CaseChange.of(head([d]));
    overdue.record(rectifying, [{ type: 'mark_overdue', deadlineId: 'd1' }], [], event('overdue', hours(25)));
    overdue.record(rectifying, [], [], event('remind', hours(26)));
    expect(overdue.deadlines()[0].status).toBe('overdue');
    expect(overdue.summary().overdue).toBe(true);
    expect(overdue.nextVersion).toBe(5);
    expect(() => overdue.record(rectifying, [{ type: 'mark_overdue', deadlineId: 'nope' }], [], event('overdue', hours(27)))).toThrow(/not a deadline/);
  });

  it('chains a new case’s events from the genesis hash so that the stored chain verifies', () => {
    const opened = openCase({ severity: 'general', source: 'grid_patrol', category: 'air' });
    const change = CaseChange.create(
      { title: 't', description: 'd', category: 'air', source: 'grid_patrol', severity: 'general', regionCode: '330402', regionPath: '330400.330402', lat: null, lng: null, address: null, enterpriseCreditCode: null, reporterId: null, reporterName: null, reporterPhone: null, ledgerId: null, ledgerItemId: null, createdAt: T0 },
      opened.snapshot,
    );
    change.record(opened.snapshot, opened.effects, [{ kind: 'dispatch', dueAt: hours(24), remindAt: null }], event('report', T0), { attachmentIds: ['a1', 'a1'], uploadedBy: 'u' });
    const accepted = decide(change.snapshot, { action: 'accept', payload: {}, actorLevel: 'county', now: hours(1) });
    if (!accepted.ok) throw new Error(accepted.message);
    change.record(accepted.next, accepted.effects, [], event('accept', hours(1)));
    expect(change.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(verifyChain(change.events)).toEqual({ ok: true, events: 2 });
    expect(change.nextVersion).toBe(2);
    expect(change.attachments).toEqual([{ ids: ['a1'], seq: 1, uploadedBy: 'u' }]);
    expect(change.deadlineWrites().inserts).toHaveLength(1);
  });
});
