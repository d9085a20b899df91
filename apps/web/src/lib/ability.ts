// The browser's copy of the user's CASL ability, built by libs/auth from the rules in GET /me.
// It only hides what the user cannot do; the server decides.
import { createAbility, unpackAbilityRules, type AppAbility, type PackedRules } from '@ecoloop/auth';

type RawRules = Parameters<typeof createAbility>[0];

/** GET /me sends packed rules; accept plain rules too (an array of objects). */
export function abilityFromMe(rules: unknown): AppAbility {
  if (!Array.isArray(rules) || rules.length === 0) return createAbility([]);
  const packed = Array.isArray(rules[0]);
  return createAbility(packed ? unpackAbilityRules(rules as PackedRules) : (rules as RawRules));
}

export function emptyAbility(): AppAbility {
  return createAbility([]);
}

export type { AppAbility };
