// The API's entry point to the loop: rehydrate the machine from the stored case, ask it, return
// the next snapshot and the effects to persist. Never keeps an actor alive.
import { createActor, getNextTransitions, initialTransition, type AnyActorScope } from 'xstate';
import {
  ACTOR_CONDITIONS,
  CASE_CONDITIONS,
  caseMachine,
  currentSignoffLevel,
  type CaseCondition,
  type CaseContext,
  type CaseEvent,
  type NewCase,
} from './case-machine.js';
import type { CaseSnapshot, DecideInput, DecideResult, Effect } from './case-types.js';
import { CASE_ACTIONS, CASE_STATES, type AdminLevel, type CaseAction, type CaseState, type DeadlineKind, type RegionLevel } from './domain.js';
import { payloadErrors } from './needs.js';

type CaseMachine = typeof caseMachine;

const always = () => true;

/** The same machine with some guards assumed to pass (used to ask "possible if…?"). */
function assuming(guards: readonly string[]): CaseMachine {
  return caseMachine.provide({
    guards: Object.fromEntries(guards.map((name) => [name, always])),
  } as Parameters<CaseMachine['provide']>[0]);
}

/** Payload assumed fine: what the case and the actor allow. */
const ignoringPayload = assuming(['hasNeeds']);
/** Payload and actor assumed fine: what the case allows. */
const ignoringPayloadAndActor = assuming(['hasNeeds', ...ACTOR_CONDITIONS]);
/** Everything assumed fine but one condition: does that condition alone refuse? */
const onlyChecking = new Map<CaseCondition, CaseMachine>(
  CASE_CONDITIONS.map((c) => [c, assuming(['hasNeeds', ...CASE_CONDITIONS.filter((other) => other !== c)])]),
);

const REFUSALS: Record<CaseCondition, (c: CaseSnapshot) => string> = {
  isGeneral: () => 'only general cases can be resolved on the spot',
  ownerBelowProvince: () => 'the case is already owned by the province',
  actorOwnsDispatch: (c) => `the case is owned by the ${c.ownerLevel} level`,
  noPendingExtension: () => 'an extension request is already pending',
  hasPendingExtension: () => 'no extension request is pending',
  actorAtSignoffLevel: (c) => `the sign-off now due is at the ${currentSignoffLevel(c)} level`,
  actorAtAdminLevel: () => 'supervision orders are issued at county level or above',
  closedByTown: () => 'only cases closed by a town are spot-checked, once',
  actorAtCounty: () => 'spot checks are made by the county',
};

/**
 * xstate's `transition()` builds a throw-away actor (running the machine's initial state) on every
 * call, most of a decision's cost. The machine has no children or delayed events, so one inert
 * scope serves every call; only the collector of the actions changes (calls are synchronous).
 */
const inert = createActor(caseMachine, { input: { severity: 'general', source: 'grid_patrol', category: 'other' } });
let collect: (action: { type: string; params?: unknown }) => void = () => {};
const scope = {
  self: inert,
  system: inert.system,
  id: '',
  sessionId: '',
  logger: () => {},
  defer: () => {},
  emit: () => {},
  stopChild: () => {},
  actionExecutor: (action: { type: string; params?: unknown }) => collect(action),
} as unknown as AnyActorScope;

function step(state: ReturnType<typeof rehydrate>, event: CaseEvent): [ReturnType<typeof rehydrate>, { type: string; params?: unknown }[]] {
  const actions: { type: string; params?: unknown }[] = [];
  collect = (action) => actions.push(action);
  try {
    return [caseMachine.transition(state, event, scope), actions];
  } finally {
    collect = () => {};
  }
}

function isCaseState(value: unknown): value is CaseState {
  return (CASE_STATES as readonly unknown[]).includes(value);
}

function isCaseAction(value: unknown): value is CaseAction {
  return (CASE_ACTIONS as readonly unknown[]).includes(value);
}

function rehydrate(machine: CaseMachine, snapshot: CaseSnapshot) {
  const { state, ...context } = snapshot;
  const copy: CaseContext = {
    ...context,
    signoffSteps: [...context.signoffSteps],
    coUnitIds: [...context.coUnitIds],
    pendingExtension: context.pendingExtension && { ...context.pendingExtension },
  };
  return machine.resolveState({ value: state, context: copy });
}

function toCaseSnapshot(snapshot: { value: unknown; context: CaseContext }): CaseSnapshot {
  const c = snapshot.context;
  return {
    state: snapshot.value as CaseState,
    severity: c.severity,
    source: c.source,
    category: c.category,
    signoffSteps: [...c.signoffSteps],
    signoffIndex: c.signoffIndex,
    reworkCount: c.reworkCount,
    reopenCount: c.reopenCount,
    ownerLevel: c.ownerLevel,
    supervisionLevel: c.supervisionLevel,
    leadUnitId: c.leadUnitId,
    coUnitIds: [...c.coUnitIds],
    pendingExtension: c.pendingExtension && { ...c.pendingExtension },
  };
}

/** Machine actions → effects for the API (see case-machine.ts, `actions`). */
function toEffects(actions: readonly { type: string; params?: unknown }[]): Effect[] {
  return actions.flatMap((action): Effect[] => {
    switch (action.type) {
      case 'startDeadline': {
        const { kind, dueAt, level } = action.params as { kind: DeadlineKind; dueAt?: string; level?: AdminLevel };
        return [{ type: 'start_deadline', kind, ...(dueAt === undefined ? {} : { dueAt }), ...(level === undefined ? {} : { level }) }];
      }
      case 'settleDeadlines': {
        const { kinds, status } = action.params as Extract<Effect, { type: 'settle_deadlines' }>;
        return [{ type: 'settle_deadlines', kinds: kinds === 'all' ? 'all' : [...kinds], status }];
      }
      case 'extendDeadline': {
        const { dueAt } = action.params as Extract<Effect, { type: 'extend_deadline' }>;
        return [{ type: 'extend_deadline', kind: 'rectify', dueAt }];
      }
      case 'markClosed':
        return [{ type: 'closed' }];
      case 'markReopened':
        return [{ type: 'reopened' }];
      default:
        return []; // assign and other built-ins change the snapshot, not the database
    }
  });
}

