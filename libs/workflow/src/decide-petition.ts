// The API's entry point to the petition machine, like decide.ts for the loop: rehydrate, ask, return
// the next snapshot and the effects to persist in the case action's transaction.
import { getNextTransitions, transition } from 'xstate';
import type { WorkCalendar } from './calendar.js';
import type { PetitionDeadlineKind } from './domain.js';
import { CN_WORK_CALENDAR } from './holidays/index.js';
import {
  PETITION_CONDITIONS,
  petitionMachine,
  type PetitionCondition,
  type PetitionContext,
  type PetitionEvent,
} from './petition-machine.js';
import { petitionPayloadErrors } from './petition-needs.js';
import {
  PETITION_ACTIONS,
  PETITION_STATES,
  isPetitionAction,
  type PetitionAction,
  type PetitionEffect,
  type PetitionInput,
  type PetitionResult,
  type PetitionSnapshot,
  type PetitionState,
} from './petition-types.js';

type Machine = typeof petitionMachine;
const always = () => true;

function assuming(guards: readonly string[]): Machine {
  return petitionMachine.provide({
    guards: Object.fromEntries(guards.map((name) => [name, always])),
  } as Parameters<Machine['provide']>[0]);
}

const CONDITIONS = Object.keys(PETITION_CONDITIONS) as PetitionCondition[];
const ignoringPayload = assuming(['hasNeeds']);
const onlyChecking = new Map<PetitionCondition, Machine>(
  CONDITIONS.map((c) => [c, assuming(['hasNeeds', ...CONDITIONS.filter((other) => other !== c)])]),
);

export const PETITION_STATE_LABELS: Record<PetitionState, string> = {
  registered: '登记',
  accepted: '已受理',
  declined: '不予受理',
  replied: '已答复',
  concluded: '办结',
  under_review: '复查中',
  reviewed: '已复查',
  under_recheck: '复核中',
  final: '终结',
};

function rehydrate(machine: Machine, snapshot: PetitionSnapshot) {
  const { state, ...context } = snapshot;
  return machine.resolveState({ value: state, context: { ...context } as PetitionContext });
}

function toSnapshot(s: { value: unknown; context: PetitionContext }): PetitionSnapshot {
  return { state: s.value as PetitionState, ...s.context };
}

function toEffects(actions: readonly { type: string; params?: unknown }[]): PetitionEffect[] {
  return actions.flatMap((action): PetitionEffect[] => {
    switch (action.type) {
      case 'startDeadline':
        return [{ type: 'start_deadline', ...(action.params as { kind: PetitionDeadlineKind; from: string; dueAt?: string }) }];
      case 'settleDeadlines': {
        const { kinds, status } = action.params as { kinds: PetitionDeadlineKind[]; status: 'met' | 'cancelled' };
        return [{ type: 'settle_deadlines', kinds: [...kinds], status }];
      }
      case 'extendDeadline':
        return [{ type: 'extend_deadline', ...(action.params as { kind: 'petition_reply'; dueAt: string }) }];
      default:
        return [];
    }
  });
}

function event(action: PetitionAction, input: Partial<PetitionInput>, calendar: WorkCalendar): PetitionEvent {
  return { type: action, payload: input.payload ?? {}, now: input.now ?? new Date(), calendar } as PetitionEvent;
}

/**
 * The petition actions possible now, ignoring the payload. The time windows (复查 / 复核 requested
 * within 30 days) apply at `now`; the one-extension rule and "会商 only after a dissatisfied 回访" too.
 */
export function possiblePetitionActions(snapshot: PetitionSnapshot, now: Date = new Date(), calendar: WorkCalendar = CN_WORK_CALENDAR): PetitionAction[] {
  if (!(PETITION_STATES as readonly unknown[]).includes(snapshot.state)) return [];
  const state = rehydrate(ignoringPayload, snapshot);
  return PETITION_ACTIONS.filter((action) => state.can(event(action, { now }, calendar)));
}

/**
 * Decides one petition action. Refusals: `not_possible` when the state has no such transition or a
 * rule about the petition or the time refuses it (a second extension, a 复查 after its window);
 * `invalid_payload` (with details) when the payload lacks something or asks too much (an extension
 * beyond 30 days). Otherwise the next snapshot and the effects, settle before start.
 */
export function decidePetition(snapshot: PetitionSnapshot, input: PetitionInput): PetitionResult {
  if (!(PETITION_STATES as readonly unknown[]).includes(snapshot.state)) {
    return { ok: false, code: 'not_possible', message: `未知的信访件状态：${String(snapshot.state)}` };
  }
  if (!isPetitionAction(input.action)) return { ok: false, code: 'not_possible', message: `未知的信访操作：${String(input.action)}` };
  const calendar = input.calendar ?? CN_WORK_CALENDAR;
  const e = event(input.action, input, calendar);
  const state = rehydrate(petitionMachine, snapshot);
  if (!getNextTransitions(state).some((t) => t.eventType === input.action)) {
    return { ok: false, code: 'not_possible', message: `信访件${PETITION_STATE_LABELS[snapshot.state]}时不能执行此操作` };
  }
  if (!rehydrate(ignoringPayload, snapshot).can(e)) {
    const refusing = CONDITIONS.find((c) => !rehydrate(onlyChecking.get(c)!, snapshot).can(e));
    return { ok: false, code: 'not_possible', message: refusing ? PETITION_CONDITIONS[refusing] : '现在不能执行此操作' };
  }
  const { state: _s, ...current } = snapshot;
  const details = petitionPayloadErrors(input.action, { payload: e.payload, now: e.now, current, calendar });
  if (details.length > 0) return { ok: false, code: 'invalid_payload', message: details.map((d) => d.message).join('；'), details };
  if (!state.can(e)) return { ok: false, code: 'not_possible', message: '现在不能执行此操作' };
  const [next, actions] = transition(petitionMachine, state, e);
  return { ok: true, next: toSnapshot(next), effects: toEffects(actions) };
}
