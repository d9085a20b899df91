import { createActor } from 'xstate';
import {
  CASE_STATES,
  caseMachine,
  decide,
  initialSnapshot,
  needsFollowUpReview,
  openCase,
  signoffChainFor,
  type CaseAction,
  type CaseSnapshot,
  type CaseSource,
  type DecideInput,
  type Effect,
} from './index.js';
import { NOW, LATER, PENDING_EXTENSION, caseIn, request, accepted, refused, deepFreeze } from './__tests__/decide-fixtures.js';

describe('effects and snapshot changes per transition', () => {
  const major = { severity: 'major' as const, signoffSteps: ['county' as const, 'city' as const] };
  const rows: Array<[string, CaseSnapshot, DecideInput, Effect[], Partial<CaseSnapshot>]> = [
    ['accept keeps the dispatch deadline running', caseIn('reported'), request('accept'), [], { state: 'pending_dispatch' }],
    [
      'dispatch without dueAt: rectify due from policy',
      caseIn('reported'),
      request('dispatch'),
      [
        { type: 'settle_deadlines', kinds: ['dispatch'], status: 'met' },
        { type: 'start_deadline', kind: 'sign_for' },
        { type: 'start_deadline', kind: 'rectify' },
      ],
      { state: 'assigned', leadUnitId: 'unit-fengqiao', coUnitIds: [] },
    ],
    [
      'dispatch with dueAt and co-units (a bare date means 17:30 in Shanghai; duplicates dropped)',
      caseIn('pending_dispatch'),
      request('dispatch', { payload: { leadUnitId: 'u1', coUnitIds: ['u2', 'u3', 'u2'], dueAt: '2026-03-20' } }),
      [
        { type: 'settle_deadlines', kinds: ['dispatch'], status: 'met' },
        { type: 'start_deadline', kind: 'sign_for' },
        { type: 'start_deadline', kind: 'rectify', dueAt: LATER },
      ],
      { state: 'assigned', leadUnitId: 'u1', coUnitIds: ['u2', 'u3'] },
    ],
    ['reject cancels every deadline', caseIn('reported'), request('reject'), [{ type: 'settle_deadlines', kinds: 'all', status: 'cancelled' }], { state: 'rejected' }],
    ['merge cancels every deadline', caseIn('pending_dispatch'), request('merge'), [{ type: 'settle_deadlines', kinds: 'all', status: 'cancelled' }], { state: 'merged' }],
    [
      'resolve_on_spot goes straight to verification',
      caseIn('reported'),
      request('resolve_on_spot'),
      [
        { type: 'settle_deadlines', kinds: ['dispatch'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'verify' },
      ],
      { state: 'pending_verification', signoffIndex: 0 },
    ],
    [
      'escalate hands dispatching one level up and restarts its clock',
      caseIn('pending_dispatch'),
      request('escalate'),
      [
        { type: 'settle_deadlines', kinds: ['dispatch'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'dispatch' },
      ],
      { state: 'pending_dispatch', ownerLevel: 'city' },
    ],
    ['sign_for meets the sign_for deadline', caseIn('assigned'), request('sign_for'), [{ type: 'settle_deadlines', kinds: ['sign_for'], status: 'met' }], { state: 'rectifying' }],
    [
      'return clears the units and restarts dispatch',
      caseIn('assigned'),
      request('return'),
      [
        { type: 'settle_deadlines', kinds: ['sign_for', 'rectify'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'dispatch' },
      ],
      { state: 'pending_dispatch', leadUnitId: null, coUnitIds: [] },
    ],
    [
      'reassign from assigned restarts sign_for, rectify continues',
      caseIn('assigned'),
      request('reassign'),
      [
        { type: 'settle_deadlines', kinds: ['sign_for'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'sign_for' },
      ],
      { state: 'assigned', leadUnitId: 'unit-wangjiangjing', coUnitIds: ['unit-yuxin'] },
    ],
    [
      'reassign from rectifying drops the old unit’s extension request and the new lead from co-units',
      caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }),
      request('reassign', { payload: { leadUnitId: 'unit-yuxin', reason: 'r' } }),
      [
        { type: 'settle_deadlines', kinds: ['sign_for'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'sign_for' },
      ],
      { state: 'assigned', leadUnitId: 'unit-yuxin', coUnitIds: [], pendingExtension: null },
    ],
    ['report_progress changes nothing but the history', caseIn('rectifying'), request('report_progress'), [], { state: 'rectifying' }],
    [
      'request_extension records the pending request',
      caseIn('rectifying'),
      request('request_extension', { payload: { newDueAt: '2026-03-20T17:30:00+08:00', reason: ' heavy rain ' } }),
      [],
      { state: 'rectifying', pendingExtension: { newDueAt: LATER, reason: 'heavy rain' } },
    ],
    [
      'decide_extension approved moves the rectify due time',
      caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }),
      request('decide_extension'),
      [{ type: 'extend_deadline', kind: 'rectify', dueAt: LATER }],
      { state: 'rectifying', pendingExtension: null },
    ],
    [
      'decide_extension refused keeps the due time',
      caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }),
      request('decide_extension', { payload: { approve: false, comment: 'no' } }),
      [],
      { state: 'rectifying', pendingExtension: null },
    ],
    [
      'submit_completion starts verification at the first sign-off step',
      caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }),
      request('submit_completion'),
      [
        { type: 'settle_deadlines', kinds: ['rectify'], status: 'met' },
        { type: 'start_deadline', kind: 'verify' },
      ],
      { state: 'pending_verification', signoffIndex: 0, pendingExtension: null },
    ],
    [
      'approve of a general case closes it without follow-up review',
      caseIn('pending_verification'),
      request('approve'),
      [
        { type: 'settle_deadlines', kinds: ['verify'], status: 'met' },
        { type: 'settle_deadlines', kinds: ['supervision'], status: 'met' },
        { type: 'closed' },
      ],
      { state: 'closed' },
    ],
    [
      'approve of a major case at the county moves on to the city step',
      caseIn('pending_verification', major),
      request('approve'),
      [
        { type: 'settle_deadlines', kinds: ['verify'], status: 'met' },
        { type: 'start_deadline', kind: 'verify' },
      ],
      { state: 'pending_verification', signoffIndex: 1 },
    ],
    [
      'approve of a major case at the city closes it and schedules the follow-up review',
      caseIn('pending_verification', { ...major, signoffIndex: 1 }),
      request('approve', { actorLevel: 'city' }),
      [
        { type: 'settle_deadlines', kinds: ['verify'], status: 'met' },
        { type: 'settle_deadlines', kinds: ['supervision'], status: 'met' },
        { type: 'closed' },
        { type: 'start_deadline', kind: 'review' },
      ],
      { state: 'closed', signoffIndex: 1 },
    ],
    [
      'reject_completion at the city step sends it back to rectification from the first step',
      caseIn('pending_verification', { ...major, signoffIndex: 1, reworkCount: 2 }),
      request('reject_completion', { actorLevel: 'city' }),
      [
        { type: 'settle_deadlines', kinds: ['verify'], status: 'met' },
        { type: 'start_deadline', kind: 'rectify' },
      ],
      { state: 'rectifying', reworkCount: 3, signoffIndex: 0 },
    ],
    ['review_pass meets the review deadline', caseIn('closed'), request('review_pass'), [{ type: 'settle_deadlines', kinds: ['review'], status: 'met' }], { state: 'closed' }],
    [
      'review_fail reopens the case',
      caseIn('closed', { ...major, signoffIndex: 1 }),
      request('review_fail'),
      [
        { type: 'settle_deadlines', kinds: ['review'], status: 'met' },
        { type: 'start_deadline', kind: 'rectify' },
        { type: 'reopened' },
      ],
      { state: 'rectifying', reopenCount: 1, signoffIndex: 0, leadUnitId: 'unit-fengqiao' },
    ],
    [
      'supervise replaces any pending order and records the level',
      caseIn('assigned'),
      request('supervise'),
      [
        { type: 'settle_deadlines', kinds: ['supervision'], status: 'cancelled' },
        { type: 'start_deadline', kind: 'supervision', dueAt: LATER },
      ],
      { state: 'assigned', supervisionLevel: 'city' },
    ],
    ['remind changes nothing but the history', caseIn('pending_verification'), request('remind'), [], { state: 'pending_verification' }],
  ];

  test.each(rows)('%s', (_name, snapshot, input, effects, changes) => {
    const result = accepted(decide(snapshot, input));
    expect(result.effects).toEqual(effects);
    expect(result.next).toEqual({ ...snapshot, ...changes });
  });

  test('supervise keeps the highest level that issued an order', () => {
    let c = caseIn('rectifying');
    c = accepted(decide(c, request('supervise', { actorLevel: 'county' }))).next;
    expect(c.supervisionLevel).toBe('county');
    c = accepted(decide(c, request('supervise', { actorLevel: 'city' }))).next;
    expect(c.supervisionLevel).toBe('city');
    c = accepted(decide(c, request('supervise', { actorLevel: 'county' }))).next;
    expect(c.supervisionLevel).toBe('city');
  });

  test('escalate moves ownership county → city → province, then refuses', () => {
    let c = caseIn('pending_dispatch');
    c = accepted(decide(c, request('escalate', { actorLevel: 'county' }))).next;
    expect(c.ownerLevel).toBe('city');
    c = accepted(decide(c, request('escalate', { actorLevel: 'city' }))).next;
    expect(c.ownerLevel).toBe('province');
    expect(refused(decide(c, request('escalate', { actorLevel: 'province' }))).code).toBe('not_possible');
  });

  test('decide never changes the snapshot it is given', () => {
    const snapshot = deepFreeze(caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }));
    const before = structuredClone(snapshot);
    accepted(decide(snapshot, request('decide_extension')));
    accepted(decide(snapshot, request('reassign')));
    expect(snapshot).toEqual(before);
  });
});

