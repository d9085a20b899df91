// The nouns and verbs of permissions (DESIGN.md §5). Pure types: shared by api and web.
import type { ForcedSubject, MongoAbility, RawRuleOf } from '@casl/ability';
import type { AdminLevel, CaseAction, CaseSource, CaseState, RegionLevel, Role, Severity } from '@ecoloop/workflow';

/** The signed-in user as permissions see them. */
export interface AuthUser {
  id: string;
  roles: Role[];
  /** The unit a handler works for; null for users outside a unit. */
  unitId: string | null;
  /** Home region (jurisdiction root). */
  regionCode: string;
  /** Materialised path of region codes joined by '.', e.g. '330400.330402.330402101.330402101001'. */
  regionPath: string;
  regionLevel: RegionLevel;
}

export type AppSubject =
  | 'Case'
  | 'Attachment'
  | 'Region'
  | 'Unit'
  | 'User'
  | 'DeadlinePolicy'
  | 'Calendar'
  | 'Ledger'
  | 'Stats'
  | 'RiskWarning'
  | 'Enterprise'
  | 'Notification'
  | 'Audit'
  | 'all';

export type AppAction =
  | CaseAction
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'manage'
  | 'export'
  | 'import'
  | 'report_back';

/** The fields of a case that rules look at. */
export interface CaseSubject {
  regionPath: string;
  reporterId: string | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  /** The level that owns (dispatches and acts on) the case; one level up after `escalate`. */
  ownerLevel: AdminLevel;
  /** The level whose supervisor signs off next; null outside pending_verification. */
  currentSignoffLevel: AdminLevel | null;
  state: CaseState;
  source: CaseSource;
  severity: Severity;
}

/** The fields of a ledger that rules look at: the region it was handed to. */
export interface LedgerSubject {
  regionPath: string;
}

/** Anything checked against a jurisdiction only (Stats and RiskWarning of a region). */
export interface RegionScopedSubject {
  regionPath: string;
}

/** Subject types whose instances carry only a `regionPath`. */
export type RegionScopedType = 'Ledger' | 'Stats' | 'RiskWarning';

export type CaseInstance = CaseSubject & ForcedSubject<'Case'>;
export type RegionScopedInstance<T extends RegionScopedType = RegionScopedType> = RegionScopedSubject &
  ForcedSubject<T>;

export type AppSubjects = AppSubject | CaseInstance | RegionScopedInstance;

export type AppAbility = MongoAbility<[AppAction, AppSubjects]>;
export type AppRawRule = RawRuleOf<AppAbility>;

/** Reporter contact fields (PII), readable only as `defineRulesFor` allows. */
export const REPORTER_CONTACT_FIELDS = ['reporterName', 'reporterPhone'] as const;
export type ReporterContactField = (typeof REPORTER_CONTACT_FIELDS)[number];
