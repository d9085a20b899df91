// @ecoloop/auth — who may do what (DESIGN.md §5). Pure TypeScript: used by the api and the web.
export * from './types.js';
export { defineRulesFor, ownerLevelsAtOrBelow, ownerLevelsBelow } from './rules.js';
export {
  createAbility,
  asCase,
  asLedger,
  inRegion,
  canSeeReporterContact,
  canSeePetitioners,
  packAbilityRules,
  unpackAbilityRules,
  type PackedRules,
} from './ability.js';
export { isWithinPath, conditionsMatcher } from './conditions.js';
export { scopeToSql, escapeLike, type ColumnSpec, type SqlScope } from './scope-to-sql.js';