describe('sign-off chain (销号) and follow-up review (回头看)', () => {
  const sources: Array<[CaseSource, 'general' | 'major', string[], boolean]> = [
    ['grid_patrol', 'general', ['county'], false],
    ['hotline', 'general', ['county'], false],
    ['city_inspection', 'general', ['county'], false],
    ['grid_patrol', 'major', ['county', 'city'], true],
    ['central_inspection', 'general', ['county', 'city'], true],
    ['provincial_inspection', 'general', ['county', 'city'], true],
    ['provincial_inspection', 'major', ['county', 'city'], true],
  ];

  test.each(sources)('%s %s case: sign-off by %j, follow-up review %s', (source, severity, chain, review) => {
    expect(signoffChainFor({ source, severity })).toEqual(chain);
    expect(needsFollowUpReview({ source, severity })).toBe(review);
    expect(initialSnapshot({ source, severity, category: 'air' }).signoffSteps).toEqual(chain);
  });

  test('a general case is closed by one county sign-off', () => {
    const c = accepted(decide(caseIn('pending_verification'), request('approve', { actorLevel: 'county' })));
    expect(c.next.state).toBe('closed');
  });

  test('a major case needs the county, then the city; a county supervisor cannot approve the city step', () => {
    let c = caseIn('pending_verification', { severity: 'major', signoffSteps: ['county', 'city'] });
    expect(refused(decide(c, request('approve', { actorLevel: 'city' }))).message).toBe(
      'the sign-off now due is at the county level',
    );
    c = accepted(decide(c, request('approve', { actorLevel: 'county' }))).next;
    expect(c).toMatchObject({ state: 'pending_verification', signoffIndex: 1 });
    expect(decide(c, request('approve', { actorLevel: 'county' }))).toEqual({
      ok: false,
      code: 'not_possible',
      message: 'the sign-off now due is at the city level',
    });
    expect(refused(decide(c, request('reject_completion', { actorLevel: 'county' }))).code).toBe('not_possible');
    expect(accepted(decide(c, request('approve', { actorLevel: 'city' }))).next.state).toBe('closed');
  });

  test('an inspection case goes through county and city like a major one', () => {
    const { snapshot } = openCase({ severity: 'general', source: 'central_inspection', category: 'water' });
    let c: CaseSnapshot = { ...snapshot, state: 'pending_verification', leadUnitId: 'u1' };
    c = accepted(decide(c, request('approve'))).next;
    const closing = accepted(decide(c, request('approve', { actorLevel: 'city' })));
    expect(closing.next.state).toBe('closed');
    expect(closing.effects).toContainEqual({ type: 'start_deadline', kind: 'review' });
  });
});