function probeEvent(action: CaseAction, actorLevel: RegionLevel): CaseEvent {
  return { type: action, payload: {}, actorLevel, now: new Date(0) } as CaseEvent;
}

/**
 * The actions the machine accepts from this case, ignoring the payload ("needs") guards. Rules about
 * the case itself apply (resolve_on_spot only for general cases, no escalate at province, extension
 * request/decision only without/with one pending). With `actor`, rules about the actor apply too
 * (the sign-off level for approve / reject_completion, the owning level for dispatcher actions,
 * county level or above for supervise); without it they are ignored. Combine with CASL for
 * `allowedActions`.
 */
export function possibleActions(snapshot: CaseSnapshot, actor?: { actorLevel: RegionLevel }): CaseAction[] {
  if (!isCaseState(snapshot.state)) return [];
  // Every case in the same situation allows the same actions: remember them (a list answers many cases).
  const key = possibilityKey(snapshot, actor?.actorLevel);
  const known = possible.get(key);
  if (known) return [...known];
  const state = rehydrate(actor ? ignoringPayload : ignoringPayloadAndActor, snapshot);
  const actions = CASE_ACTIONS.filter((action) => state.can(probeEvent(action, actor?.actorLevel ?? 'county')));
  if (possible.size >= 5_000) possible.clear();
  possible.set(key, actions);
  return [...actions];
}

const possible = new Map<string, CaseAction[]>();

/**
 * What the guards that possibleActions() applies can see: the state and every context field a
 * guard other than `hasNeeds` reads (see case-machine.ts `guards`), and the actor's level.
 */
function possibilityKey(s: CaseSnapshot, actorLevel: RegionLevel | undefined): string {
  return [s.state, s.severity, s.source, s.ownerLevel, s.supervisionLevel, s.signoffSteps.join('>'), s.signoffIndex, s.pendingExtension ? 1 : 0, actorLevel ?? '-'].join('|');
}

/**
 * Decides one action on one case. Refusals, in this order: `not_possible` when the state has no such
 * transition, or a rule about the case or the actor refuses it; `invalid_payload` (with details)
 * when a "needs" item is missing or wrong. Otherwise the next snapshot and the effects, in the order
 * to apply them (settle before start, so that one pending deadline per kind holds).
 */
export function decide(snapshot: CaseSnapshot, input: DecideInput): DecideResult {
  if (!isCaseState(snapshot.state)) {
    return { ok: false, code: 'not_possible', message: `unknown case state: ${String(snapshot.state)}` };
  }
  if (!isCaseAction(input.action)) {
    return { ok: false, code: 'not_possible', message: `unknown action: ${String(input.action)}` };
  }
  const event = {
    type: input.action,
    payload: input.payload ?? {},
    actorLevel: input.actorLevel,
    now: input.now,
    target: input.target,
  } as CaseEvent;

  const state = rehydrate(caseMachine, snapshot);
  // The common case first: every guard passes (the machine with all guards ⇔ every check below).
  if (state.can(event)) {
    const [next, actions] = step(state, event);
    return { ok: true, next: toCaseSnapshot(next), effects: toEffects(actions) };
  }
  // Refused: find out why, in the documented order.
  if (!getNextTransitions(state).some((t) => t.eventType === input.action)) {
    return { ok: false, code: 'not_possible', message: `${input.action} is not possible when the case is ${snapshot.state}` };
  }
  if (!rehydrate(ignoringPayload, snapshot).can(event)) {
    const refusing = CASE_CONDITIONS.find((c) => !rehydrate(onlyChecking.get(c)!, snapshot).can(event));
    const message = refusing ? REFUSALS[refusing](snapshot) : `${input.action} is not possible now`;
    return { ok: false, code: 'not_possible', message };
  }
  const { state: _state, ...current } = snapshot;
  const details = payloadErrors(input.action, { payload: event.payload, now: input.now, target: input.target, current });
  if (details.length > 0) {
    return { ok: false, code: 'invalid_payload', message: details.map((d) => d.message).join('; '), details };
  }
  return { ok: false, code: 'not_possible', message: `${input.action} is not possible now` };
}

/** A new case and the effects of opening it (its dispatch deadline starts). */
export function openCase(input: NewCase): { snapshot: CaseSnapshot; effects: Effect[] } {
  const [snapshot, actions] = initialTransition(caseMachine, input);
  return { snapshot: toCaseSnapshot(snapshot), effects: toEffects(actions) };
}

/**
 * The system's automatic supervision order (督办) at `level`, due at `dueAt`: raises the case's
 * supervision level, supersedes a pending order and starts the new one. Null when the case is no
 * longer open (nothing to supervise).
 */
export function decideAutoSupervise(snapshot: CaseSnapshot, order: { level: AdminLevel; dueAt: Date; now: Date }): { next: CaseSnapshot; effects: Effect[] } | null {
  if (!isCaseState(snapshot.state)) return null;
  const state = rehydrate(caseMachine, snapshot);
  const event: CaseEvent = { type: 'auto_supervise', payload: { dueAt: order.dueAt.toISOString() }, actorLevel: order.level, now: order.now };
  if (!state.can(event)) return null;
  const [next, actions] = step(state, event);
  return { next: toCaseSnapshot(next), effects: toEffects(actions) };
}
