// Facts about actions that the API and the web derive their behaviour from, stated once here: the
// states an action is possible in (read off the machine), the role that acts for it (DESIGN §4
// "who"), the payload fields it takes, and whether it hands the case away from the actor.
import { caseMachine } from './case-machine.js';
import type { FieldError } from './case-types.js';
import { CASE_ACTIONS, CASE_STATES, type CaseAction, type CaseState, type Role } from './domain.js';
import { ACTION_FIELDS } from './needs.js';
import { PETITION_ACTION_FIELDS } from './petition-needs.js';
import { isPetitionAction, type PetitionAction } from './petition-types.js';

function isCaseAction(value: unknown): value is CaseAction {
  return (CASE_ACTIONS as readonly unknown[]).includes(value);
}

const statesCache = new Map<CaseAction, CaseState[]>();

/**
 * The states that have a transition for `action` (DESIGN §4 "from"), whatever its guards say of a
 * given case: the states in which the action may be possible at all (e.g. for a worklist query).
 */
export function statesAllowing(action: CaseAction): CaseState[] {
  let states = statesCache.get(action);
  if (!states) {
    states = CASE_STATES.filter((state) => Object.hasOwn(caseMachine.states[state]?.config.on ?? {}, action));
    statesCache.set(action, states);
  }
  return [...states];
}

/**
 * The roles that act for each action (DESIGN §4 "who", §9 for petitions);
 * `report` is the creation of a case. Recorded as the event's `actorRole` (CASL decides who may).
 */
export const ACTING_ROLES: Record<CaseAction | PetitionAction | 'report', readonly Role[]> = {
  report: ['grid_inspector', 'dispatcher'],
  accept: ['dispatcher'],
  dispatch: ['dispatcher'],
  reject: ['dispatcher'],
  merge: ['dispatcher'],
  resolve_on_spot: ['grid_inspector'],
  escalate: ['dispatcher'],
  sign_for: ['handler'],
  return: ['handler'],
  reassign: ['dispatcher'],
  report_progress: ['handler'],
  request_extension: ['handler'],
  decide_extension: ['dispatcher'],
  submit_completion: ['handler'],
  approve: ['supervisor'],
  reject_completion: ['supervisor'],
  review_pass: ['supervisor'],
  review_fail: ['supervisor'],
  spot_check: ['supervisor'],
  supervise: ['supervisor', 'dispatcher'],
  remind: ['dispatcher', 'supervisor'],
  instruct: ['leader'],
  take_charge: ['leader'],
  transfer_enforcement: ['dispatcher', 'supervisor'],
  accept_petition: ['dispatcher'],
  decline_petition: ['dispatcher'],
  extend_reply: ['dispatcher'],
  reply: ['dispatcher'],
  follow_up: ['dispatcher'],
  consult: ['dispatcher'],
  request_review: ['dispatcher'],
  decide_review: ['dispatcher'],
  request_recheck: ['dispatcher'],
  decide_recheck: ['dispatcher'],
};

/** The role a user with `roles` acts in for `action`: the first of their roles that acts for it, else their first role. */
export function actingRole<R extends string>(roles: readonly R[], action: CaseAction | PetitionAction | 'report'): R {
  const acting: readonly string[] = ACTING_ROLES[action];
  return roles.find((r) => acting.includes(r)) ?? roles[0];
}

/**
 * Actions that hand the case away from whoever takes them: a handler's `return` gives the case back
 * to the dispatchers, so the unit no longer sees it afterwards, by design. Any other action must
 * leave the case in the actor's sight.
 */
export const HANDING_AWAY_ACTIONS: readonly CaseAction[] = ['return'];

/** True when `action` may take the case out of the actor's sight (see HANDING_AWAY_ACTIONS). */
export function handsCaseAway(action: CaseAction): boolean {
  return HANDING_AWAY_ACTIONS.includes(action);
}

/**
 * Payload fields given that are not the action's own (ACTION_FIELDS of a case action,
 * PETITION_ACTION_FIELDS of a petition action), one error each. An unknown action owns nothing.
 */
export function foreignFields(action: CaseAction | PetitionAction, given: readonly string[]): FieldError[] {
  const own: readonly string[] = isCaseAction(action) ? ACTION_FIELDS[action] : isPetitionAction(action) ? PETITION_ACTION_FIELDS[action] : [];
  return given.filter((f) => !own.includes(f)).map((field) => ({ field, message: `${field} is not a field of ${action}` }));
}
