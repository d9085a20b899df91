import {
  ACTOR_CONDITIONS,
  CASE_ACTIONS,
  CASE_STATES,
  decide,
  possibleActions,
  type ActionPayload,
  type CaseAction,
  type CaseSnapshot,
  type CaseState,
  type DecideInput,
} from './index.js';
import { NOW, EARLIER, GOOD_TARGET, PENDING_EXTENSION, caseIn, REQUESTS, request, fixture, accepted, refused, TABLE, expectedTarget } from './__tests__/decide-fixtures.js';

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
