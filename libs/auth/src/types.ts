// The nouns and verbs of permissions (DESIGN.md §5). Pure types: shared by api and web.
import type { ForcedSubject, MongoAbility, RawRuleOf } from '@casl/ability';
import type { CaseAction, CaseLevel, CaseSource, CaseState, PetitionAction, RegionLevel, Role, Severity } from '@ecoloop/workflow';

/** The signed-in user as permissions see them. */
export interface AuthUser {
  id: string;
  roles: Role[];
  /** The unit a handler works for; null for users outside a unit. */
  unitId: string | null;
  /** Home region (jurisdiction root). */
  regionCode: string;
  /** Materialised path of region codes joined by '.', e.g. '330400.330402.330402100.330402100001'. */
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
  | 'ApiKey'
  | 'Ledger'
  | 'Stats'
  | 'RiskWarning'
  | 'Enterprise'
  | 'CreditRepair'
  | 'Interview'
  | 'Notification'
  | 'Audit'
  | 'all';

export type AppAction =
  | CaseAction
  | PetitionAction
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'manage'
  | 'export'
  | 'import'
  | 'report_back'
  | 'refuse';

/** The fields of a case that rules look at. */
export interface CaseSubject {
  regionPath: string;
  reporterId: string | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  /** The level that owns (dispatches and acts on) the case; one level up after `escalate`. */
  ownerLevel: CaseLevel;
  /** The level whose supervisor signs off next; null outside pending_verification. */
  currentSignoffLevel: CaseLevel | null;
  /** Among the town closures the county spot-checks (drawn from the case id, DESIGN §11). */
  spotCheckDrawn: boolean;
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
export type RegionScopedType = 'Ledger' | 'Stats' | 'RiskWarning' | 'CreditRepair' | 'Interview';

export type CaseInstance = CaseSubject & ForcedSubject<'Case'>;
export type RegionScopedInstance<T extends RegionScopedType = RegionScopedType> = RegionScopedSubject &
  ForcedSubject<T>;

export type AppSubjects = AppSubject | CaseInstance | RegionScopedInstance;

export type AppAbility = MongoAbility<[AppAction, AppSubjects]>;
export type AppRawRule = RawRuleOf<AppAbility>;

/** Reporter contact fields (PII), readable only as `defineRulesFor` allows. */
export const REPORTER_CONTACT_FIELDS = ['reporterName', 'reporterPhone'] as const;
export type ReporterContactField = (typeof REPORTER_CONTACT_FIELDS)[number];

/** The petitioners of a petition (PII, DESIGN §5/§9): dispatchers of the jurisdiction only. */
export const PETITIONER_FIELDS = ['petitioners'] as const;
