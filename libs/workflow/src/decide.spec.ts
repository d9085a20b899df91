import { createActor } from 'xstate';
import {
  ACTOR_CONDITIONS,
  CASE_ACTIONS,
  CASE_STATES,
  OPEN_STATES,
  caseMachine,
  decide,
  initialSnapshot,
  needsFollowUpReview,
  openCase,
  possibleActions,
  signoffChainFor,
  type ActionPayload,
  type CaseAction,
  type CaseSnapshot,
  type CaseSource,
  type CaseState,
  type DecideInput,
  type DecideResult,
  type Effect,
  type MergeTarget,
  type RegionLevel,
} from './index.js';

const NOW = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 in Asia/Shanghai
const LATER = '2026-03-20T09:30:00.000Z';
const EARLIER = '2026-03-01T02:00:00.000Z';
const GOOD_TARGET: MergeTarget = { open: true, sameJurisdiction: true, isSelf: false };
const PENDING_EXTENSION = { newDueAt: LATER, reason: 'heavy rain' };

/** A general grid-patrol case in `state`, with a lead unit once it has been dispatched. */
function caseIn(state: CaseState, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const dispatched = ['assigned', 'rectifying', 'pending_verification', 'closed'].includes(state);
  return {
    ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'water.outfall' }),
    ...(dispatched ? { leadUnitId: 'unit-fengqiao', coUnitIds: ['unit-yuxin'] } : {}),
    state,
    ...overrides,
  };
}

/** A request that meets every "needs" item, from an actor at the right level. */
const REQUESTS: Record<CaseAction, { payload: ActionPayload; actorLevel: RegionLevel; target?: MergeTarget }> = {
  accept: { payload: {}, actorLevel: 'county' },
  dispatch: { payload: { leadUnitId: 'unit-fengqiao' }, actorLevel: 'county' },
  reject: { payload: { reason: 'not an environmental matter' }, actorLevel: 'county' },
  merge: { payload: { targetCaseId: 'case-2' }, actorLevel: 'county', target: GOOD_TARGET },
  resolve_on_spot: { payload: { attachmentIds: ['att-1'] }, actorLevel: 'grid' },
  escalate: { payload: { reason: 'beyond the county' }, actorLevel: 'county' },
  sign_for: { payload: {}, actorLevel: 'town' },
  return: { payload: { reason: 'not our business' }, actorLevel: 'town' },
  reassign: { payload: { leadUnitId: 'unit-wangjiangjing', reason: 'wrong town' }, actorLevel: 'county' },
  report_progress: { payload: { note: 'half of the waste removed' }, actorLevel: 'town' },
  request_extension: { payload: { newDueAt: LATER, reason: 'heavy rain' }, actorLevel: 'town' },
  decide_extension: { payload: { approve: true, comment: 'granted' }, actorLevel: 'county' },
  submit_completion: { payload: { measures: 'outfall sealed', attachmentIds: ['att-2'] }, actorLevel: 'town' },
  approve: { payload: { comment: 'checked on site' }, actorLevel: 'county' },
  reject_completion: { payload: { reason: 'still leaking' }, actorLevel: 'county' },
  review_pass: { payload: { comment: 'no relapse' }, actorLevel: 'county' },
  review_fail: { payload: { reason: 'relapsed', attachmentIds: ['att-3'] }, actorLevel: 'county' },
  spot_check: { payload: { approve: true, comment: 'checked on site, no relapse' }, actorLevel: 'county' },
  supervise: { payload: { note: 'finish within the week', dueAt: LATER }, actorLevel: 'city' },
  remind: { payload: { note: 'please hurry' }, actorLevel: 'county' },
  transfer_enforcement: { payload: { caseNumber: '嘉环立字〔2026〕88号' }, actorLevel: 'county' },
  instruct: { payload: { comment: '请限期整改到位' }, actorLevel: 'city' },
  take_charge: { payload: {}, actorLevel: 'city' },
};