describe('the whole loop', () => {
  function run(start: CaseSnapshot, steps: Array<[CaseAction, Partial<DecideInput>?]>) {
    let c = start;
    const trail: string[] = [];
    for (const [action, changes] of steps) {
      c = accepted(decide(c, request(action, changes))).next;
      trail.push(`${action}→${c.state}`);
    }
    return { c, trail };
  }

  test('a central-inspection case with rework and a relapse keeps count of both', () => {
    const { snapshot, effects } = openCase({ severity: 'major', source: 'central_inspection', category: 'solid_waste.dumping' });
    expect(effects).toEqual([{ type: 'start_deadline', kind: 'dispatch' }]);
    const { c, trail } = run(snapshot, [
      ['accept'],
      ['dispatch', { payload: { leadUnitId: 'unit-fengqiao', coUnitIds: ['unit-yuxin'] } }],
      ['sign_for'],
      ['report_progress'],
      ['request_extension'],
      ['decide_extension'],
      ['submit_completion'],
      ['approve', { actorLevel: 'county' }],
      ['reject_completion', { actorLevel: 'city' }],
      ['submit_completion'],
      ['approve', { actorLevel: 'county' }],
      ['approve', { actorLevel: 'city' }],
      ['review_fail'],
      ['submit_completion'],
      ['approve', { actorLevel: 'county' }],
      ['approve', { actorLevel: 'city' }],
      ['review_pass'],
    ]);
    expect(trail).toEqual([
      'accept→pending_dispatch',
      'dispatch→assigned',
      'sign_for→rectifying',
      'report_progress→rectifying',
      'request_extension→rectifying',
      'decide_extension→rectifying',
      'submit_completion→pending_verification',
      'approve→pending_verification',
      'reject_completion→rectifying',
      'submit_completion→pending_verification',
      'approve→pending_verification',
      'approve→closed',
      'review_fail→rectifying',
      'submit_completion→pending_verification',
      'approve→pending_verification',
      'approve→closed',
      'review_pass→closed',
    ]);
    expect(c).toMatchObject({ state: 'closed', reworkCount: 1, reopenCount: 1, signoffIndex: 1, pendingExtension: null });
  });

  test('a returned case can be dispatched again to another unit', () => {
    const { c } = run(caseIn('reported'), [['dispatch'], ['return'], ['dispatch', { payload: { leadUnitId: 'unit-yuxin' } }], ['sign_for']]);
    expect(c).toMatchObject({ state: 'rectifying', leadUnitId: 'unit-yuxin' });
  });
});

