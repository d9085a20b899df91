export * from './domain.js';
export * from './case-types.js';
export {
  caseMachine,
  signoffChainFor,
  needsFollowUpReview,
  initialSnapshot,
  CASE_CONDITIONS,
  ACTOR_CONDITIONS,
  type CaseContext,
  type CaseEvent,
  type CaseCondition,
  type NewCase,
} from './case-machine.js';
export { decide, possibleActions, openCase } from './decide.js';
export { NEEDS, payloadErrors, parseDueAt, normaliseDueAt, type NeedsInput } from './needs.js';
export * from './calendar.js';
export * from './deadline-policy.js';
export * from './holidays/index.js';
export * from './labels.js';
export * from './ratings.js';
