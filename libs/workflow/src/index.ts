export * from './domain.js';
export * from './case-types.js';
export {
  caseMachine,
  signoffChainFor,
  currentSignoffLevel,
  currentSignoffLevelSql,
  initialOwnerLevel,
  needsFollowUpReview,
  initialSnapshot,
  CASE_CONDITIONS,
  ACTOR_CONDITIONS,
  type CaseContext,
  type CaseEvent,
  type ActionEvent,
  type AutoSuperviseEvent,
  type CaseCondition,
  type NewCase,
} from './case-machine.js';
export { decide, decideAutoSupervise, possibleActions, openCase } from './decide.js';
export { statesAllowing, ACTING_ROLES, actingRole, HANDING_AWAY_ACTIONS, handsCaseAway, foreignFields } from './action-rules.js';
export { NEEDS, ACTION_FIELDS, payloadErrors, parseDueAt, normaliseDueAt, type NeedsInput } from './needs.js';
export * from './calendar.js';
export * from './deadline-policy.js';
export * from './holidays/index.js';
export * from './labels.js';
export * from './ratings.js';
export * from './petition-types.js';
export { petitionMachine, openPetition, petitionPeriodEnd, PETITION_CONDITIONS, type PetitionCondition, type PetitionContext, type PetitionEvent } from './petition-machine.js';
export { PETITION_ACTION_FIELDS, PETITION_NEEDS, petitionPayloadErrors, type PetitionNeedsInput } from './petition-needs.js';
export { decidePetition, possiblePetitionActions, PETITION_STATE_LABELS } from './decide-petition.js';
export * from './credit-code.js';
export * from './health-code.js';
export * from './credit-repair.js';
export * from './spot-check.js';
export * from './geo/types.js';
export { JIAXING_COUNTIES } from './geo/jiaxing-counties.js';
export { countyAt } from './geo/locate.js';
export * from './scorecards.js';
export * from './error-messages.js';
