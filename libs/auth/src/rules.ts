// Who may do what (DESIGN.md §5, the "who" column of §4). Read it against the tables line by line.
//
// Rules are plain JSON (sent to the browser by GET /me). CASL gives later rules priority, so the
// order matters in one place only: the reporter-contact field rules come after every grant.
// Whether an action is possible in the case's state is the machine's business, not this file's.
import { ADMIN_LEVELS, isHigherLevel, levelRank, type AdminLevel, type CaseAction, type RegionLevel } from '@ecoloop/workflow';
import { isRegionPath } from './conditions.js';
import {
  REPORTER_CONTACT_FIELDS,
  type AppAction,
  type AppRawRule,
  type AppSubject,
  type AuthUser,
} from './types.js';

type Conditions = Record<string, unknown>;

function can(action: AppAction | AppAction[], subject: AppSubject | AppSubject[], conditions?: Conditions, fields?: readonly string[]): AppRawRule {
  const rule: AppRawRule = { action, subject };
  if (conditions) rule.conditions = conditions;
  if (fields) rule.fields = [...fields];
  return rule;
}

function cannot(action: AppAction | AppAction[], subject: AppSubject | AppSubject[], conditions?: Conditions, fields?: readonly string[]): AppRawRule {
  return { ...can(action, subject, conditions, fields), inverted: true };
}

/** Owner levels at or below `level` (a city user: city and county). */
export function ownerLevelsAtOrBelow(level: RegionLevel): AdminLevel[] {
  return ADMIN_LEVELS.filter((owner) => levelRank(owner) >= levelRank(level));
}

/** Owner levels strictly below `level` (a city user: county; a county user: none). */
export function ownerLevelsBelow(level: RegionLevel): AdminLevel[] {
  return ADMIN_LEVELS.filter((owner) => isHigherLevel(level, owner));
}

function isAdminLevel(level: RegionLevel): level is AdminLevel {
  return (ADMIN_LEVELS as readonly RegionLevel[]).includes(level);
}

/** Paths of the regions above `path`, nearest last ('330400.330402.330402101' → ['330400', '330400.330402']). */
function ancestorPaths(path: string): string[] {
  const codes = path.split('.');
  return codes.slice(0, -1).map((_, i) => codes.slice(0, i + 1).join('.'));
}

/** Dispatcher's case actions (§4), limited to cases owned at or below the dispatcher's level. */
const DISPATCH_ACTIONS: CaseAction[] = ['accept', 'dispatch', 'reject', 'merge', 'escalate', 'reassign', 'decide_extension'];
/** Handler actions reserved to the lead unit (§4). */
const LEAD_UNIT_ACTIONS: CaseAction[] = ['sign_for', 'return', 'request_extension', 'submit_completion'];
/** Supervisor actions at the current sign-off level (§4). */
const SIGNOFF_ACTIONS: CaseAction[] = ['approve', 'reject_completion'];
const REVIEW_ACTIONS: CaseAction[] = ['review_pass', 'review_fail'];

