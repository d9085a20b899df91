// Building and checking an ability: the same code on the server and in the browser.
import { createMongoAbility, subject } from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import { conditionsMatcher } from './conditions.js';
import {
  PETITIONER_FIELDS,
  REPORTER_CONTACT_FIELDS,
  type AppAbility,
  type AppRawRule,
  type CaseInstance,
  type CaseSubject,
  type LedgerSubject,
  type RegionScopedInstance,
  type RegionScopedType,
} from './types.js';

/** An ability from rules made by `defineRulesFor` (or unpacked from GET /me). */
export function createAbility(rules: AppRawRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules, { conditionsMatcher });
}

/** Tags a case for instance checks: `ability.can('approve', asCase(c))`. Copies, so `c` is left untouched. */
export function asCase(c: CaseSubject): CaseInstance {
  return subject('Case', { ...c });
}

/** Tags a ledger for instance checks: `ability.can('export', asLedger(l))`. */
export function asLedger(l: LedgerSubject): RegionScopedInstance<'Ledger'> {
  return subject('Ledger', { regionPath: l.regionPath });
}

/** A region-scoped subject, e.g. `ability.can('read', inRegion('Stats', region.path))`. */
export function inRegion<T extends RegionScopedType>(type: T, regionPath: string): RegionScopedInstance<T> {
  return subject(type, { regionPath }) as RegionScopedInstance<T>;
}

/** Whether the reporter's name and phone of this case may be shown (field-level rule). */
export function canSeeReporterContact(ability: AppAbility, c: CaseSubject): boolean {
  const tagged = asCase(c);
  return REPORTER_CONTACT_FIELDS.every((field) => ability.can('read', tagged, field));
}

/** Whether the petitioners (names, phones, id numbers) of this petition may be shown (field-level rule). */
export function canSeePetitioners(ability: AppAbility, c: CaseSubject): boolean {
  const tagged = asCase(c);
  return PETITIONER_FIELDS.every((field) => ability.can('read', tagged, field));
}

export type PackedRules = PackRule<AppRawRule>[];

/** Compact form of the rules for GET /me. */
export function packAbilityRules(rules: readonly AppRawRule[]): PackedRules {
  return packRules(rules);
}

/** Inverse of `packAbilityRules`; feed the result to `createAbility`. */
export function unpackAbilityRules(packed: PackedRules): AppRawRule[] {
  return unpackRules<AppRawRule>(packed);
}
