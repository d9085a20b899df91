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
  'supervise',
  'remind',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Events written by the `system` actor, never requested over HTTP. */
export const SYSTEM_ACTIONS = ['report', 'overdue', 'auto_supervise', 'reminder_sent'] as const;
export type SystemAction = (typeof SYSTEM_ACTIONS)[number];

export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'village', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Levels that sign off, own and supervise cases. Lower index = higher level. */
export const ADMIN_LEVELS = ['province', 'city', 'county'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

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

/** Known second-level categories; any `<top>.<word>` is accepted, these have labels. */
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

export function isValidCategory(category: string): boolean {
  return CATEGORY_PATTERN.test(category);
}

export const DEADLINE_KINDS = ['dispatch', 'sign_for', 'rectify', 'verify', 'review', 'supervision'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['pending', 'met', 'overdue', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const ROLES = ['grid_inspector', 'dispatcher', 'handler', 'supervisor', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