function request(action: CaseAction, changes: Partial<DecideInput> = {}): DecideInput {
  return { action, ...REQUESTS[action], now: NOW, ...changes };
}

/** The case every state-table test starts from: the rules about the case let the action through. */
function fixture(state: CaseState, action: CaseAction): CaseSnapshot {
  if (action === 'spot_check') return caseIn(state, { signoffSteps: ['town'], ownerLevel: 'town' });
  return caseIn(state, action === 'decide_extension' ? { pendingExtension: PENDING_EXTENSION } : {});
}

function accepted(result: DecideResult) {
  if (!result.ok) throw new Error(`expected the action to be accepted, got ${result.code}: ${result.message}`);
  return result;
}

function refused(result: DecideResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.next.state}`);
  return result;
}

// DESIGN.md §4, row by row: from states, action, to state ('same' = stays).
const TABLE: Array<[from: readonly CaseState[], action: CaseAction, to: CaseState | 'same']> = [
  [['reported'], 'accept', 'pending_dispatch'],
  [['reported', 'pending_dispatch'], 'dispatch', 'assigned'],
  [['reported', 'pending_dispatch'], 'reject', 'rejected'],
  [['reported', 'pending_dispatch'], 'merge', 'merged'],
  [['reported'], 'resolve_on_spot', 'pending_verification'],
  [['pending_dispatch'], 'escalate', 'same'],
  [['assigned'], 'sign_for', 'rectifying'],
  [['assigned'], 'return', 'pending_dispatch'],
  [['assigned', 'rectifying'], 'reassign', 'assigned'],
  [['rectifying'], 'report_progress', 'same'],
  [['rectifying'], 'request_extension', 'same'],
  [['rectifying'], 'decide_extension', 'same'],
  [['rectifying'], 'submit_completion', 'pending_verification'],
  [['pending_verification'], 'approve', 'closed'], // general case: one sign-off step
  [['pending_verification'], 'reject_completion', 'rectifying'],
  [['closed'], 'review_pass', 'same'],
  [['closed'], 'review_fail', 'rectifying'],
  [['closed'], 'spot_check', 'same'], // DESIGN §11: a pass keeps the town's closure
  [OPEN_STATES, 'supervise', 'same'],
  [OPEN_STATES, 'remind', 'same'],
  [[...OPEN_STATES, 'closed'], 'transfer_enforcement', 'same'],
  [OPEN_STATES, 'instruct', 'same'],
  [OPEN_STATES, 'take_charge', 'same'],
];

function expectedTarget(state: CaseState, action: CaseAction): CaseState | null {
  const row = TABLE.find(([from, a]) => a === action && from.includes(state));
  if (!row) return null;
  return row[2] === 'same' ? state : row[2];
}

describe('state table (DESIGN §4): every state × every action', () => {
  const pairs = CASE_STATES.flatMap((state) =>
    CASE_ACTIONS.map((action) => ({ state, action, to: expectedTarget(state, action) })),
  );
  const allowed = pairs.filter((p) => p.to !== null);
  const refusedPairs = pairs.filter((p) => p.to === null);

  test('covers every row of the table', () => {
    expect(allowed).toHaveLength(TABLE.reduce((n, [from]) => n + from.length, 0));
    expect(allowed.length + refusedPairs.length).toBe(CASE_STATES.length * CASE_ACTIONS.length);
  });

  test.each(allowed)('$state accepts $action and moves to $to', ({ state, action, to }) => {
    const result = accepted(decide(fixture(state, action), request(action)));
    expect(result.next.state).toBe(to);
    expect(possibleActions(fixture(state, action))).toContain(action);
  });

  test.each(refusedPairs)('$state refuses $action as not_possible', ({ state, action }) => {
    const result = refused(decide(fixture(state, action), request(action)));
    expect(result.code).toBe('not_possible');
    expect(result.message).toBe(`${action} is not possible when the case is ${state}`);
    expect(possibleActions(fixture(state, action))).not.toContain(action);
  });

  test('possibleActions lists exactly the table rows of each state, in CASE_ACTIONS order', () => {
    expect(Object.fromEntries(CASE_STATES.map((s) => [s, possibleActions(caseIn(s))]))).toEqual({
      reported: ['accept', 'dispatch', 'reject', 'merge', 'resolve_on_spot', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge'],
      pending_dispatch: ['dispatch', 'reject', 'merge', 'escalate', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge'],
      assigned: ['sign_for', 'return', 'reassign', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge'],
      rectifying: ['reassign', 'report_progress', 'request_extension', 'submit_completion', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge'],
      pending_verification: ['approve', 'reject_completion', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge'],
      closed: ['review_pass', 'review_fail', 'transfer_enforcement'],
      rejected: [],
      merged: [],
    });
  });

  test('an unknown action or state is refused as not_possible', () => {
    expect(refused(decide(caseIn('reported'), { ...request('accept'), action: 'close' as CaseAction })).code).toBe(
      'not_possible',
    );
    expect(refused(decide({ ...caseIn('reported'), state: 'archived' as CaseState }, request('accept'))).code).toBe(
      'not_possible',
    );
    expect(possibleActions({ ...caseIn('reported'), state: 'archived' as CaseState })).toEqual([]);
  });
});

describe('needs guards: a missing item is refused as invalid_payload', () => {
  const fromState = (action: CaseAction) => TABLE.find(([, a]) => a === action)![0][0];
  const missing = CASE_ACTIONS.flatMap((action) =>
    Object.keys(REQUESTS[action].payload).flatMap((field) => [
      { action, field, how: 'absent', value: undefined },
      { action, field, how: field === 'approve' ? 'a string' : 'blank', value: field === 'attachmentIds' ? [] : '  ' },
    ]),
  );

  test.each(missing)('$action with $field $how → invalid_payload on $field', ({ action, field, value }) => {
    const payload: Record<string, unknown> = { ...REQUESTS[action].payload };
    if (value === undefined) delete payload[field];
    else payload[field] = value;
    const result = refused(decide(fixture(fromState(action), action), request(action, { payload: payload as ActionPayload })));
    expect(result.code).toBe('invalid_payload');
    expect(result.details?.map((d) => d.field)).toContain(field);
  });

  const specific: Array<[string, CaseState, CaseAction, Partial<DecideInput>, string, string]> = [
    ['dispatch with the lead unit among the co-units', 'reported', 'dispatch', { payload: { leadUnitId: 'u1', coUnitIds: ['u2', 'u1'] } }, 'coUnitIds', 'coUnitIds must not contain the lead unit'],
    ['dispatch with co-units that are not ids', 'reported', 'dispatch', { payload: { leadUnitId: 'u1', coUnitIds: [''] } }, 'coUnitIds', 'coUnitIds must be a list of unit ids'],
    ['dispatch with a past dueAt', 'pending_dispatch', 'dispatch', { payload: { leadUnitId: 'u1', dueAt: EARLIER } }, 'dueAt', 'dueAt must be in the future'],
    ['dispatch with dueAt equal to now', 'pending_dispatch', 'dispatch', { payload: { leadUnitId: 'u1', dueAt: NOW.toISOString() } }, 'dueAt', 'dueAt must be in the future'],
    ['dispatch with an unreadable dueAt', 'reported', 'dispatch', { payload: { leadUnitId: 'u1', dueAt: 'next friday' } }, 'dueAt', 'dueAt must be an ISO 8601 date-time'],
    ['dispatch with an impossible date', 'reported', 'dispatch', { payload: { leadUnitId: 'u1', dueAt: '2026-02-30' } }, 'dueAt', 'dueAt must be an ISO 8601 date-time'],
    ['dispatch with a date-time without offset', 'reported', 'dispatch', { payload: { leadUnitId: 'u1', dueAt: '2026-03-20T10:00:00' } }, 'dueAt', 'dueAt must be an ISO 8601 date-time'],
    ['merge without facts about the target', 'reported', 'merge', { target: undefined }, 'targetCaseId', 'target case not found'],
    ['merge into itself', 'reported', 'merge', { target: { ...GOOD_TARGET, isSelf: true } }, 'targetCaseId', 'a case cannot be merged into itself'],
    ['merge into a closed case', 'pending_dispatch', 'merge', { target: { ...GOOD_TARGET, open: false } }, 'targetCaseId', 'target case must be open'],
    ['merge across jurisdictions', 'pending_dispatch', 'merge', { target: { ...GOOD_TARGET, sameJurisdiction: false } }, 'targetCaseId', 'target case must be in the same jurisdiction'],
    ['reassign to the current lead unit', 'rectifying', 'reassign', { payload: { leadUnitId: 'unit-fengqiao', reason: 'r' } }, 'leadUnitId', 'leadUnitId must differ from the current lead unit'],
    ['request_extension with a past newDueAt', 'rectifying', 'request_extension', { payload: { newDueAt: EARLIER, reason: 'r' } }, 'newDueAt', 'newDueAt must be in the future'],
    ['decide_extension with approve as a string', 'rectifying', 'decide_extension', { payload: { approve: 'yes' as unknown as boolean, comment: 'c' } }, 'approve', 'approve must be true or false'],
    ['supervise with a past dueAt', 'assigned', 'supervise', { payload: { note: 'n', dueAt: EARLIER } }, 'dueAt', 'dueAt must be in the future'],
    ['transfer_enforcement with a negative fine', 'closed', 'transfer_enforcement', { payload: { caseNumber: 'n', penaltyDecisionNo: 'p', fine: -1 } }, 'fine', 'fine must be a non-negative number of yuan'],
    ['transfer_enforcement with a fine but no decision', 'rectifying', 'transfer_enforcement', { payload: { caseNumber: 'n', fine: 5000 } }, 'penaltyDecisionNo', 'a fine needs its penalty decision number'],
    ['transfer_enforcement with police referral as a string', 'assigned', 'transfer_enforcement', { payload: { caseNumber: 'n', policeReferral: 'yes' as unknown as boolean } }, 'policeReferral', 'policeReferral must be true or false'],
    ['submit_completion with an unknown finding', 'rectifying', 'submit_completion', { payload: { measures: 'm', attachmentIds: ['a'], finding: 'maybe' as unknown as 'confirmed' } }, 'finding', 'finding must be one of confirmed, unfounded'],
    ['report_progress with attachments that are not ids', 'rectifying', 'report_progress', { payload: { note: 'n', attachmentIds: [''] } }, 'attachmentIds', 'attachmentIds must be a list of attachment ids'],
  ];

  test.each(specific)('refuses %s', (_name, state, action, changes, field, message) => {
    const snapshot = caseIn(state, action === 'decide_extension' ? { pendingExtension: PENDING_EXTENSION } : {});
    const result = refused(decide(snapshot, request(action, changes)));
    expect(result).toEqual({ ok: false, code: 'invalid_payload', message, details: [{ field, message }] });
  });

  test('reports every missing item at once, with a short message', () => {
    const result = refused(decide(caseIn('rectifying'), request('submit_completion', { payload: {} })));
    expect(result).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: 'measures is required; at least one evidence attachment is required',
      details: [
        { field: 'measures', message: 'measures is required' },
        { field: 'attachmentIds', message: 'at least one evidence attachment is required' },
      ],
    });
  });

  test('a missing payload object counts as an empty payload', () => {
    const result = refused(decide(caseIn('reported'), request('reject', { payload: undefined as unknown as ActionPayload })));
    expect(result.details).toEqual([{ field: 'reason', message: 'reason is required' }]);
    expect(accepted(decide(caseIn('reported'), request('accept', { payload: undefined as unknown as ActionPayload }))).next.state).toBe(
      'pending_dispatch',
    );
  });

  test('a refused state change is reported before a bad payload', () => {
    expect(refused(decide(caseIn('closed'), request('reject', { payload: {} }))).code).toBe('not_possible');
  });
});

describe('rules about the case and the actor refuse with not_possible', () => {
  const cases: Array<[string, CaseSnapshot, DecideInput, string]> = [
    ['resolve_on_spot of a major case', caseIn('reported', { severity: 'major' }), request('resolve_on_spot'), 'only general cases can be resolved on the spot'],
    ['escalate a case already owned by the province', caseIn('pending_dispatch', { ownerLevel: 'province' }), request('escalate', { actorLevel: 'province' }), 'the case is already owned by the province'],
    ['a second extension request while one is pending', caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }), request('request_extension'), 'an extension request is already pending'],
    ['decide_extension with none pending', caseIn('rectifying'), request('decide_extension'), 'no extension request is pending'],
    ['approve by a city supervisor when the county step is due', caseIn('pending_verification'), request('approve', { actorLevel: 'city' }), 'the sign-off now due is at the county level'],
    ['reject_completion by a town user', caseIn('pending_verification'), request('reject_completion', { actorLevel: 'town' }), 'the sign-off now due is at the county level'],
    ['dispatch by the county after escalation to the city', caseIn('pending_dispatch', { ownerLevel: 'city' }), request('dispatch', { actorLevel: 'county' }), 'the case is owned by the city level'],
    ['reject by the county after escalation to the city', caseIn('pending_dispatch', { ownerLevel: 'city' }), request('reject', { actorLevel: 'county' }), 'the case is owned by the city level'],
    ['supervise by a town-level user', caseIn('rectifying'), request('supervise', { actorLevel: 'town' }), 'supervision orders are issued at county level or above'],
  ];

  test.each(cases)('refuses %s', (_name, snapshot, input, message) => {
    expect(decide(snapshot, input)).toEqual({ ok: false, code: 'not_possible', message });
  });

  test('possibleActions leaves out what the case itself rules out', () => {
    expect(possibleActions(caseIn('reported', { severity: 'major' }))).not.toContain('resolve_on_spot');
    expect(possibleActions(caseIn('pending_dispatch', { ownerLevel: 'province' }))).not.toContain('escalate');
    const pending = possibleActions(caseIn('rectifying', { pendingExtension: PENDING_EXTENSION }));
    expect(pending).toContain('decide_extension');
    expect(pending).not.toContain('request_extension');
  });

  test('possibleActions ignores the actor unless one is given', () => {
    const cityStep = caseIn('pending_verification', { severity: 'major', signoffSteps: ['county', 'city'], signoffIndex: 1 });
    expect(possibleActions(cityStep)).toEqual(['approve', 'reject_completion', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge']);
    expect(possibleActions(cityStep, { actorLevel: 'county' })).toEqual(['supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge']);
    expect(possibleActions(cityStep, { actorLevel: 'city' })).toEqual(['approve', 'reject_completion', 'supervise', 'remind', 'transfer_enforcement', 'instruct', 'take_charge']);
    expect(possibleActions(caseIn('pending_dispatch', { ownerLevel: 'city' }), { actorLevel: 'county' })).toEqual([
      'supervise',
      'remind',
      'transfer_enforcement',
      'instruct',
      'take_charge',
    ]);
    expect(possibleActions(caseIn('rectifying'), { actorLevel: 'town' })).toEqual([
      'report_progress',
      'request_extension',
      'submit_completion',
      'remind',
      'transfer_enforcement',
      'instruct',
      'take_charge',
    ]);
    expect(ACTOR_CONDITIONS).toEqual(['actorOwnsDispatch', 'actorAtSignoffLevel', 'actorAtAdminLevel', 'actorAtCounty']);
  });

  test('a higher level may still act on a case owned below it', () => {
    expect(accepted(decide(caseIn('pending_dispatch'), request('dispatch', { actorLevel: 'city' }))).next.state).toBe(
      'assigned',
    );
  });
});

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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
