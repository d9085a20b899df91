// The browser's copy of the user's CASL ability, built by libs/auth from the rules in GET /me.
// It only hides what the user cannot do; the server decides.
import { createAbility, unpackAbilityRules, type AppAbility, type PackedRules } from '@ecoloop/auth';

const names = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** Packed rules are tuples starting with action(s) and subject(s). */
function isPackedRules(rules: readonly unknown[]): rules is PackedRules {
  return rules.every((r) => Array.isArray(r) && names(r[0]) && names(r[1]));
}

/** GET /me sends packed rules (`packRules` of @casl/ability/extra); anything else grants nothing. */
export function abilityFromMe(rules: readonly unknown[]): AppAbility {
  return createAbility(isPackedRules(rules) ? unpackAbilityRules(rules) : []);
}

export function emptyAbility(): AppAbility {
  return createAbility([]);
}

export type { AppAbility };