/** The CASL rules of a user: the union of their roles. Pure and JSON-serialisable. */
export function defineRulesFor(user: AuthUser): AppRawRule[] {
  if (!isRegionPath(user.regionPath)) {
    throw new Error(`AuthUser ${user.id} has no valid regionPath (${JSON.stringify(user.regionPath)})`);
  }
  const roles = new Set(user.roles);
  const inJurisdiction = { regionPath: { $within: user.regionPath } };
  const reportedByMe = { reporterId: user.id };
  const rules: AppRawRule[] = [];
  const contactRules: AppRawRule[] = [];

  // Everyone signed in.
  rules.push(can(['read', 'update'], 'Notification'), can('read', ['Region', 'Unit']));

  if (roles.has('grid_inspector')) {
    rules.push(
      can('create', 'Case', inJurisdiction),
      can('read', 'Case', reportedByMe),
      can('read', 'Case', inJurisdiction),
      can('resolve_on_spot', 'Case', reportedByMe),
      can(['read', 'create'], 'Attachment'),
    );
    contactRules.push(can('read', 'Case', reportedByMe, REPORTER_CONTACT_FIELDS));
  }

  if (roles.has('dispatcher')) {
    const ownLevels = ownerLevelsAtOrBelow(user.regionLevel);
    const lowerLevels = ownerLevelsBelow(user.regionLevel);
    rules.push(
      can('read', 'Case', inJurisdiction),
      can('create', 'Case', inJurisdiction),
      can('remind', 'Case', inJurisdiction),
      can(['read', 'create', 'import', 'export'], 'Ledger', inJurisdiction),
      can('read', 'Stats', inJurisdiction),
      can('read', 'Enterprise'),
      can(['read', 'create'], 'Attachment'),
    );
    if (ownLevels.length > 0) {
      rules.push(can(DISPATCH_ACTIONS, 'Case', { ...inJurisdiction, ownerLevel: { $in: ownLevels } }));
    }
    if (lowerLevels.length > 0) {
      rules.push(can('supervise', 'Case', { ...inJurisdiction, ownerLevel: { $in: lowerLevels } }));
    }
    contactRules.push(can('read', 'Case', inJurisdiction, REPORTER_CONTACT_FIELDS));
  }

  if (roles.has('handler') && user.unitId) {
    const leadUnit = { leadUnitId: user.unitId };
    const coUnit = { coUnitIds: user.unitId };
    rules.push(
      can('read', 'Case', leadUnit),
      can('read', 'Case', coUnit),
      can(LEAD_UNIT_ACTIONS, 'Case', leadUnit),
      can('report_progress', 'Case', leadUnit),
      can('report_progress', 'Case', coUnit),
      // Ledgers handed to the handler's region or any region above it, and those below it.
      can('read', 'Ledger', inJurisdiction),
      can('read', 'Enterprise'),
      can(['read', 'create'], 'Attachment'),
    );
    const above = ancestorPaths(user.regionPath);
    if (above.length > 0) rules.push(can('read', 'Ledger', { regionPath: { $in: above } }));
  }

  if (roles.has('supervisor')) {
    const lowerLevels = ownerLevelsBelow(user.regionLevel);
    rules.push(
      can('read', 'Case', inJurisdiction),
      can(REVIEW_ACTIONS, 'Case', inJurisdiction),
      can('remind', 'Case', inJurisdiction),
      can(['read', 'export', 'report_back'], 'Ledger', inJurisdiction),
      can('read', ['Stats', 'RiskWarning'], inJurisdiction),
      can('read', 'Enterprise'),
      can(['read', 'create'], 'Attachment'),
    );
    if (isAdminLevel(user.regionLevel)) {
      rules.push(can(SIGNOFF_ACTIONS, 'Case', { ...inJurisdiction, currentSignoffLevel: user.regionLevel }));
    }
    if (lowerLevels.length > 0) {
      rules.push(can('supervise', 'Case', { ...inJurisdiction, ownerLevel: { $in: lowerLevels } }));
    }
  }

  if (roles.has('leader')) {
    rules.push(
      can('read', ['Case', 'Ledger', 'Stats', 'RiskWarning'], inJurisdiction),
      // Ledgers are managed as tables (表格化管理): reading one includes taking it away as a spreadsheet.
      can('export', 'Ledger', inJurisdiction),
      can('read', 'Enterprise'),
      can('read', 'Attachment'),
    );
  }

  if (roles.has('admin')) {
    rules.push(can('manage', ['Region', 'Unit', 'User', 'DeadlinePolicy', 'Calendar']), can('read', 'all'));
  }

  // Reporter contact (PII): hidden from everyone who may read the case, then given back to those
  // allowed. Must stay last: later rules win in CASL.
  rules.push(cannot('read', 'Case', undefined, REPORTER_CONTACT_FIELDS), ...contactRules);
  return rules;
}
