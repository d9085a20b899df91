// Who may do what (DESIGN.md §5, the "who" column of §4). Read it against the tables line by line.
//
// Rules are plain JSON (sent to the browser by GET /me). CASL gives later rules priority, so the
// order matters in one place only: the reporter-contact field rules come after every grant.
// Whether an action is possible in the case's state is the machine's business, not this file's.
import { ADMIN_LEVELS, CASE_LEVELS, PETITION_ACTIONS, isCaseLevel, isHigherLevel, levelRank, type AdminLevel, type CaseAction, type CaseLevel, type RegionLevel } from '@ecoloop/workflow';
import { isRegionPath } from './conditions.js';
import {
  PETITIONER_FIELDS,
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

/** Owner levels at or below `level` (a city user: city, county and town; a town user: town). */
export function ownerLevelsAtOrBelow(level: RegionLevel): CaseLevel[] {
  return CASE_LEVELS.filter((owner) => levelRank(owner) >= levelRank(level));
}

/** Owner levels strictly below `level` (a city user: county and town; a county user: town; a town user: none). */
export function ownerLevelsBelow(level: RegionLevel): CaseLevel[] {
  return CASE_LEVELS.filter((owner) => isHigherLevel(level, owner));
}

function isAdminLevel(level: RegionLevel): level is AdminLevel {
  return (ADMIN_LEVELS as readonly RegionLevel[]).includes(level);
}

/** Paths of the regions above `path`, nearest last ('330400.330402.330402100' → ['330400', '330400.330402']). */
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
/** 信用修复 steps: county review, then the decision after the public notice (DESIGN §13). */
const CREDIT_REPAIR_DECISIONS: AppAction[] = ['review_pass', 'approve', 'refuse'];

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
      // 移交执法 and 约谈 are the bureau's, in its jurisdiction (DESIGN §13); repairs are applied for through it.
      can(['read', 'create'], ['CreditRepair', 'Interview'], inJurisdiction),
    );
    // 移交执法 is the county's and the city's bureau (DESIGN §13), not a town's.
    if (isAdminLevel(user.regionLevel)) rules.push(can('import', 'Enterprise'), can('transfer_enforcement', 'Case', inJurisdiction));
    if (isAdminLevel(user.regionLevel)) {
      rules.push(can(DISPATCH_ACTIONS, 'Case', { ...inJurisdiction, ownerLevel: { $in: ownLevels } }));
    } else if (ownLevels.length > 0) {
      // A town dispatcher (§11): general cases found in the town and owned by it.
      rules.push(can(DISPATCH_ACTIONS, 'Case', { ...inJurisdiction, ownerLevel: { $in: ownLevels }, severity: 'general' }));
    }
    if (lowerLevels.length > 0) {
      rules.push(can('supervise', 'Case', { ...inJurisdiction, ownerLevel: { $in: lowerLevels } }));
    }
    // Petitions (DESIGN §9): the 信访 desk of the jurisdiction registers, answers and follows up.
    rules.push(can([...PETITION_ACTIONS], 'Case', inJurisdiction));
    contactRules.push(can('read', 'Case', inJurisdiction, REPORTER_CONTACT_FIELDS), can('read', 'Case', inJurisdiction, PETITIONER_FIELDS));
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
      can('remind', 'Case', inJurisdiction),
      can(['read', 'export', 'report_back'], 'Ledger', inJurisdiction),
      can('read', ['Stats', 'RiskWarning'], inJurisdiction),
      can('read', 'Enterprise'),
      can(['read', 'create'], 'Attachment'),
      can(['read', 'create'], 'Interview', inJurisdiction),
      can('read', 'CreditRepair', inJurisdiction),
    );
    // County review and decision of credit repairs (a town supervisor does not decide them).
    if (isAdminLevel(user.regionLevel)) rules.push(can(CREDIT_REPAIR_DECISIONS, 'CreditRepair', inJurisdiction), can('transfer_enforcement', 'Case', inJurisdiction));
    if (isCaseLevel(user.regionLevel)) {
      rules.push(can(SIGNOFF_ACTIONS, 'Case', { ...inJurisdiction, currentSignoffLevel: user.regionLevel }));
    }
    // Follow-up reviews (回头看) of major and inspection cases are the county's and the city's.
    if (isAdminLevel(user.regionLevel)) rules.push(can(REVIEW_ACTIONS, 'Case', inJurisdiction));
    // The county spot-checks the drawn share of its towns' closures (§11).
    if (user.regionLevel === 'county') rules.push(can('spot_check', 'Case', { ...inJurisdiction, spotCheckDrawn: true }));
    if (lowerLevels.length > 0) {
      rules.push(can('supervise', 'Case', { ...inJurisdiction, ownerLevel: { $in: lowerLevels } }));
    }
  }

  if (roles.has('leader')) {
    rules.push(
      can('read', ['Case', 'Ledger', 'Stats', 'RiskWarning', 'CreditRepair', 'Interview'], inJurisdiction),
      // 批示 and 包案 on any case in jurisdiction (DESIGN §5, §13).
      can(['instruct', 'take_charge'], 'Case', inJurisdiction),
      // Ledgers are managed as tables (表格化管理): reading one includes taking it away as a spreadsheet.
      can('export', 'Ledger', inJurisdiction),
      can('read', 'Enterprise'),
      can('read', 'Attachment'),
    );
  }

  if (roles.has('admin')) {
    rules.push(can('manage', ['Region', 'Unit', 'User', 'DeadlinePolicy', 'Calendar', 'RiskWarning', 'ApiKey']), can('import', 'Enterprise'), can('read', 'all'));
  }

  // Reporter contact (PII): hidden from everyone who may read the case, then given back to those
  // allowed. Must stay last: later rules win in CASL.
  rules.push(cannot('read', 'Case', undefined, [...REPORTER_CONTACT_FIELDS, ...PETITIONER_FIELDS]), ...contactRules);
  return rules;
}
