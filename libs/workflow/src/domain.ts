// The vocabulary of the loop (DESIGN.md §3, §4; GLOSSARY.md). Shared by api, auth and web.

export const CASE_STATES = [
  'reported',
  'pending_dispatch',
  'assigned',
  'rectifying',
  'pending_verification',
  'closed',
  'rejected',
  'merged',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States in which a case still needs work (supervise / remind apply). */
export const OPEN_STATES: readonly CaseState[] = [
  'reported',
  'pending_dispatch',
  'assigned',
  'rectifying',
  'pending_verification',
];

/** States in which a case needs no more work: signed off (已销号), not accepted (不予受理) or merged (已合并). */
export const DONE_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !OPEN_STATES.includes(s));

/** Cases that were not taken on at all: not accepted or merged into another case (counted nowhere). */
export const DISCARDED_STATES: readonly CaseState[] = ['rejected', 'merged'];

/** True while the case still needs work (one of OPEN_STATES); unknown states are not open. */
export function isOpenState(state: string): boolean {
  return (OPEN_STATES as readonly string[]).includes(state);
}

/**
 * SQL for "`column` is one of `states`" (or, with `negate`, none of them), the states written out as
 * literals: they are this file's constants, never input, so the fragment fits any query style.
 */
export function stateInSql(column: string, states: readonly CaseState[], negate = false): string {
  const unknown = states.filter((s) => !(CASE_STATES as readonly string[]).includes(s));
  if (unknown.length > 0 || states.length === 0) throw new RangeError(`not a list of case states: ${states.join(', ')}`);
  return `${column} ${negate ? 'NOT IN' : 'IN'} (${states.map((s) => `'${s}'`).join(', ')})`;
}

/** SQL for "the case in `column` is open" (`c.state IN ('reported', …)`); with `negate`, "is done". */
export function openStateSql(column = 'c.state', negate = false): string {
  return stateInSql(column, OPEN_STATES, negate);
}

export const CASE_ACTIONS = [
  'accept',
  'dispatch',
  'reject',
  'merge',
  'resolve_on_spot',
  'escalate',
  'sign_for',
  'return',
  'reassign',
  'report_progress',
  'request_extension',
  'decide_extension',
  'submit_completion',
  'approve',
  'reject_completion',
  'review_pass',
  'review_fail',
  'spot_check',
  'supervise',
  'remind',
  'transfer_enforcement',
  // Leaders (DESIGN §5, §13): 批示 and 包案.
  'instruct',
  'take_charge',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Events written by the `system` actor, never requested over HTTP. */
/** `alert_folded`: a machine alert joined the open case (§10); `duplicate_linked`: a public report repeats an earlier one (§6). */
export const SYSTEM_ACTIONS = ['report', 'overdue', 'auto_supervise', 'reminder_sent', 'alert_folded', 'duplicate_linked'] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'village', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Levels that sign off, own and supervise cases. Lower index = higher level. */
export const ADMIN_LEVELS = ['province', 'city', 'county'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

/**
 * Levels that own (dispatch) and sign off cases: the admin levels and, for general cases found in a
 * town, the town (DESIGN §11, 基层治理四平台). Lower index = higher level.
 */
export const CASE_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

/** Region levels at or below a town: a case there is "found in the town". */
export const TOWN_LEVELS: readonly RegionLevel[] = ['town', 'village', 'grid'];

export function isCaseLevel(level: RegionLevel | null | undefined): level is CaseLevel {
  return (CASE_LEVELS as readonly (RegionLevel | null | undefined)[]).includes(level);
}

/** Rank of a region level: a smaller number is a higher level. */
export function levelRank(level: RegionLevel): number {
  return REGION_LEVELS.indexOf(level);
}

/** True when `a` is a strictly higher level than `b` (city is higher than county). */
export function isHigherLevel(a: RegionLevel, b: RegionLevel): boolean {
  return levelRank(a) < levelRank(b);
}

/** The next level up, or null at the top. */
export function levelAbove(level: RegionLevel): RegionLevel | null {
  const rank = levelRank(level);
  return rank > 0 ? REGION_LEVELS[rank - 1] : null;
}

export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CASE_SOURCES = [
  'grid_patrol',
  'petition_phone',
  'petition_letter',
  'petition_online',
  'petition_visit',
  'hotline',
  'central_inspection',
  'provincial_inspection',
  'city_inspection',
  'warning_film',
  'monitoring_alert',
  'mobile_monitoring',
  'drone',
  'infrared',
  'satellite',
  'enterprise_self_check',
  'enforcement_check',
  'media',
  'public',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Sources whose reporter is a member of the public (contact details are PII). */
export const PUBLIC_REPORT_SOURCES: readonly CaseSource[] = [
  'petition_phone',
  'petition_letter',
  'petition_online',
  'petition_visit',
  'hotline',
  'public',
];

export const INSPECTION_SOURCES: readonly CaseSource[] = ['central_inspection', 'provincial_inspection'];

export const CATEGORIES = [
  'water',
  'air',
  'soil',
  'solid_waste',
  'noise',
  'ecology',
  'marine',
  'radiation',
  'other',
] as const;
export type TopCategory = (typeof CATEGORIES)[number];

/** The second-level categories; a case's category is a top-level one or one of these. */
export const SUB_CATEGORIES = [
  'air.open_burning',
  'air.odor',
  'air.dust',
  'air.cooking_fume',
  'water.outfall',
  'water.black_odorous',
  'solid_waste.dumping',
  'solid_waste.hazardous',
  'noise.construction',
] as const;

export const CATEGORY_PATTERN = /^(water|air|soil|solid_waste|noise|ecology|marine|radiation|other)(\.[a-z_]+)?$/;

/** Every category a case may carry (Open311 `services`, the `category` of `POST /cases`). */
export const KNOWN_CATEGORIES: readonly string[] = [...CATEGORIES, ...SUB_CATEGORIES];

/** True for a category of the list (`air`, `air.open_burning`); an unknown subcategory is refused. */
export function isValidCategory(category: string): boolean {
  return KNOWN_CATEGORIES.includes(category);
}

export const DEADLINE_KINDS = [
  'dispatch',
  'sign_for',
  'rectify',
  'verify',
  'review',
  'supervision',
  // Petition clocks (DESIGN §9): written acceptance notice, reply (处理意见), 复查 and 复核 decisions.
  'petition_accept',
  'petition_reply',
  'petition_review',
  'petition_recheck',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The deadline kinds of the petition machine; the rectification loop never settles them. */
export const PETITION_DEADLINE_KINDS = ['petition_accept', 'petition_reply', 'petition_review', 'petition_recheck'] as const;
export type PetitionDeadlineKind = (typeof PETITION_DEADLINE_KINDS)[number];

/** `late`: settled after its due time (whether or not its timer had fired). */
export const DEADLINE_STATUSES = ['pending', 'met', 'late', 'overdue', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** The sign-off finding on completion: the problem was a real violation, or the report was unfounded. */
export const FINDINGS = ['confirmed', 'unfounded'] as const;
export type Finding = (typeof FINDINGS)[number];

export const ROLES = ['grid_inspector', 'dispatcher', 'handler', 'supervisor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
