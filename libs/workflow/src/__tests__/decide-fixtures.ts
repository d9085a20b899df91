// Fixtures of the decide() tests: a case in a given state, a valid request per action, the state table.
import {
  OPEN_STATES,
  initialSnapshot,
  type ActionPayload,
  type CaseAction,
  type CaseSnapshot,
  type CaseState,
  type DecideInput,
  type DecideResult,
  type MergeTarget,
  type RegionLevel,
} from '../index.js';

export const NOW = new Date('2026-03-02T02:00:00.000Z'); // Monday 10:00 in Asia/Shanghai
export const LATER = '2026-03-20T09:30:00.000Z';
export const EARLIER = '2026-03-01T02:00:00.000Z';
export const GOOD_TARGET: MergeTarget = { open: true, sameJurisdiction: true, isSelf: false };
export const PENDING_EXTENSION = { newDueAt: LATER, reason: 'heavy rain' };

/** A general grid-patrol case in `state`, with a lead unit once it has been dispatched. */
export function caseIn(state: CaseState, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const dispatched = ['assigned', 'rectifying', 'pending_verification', 'closed'].includes(state);
  return {
    ...initialSnapshot({ severity: 'general', source: 'grid_patrol', category: 'water.outfall' }),
    ...(dispatched ? { leadUnitId: 'unit-fengqiao', coUnitIds: ['unit-yuxin'] } : {}),
    state,
    ...overrides,
  };
}

/** A request that meets every "needs" item, from an actor at the right level. */
export const REQUESTS: Record<CaseAction, { payload: ActionPayload; actorLevel: RegionLevel; target?: MergeTarget }> = {
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

export function request(action: CaseAction, changes: Partial<DecideInput> = {}): DecideInput {
  return { action, ...REQUESTS[action], now: NOW, ...changes };
}

/** The case every state-table test starts from: the rules about the case let the action through. */
export function fixture(state: CaseState, action: CaseAction): CaseSnapshot {
  if (action === 'spot_check') return caseIn(state, { signoffSteps: ['town'], ownerLevel: 'town' });
  return caseIn(state, action === 'decide_extension' ? { pendingExtension: PENDING_EXTENSION } : {});
}

export function accepted(result: DecideResult) {
  if (!result.ok) throw new Error(`expected the action to be accepted, got ${result.code}: ${result.message}`);
  return result;
}

export function refused(result: DecideResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.next.state}`);
  return result;
}

// DESIGN.md §4, row by row: from states, action, to state ('same' = stays).
export const TABLE: Array<[from: readonly CaseState[], action: CaseAction, to: CaseState | 'same']> = [
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

export function expectedTarget(state: CaseState, action: CaseAction): CaseState | null {
  const row = TABLE.find(([from, a]) => a === action && from.includes(state));
  if (!row) return null;
  return row[2] === 'same' ? state : row[2];
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