describe('caseMachine used directly (as the web may)', () => {
  test('an actor follows the same guarded table', () => {
    const actor = createActor(caseMachine, { input: { severity: 'general', source: 'grid_patrol', category: 'noise' } });
    actor.start();
    actor.send({ type: 'resolve_on_spot', payload: {}, actorLevel: 'grid', now: NOW });
    expect(actor.getSnapshot().value).toBe('reported');
    actor.send({ type: 'resolve_on_spot', payload: { attachmentIds: ['a'] }, actorLevel: 'grid', now: NOW });
    expect(actor.getSnapshot().value).toBe('pending_verification');
    actor.stop();
  });

  test('has exactly the states of CASE_STATES', () => {
    expect(Object.keys(caseMachine.states)).toEqual([...CASE_STATES]);
  });

  test('openCase starts a reported case owned by the county with its dispatch clock', () => {
    expect(openCase({ severity: 'general', source: 'hotline', category: 'air.odor' })).toEqual({
      snapshot: {
        state: 'reported',
        severity: 'general',
        source: 'hotline',
        category: 'air.odor',
        signoffSteps: ['county'],
        signoffIndex: 0,
        reworkCount: 0,
        reopenCount: 0,
        ownerLevel: 'county',
        supervisionLevel: null,
        leadUnitId: null,
        coUnitIds: [],
        pendingExtension: null,
      },
      effects: [{ type: 'start_deadline', kind: 'dispatch' }],
    });
  });
});
