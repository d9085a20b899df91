// How long each deadline runs (DESIGN §3 `deadline_policy`, §7 defaults).
import type { WorkCalendar } from './calendar.js';
import type { DeadlineKind, Severity } from './domain.js';
import { CN_WORK_CALENDAR } from './holidays/index.js';

export const DEADLINE_UNITS = ['minutes', 'hours', 'days', 'working_days'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** One row of `deadline_policy`. `null` in source / category / severity matches anything. */
export interface DeadlinePolicy {
  id?: string;
  source: string | null;
  /** A full category ('air.open_burning') or a top-level one ('air', matching every 'air.*'). */
  category: string | null;
  severity: Severity | null;
  kind: DeadlineKind;
  amount: number;
  unit: DeadlineUnit;
  /** How long before the due time the reminder goes out; may be fractional (0.5 = 30 s). */
  reminderLeadMinutes: number;
}

export interface PolicySubject {
  source: string;
  category: string;
  severity: Severity;
}

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;
const PETITION_SOURCES = ['petition_phone', 'petition_letter', 'petition_online', 'petition_visit', 'hotline'] as const;

/**
 * DESIGN §7 defaults. dispatch 1 working day; sign_for 1 working day; rectify 15 days (general) /
 * 60 days (major); verify 3 working days; review 30 days; supervision 5 working days; petitions
 * (信访 and hotlines): acceptance (dispatch) within 15 days, conclusion (rectify) within 60 days;
 * `air.open_burning` fast track (1530): dispatch 1 min, sign_for 5 min, rectify 30 min.
 */
export const DEFAULT_DEADLINE_POLICIES: DeadlinePolicy[] = [
  { id: 'default.dispatch', source: null, category: null, severity: null, kind: 'dispatch', amount: 1, unit: 'working_days', reminderLeadMinutes: 2 * HOUR_MINUTES },
  { id: 'default.sign_for', source: null, category: null, severity: null, kind: 'sign_for', amount: 1, unit: 'working_days', reminderLeadMinutes: 2 * HOUR_MINUTES },
  { id: 'default.rectify.general', source: null, category: null, severity: 'general', kind: 'rectify', amount: 15, unit: 'days', reminderLeadMinutes: 3 * DAY_MINUTES },
  { id: 'default.rectify.major', source: null, category: null, severity: 'major', kind: 'rectify', amount: 60, unit: 'days', reminderLeadMinutes: 7 * DAY_MINUTES },
  { id: 'default.verify', source: null, category: null, severity: null, kind: 'verify', amount: 3, unit: 'working_days', reminderLeadMinutes: DAY_MINUTES },
  { id: 'default.review', source: null, category: null, severity: null, kind: 'review', amount: 30, unit: 'days', reminderLeadMinutes: 3 * DAY_MINUTES },
  { id: 'default.supervision', source: null, category: null, severity: null, kind: 'supervision', amount: 5, unit: 'working_days', reminderLeadMinutes: DAY_MINUTES },
  ...PETITION_SOURCES.flatMap((source): DeadlinePolicy[] => [
    { id: `${source}.dispatch`, source, category: null, severity: null, kind: 'dispatch', amount: 15, unit: 'days', reminderLeadMinutes: 3 * DAY_MINUTES },
    { id: `${source}.rectify`, source, category: null, severity: null, kind: 'rectify', amount: 60, unit: 'days', reminderLeadMinutes: 7 * DAY_MINUTES },
  ]),
  // Petition clocks (DESIGN §9): the statutory limits are calendar days with the end-of-period rule,
  // computed by the petition machine; these rows give their reminders. 12345 / 12369 work orders
  // (source `hotline`) run on working days: sign-for within 1, reply within 5.
  { id: 'default.petition_accept', source: null, category: null, severity: null, kind: 'petition_accept', amount: 15, unit: 'days', reminderLeadMinutes: 3 * DAY_MINUTES },
  { id: 'default.petition_reply', source: null, category: null, severity: null, kind: 'petition_reply', amount: 60, unit: 'days', reminderLeadMinutes: 7 * DAY_MINUTES },
  { id: 'default.petition_review', source: null, category: null, severity: null, kind: 'petition_review', amount: 30, unit: 'days', reminderLeadMinutes: 5 * DAY_MINUTES },
  { id: 'default.petition_recheck', source: null, category: null, severity: null, kind: 'petition_recheck', amount: 30, unit: 'days', reminderLeadMinutes: 5 * DAY_MINUTES },
  { id: 'hotline.petition_accept', source: 'hotline', category: null, severity: null, kind: 'petition_accept', amount: 1, unit: 'working_days', reminderLeadMinutes: 2 * HOUR_MINUTES },
  { id: 'hotline.petition_reply', source: 'hotline', category: null, severity: null, kind: 'petition_reply', amount: 5, unit: 'working_days', reminderLeadMinutes: DAY_MINUTES },
  { id: 'air.open_burning.dispatch', source: null, category: 'air.open_burning', severity: null, kind: 'dispatch', amount: 1, unit: 'minutes', reminderLeadMinutes: 0.5 },
  { id: 'air.open_burning.sign_for', source: null, category: 'air.open_burning', severity: null, kind: 'sign_for', amount: 5, unit: 'minutes', reminderLeadMinutes: 2 },
  { id: 'air.open_burning.rectify', source: null, category: 'air.open_burning', severity: null, kind: 'rectify', amount: 30, unit: 'minutes', reminderLeadMinutes: 10 },
];

/** How well a policy's category fits the case's: 2 exact, 1 top-level prefix, 0 wildcard, -1 no match. */
function categoryScore(policyCategory: string | null, category: string): number {
  if (policyCategory === null) return 0;
  if (policyCategory === category) return 2;
  return category.startsWith(`${policyCategory}.`) ? 1 : -1;
}

function exactScore<T>(policyValue: T | null, value: T): number {
  if (policyValue === null) return 0;
  return policyValue === value ? 1 : -1;
}

/**
 * The policy for one deadline kind of a case, or null when none matches.
 *
 * Most specific wins, compared in this order: category (exact 'air.open_burning' > top-level 'air'
 * > any), then source (named > any), then severity (named > any). So the open-burning fast track
 * beats the petition rules for an open-burning hotline report, and a petition's 60-day conclusion
 * beats the 15-day general rectify default. On a full tie the earlier policy in the list wins.
 */
export function resolvePolicy(
  policies: readonly DeadlinePolicy[],
  subject: PolicySubject,
  kind: DeadlineKind,
): DeadlinePolicy | null {
  let best: DeadlinePolicy | null = null;
  let bestScore: number[] = [];
  for (const policy of policies) {
    if (policy.kind !== kind) continue;
    const score = [
      categoryScore(policy.category, subject.category),
      exactScore(policy.source, subject.source),
      exactScore(policy.severity, subject.severity),
    ];
    if (score.some((s) => s < 0)) continue;
    if (best === null || isBetter(score, bestScore)) {
      best = policy;
      bestScore = score;
    }
  }
  return best;
}

function isBetter(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return false;
}

/**
 * When a deadline started at `start` under `policy` falls due. minutes / hours / days are elapsed
 * time (a day is 24 h; Asia/Shanghai has no daylight saving); a period of days that ends on a day
 * off moves to the end (24:00) of the next working day. working_days follow the calendar
 * (see WorkCalendar.addWorkingDays); a fractional number of working days is rounded up.
 */
export function computeDueAt(start: Date, policy: DeadlinePolicy, calendar: WorkCalendar = CN_WORK_CALENDAR): Date {
  if (!(policy.amount >= 0) || !Number.isFinite(policy.amount)) {
    throw new RangeError(`deadline policy amount must be a number ≥ 0, got ${policy.amount}`);
  }
  switch (policy.unit) {
    case 'minutes':
      return new Date(start.getTime() + policy.amount * 60_000);
    case 'hours':
      return new Date(start.getTime() + policy.amount * HOUR_MINUTES * 60_000);
    case 'days':
      // A period in calendar days ending on a day off runs to 24:00 of the next working day (§7).
      return calendar.addCalendarDays(start, policy.amount);
    case 'working_days':
      return calendar.addWorkingDays(start, Math.ceil(policy.amount));
  }
}

/** When the reminder for a deadline due at `dueAt` goes out (a lead ≤ 0 means at the due time). */
export function reminderAt(dueAt: Date, policy: Pick<DeadlinePolicy, 'reminderLeadMinutes'>): Date {
  const lead = Math.max(0, policy.reminderLeadMinutes || 0);
  return new Date(dueAt.getTime() - lead * 60_000);
}
