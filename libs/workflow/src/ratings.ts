// Pure ratings derived from cases: a county's monthly risk warning (风险预警); the enterprise health
// code is in health-code.ts. GLOSSARY "Ledgers and warnings".
import type { CaseSource } from './domain.js';

/** Sources discovered by a higher level or the public (外部发现) rather than by the area itself. */
export const EXTERNAL_SOURCES: readonly CaseSource[] = [
  'central_inspection',
  'provincial_inspection',
  'city_inspection',
  'warning_film',
  'media',
  'hotline',
  'petition_phone',
  'petition_letter',
  'petition_online',
  'petition_visit',
  'public',
];

export interface RiskFigures {
  /** Cases reported in the month (rejected and merged ones do not count). */
  newCases: number;
  /** Found by a higher level or the public (EXTERNAL_SOURCES). */
  external: number;
  /** Found by the area itself (grid patrol, monitoring, self-inspection…). */
  selfDiscovered: number;
  /** Overdue now or settled late on any deadline. */
  overdue: number;
  /** Sent back at sign-off at least once (not first-pass). */
  reworked: number;
  /** Reopened after closure by a follow-up review (relapse, 反弹). */
  reopened: number;
  /** Whose dispatch or sign-for deadline was missed (slow response). */
  respondedLate: number;
  /** Major problems first found from outside: each raises the level by one. */
  externalMajor: number;
}

export type RiskLevel = 'green' | 'yellow' | 'orange' | 'red';
export type WarningLevel = RiskLevel | 'no_data';
export const WARNING_LEVELS: readonly WarningLevel[] = ['green', 'yellow', 'orange', 'red', 'no_data'];
const ORDERED: readonly RiskLevel[] = ['green', 'yellow', 'orange', 'red'];

/**
 * 管控力指数 (control index, 0–100), documented for people in CONTROL_INDEX_FORMULA:
 *   controlIndex = 40 × discovery + 40 × handling + 20 × response, where, over the month's new cases,
 *   discovery = selfDiscovered / newCases (share found by the area itself),
 *   handling  = mean(1 − overdue/newCases, 1 − reworked/newCases, 1 − reopened/newCases)
 *               (on time, first-pass sign-off, no relapse),
 *   response  = 1 − respondedLate / newCases (dispatch and sign-for on time).
 * Risk score (0–100) = 100 − controlIndex; levels: < 25 green, < 50 yellow, < 75 orange, else red;
 * each major problem first found from outside raises the level by one (at most red).
 * No new cases → `no_data` (nothing reported is not evidence of control), score and index null.
 */
export function riskScore(f: RiskFigures): { score: number | null; level: WarningLevel; controlIndex: number | null } {
  if (f.newCases === 0) return { score: null, level: 'no_data', controlIndex: null };
  const rate = (n: number) => Math.min(1, n / f.newCases);
  const discovery = rate(f.selfDiscovered);
  const handling = (3 - rate(f.overdue) - rate(f.reworked) - rate(f.reopened)) / 3;
  const response = 1 - rate(f.respondedLate);
  const controlIndex = Math.round((40 * discovery + 40 * handling + 20 * response) * 10) / 10;
  const score = Math.round((100 - controlIndex) * 10) / 10;
  const base = score < 25 ? 0 : score < 50 ? 1 : score < 75 ? 2 : 3;
  const level = ORDERED[Math.min(3, base + (f.externalMajor > 0 ? 1 : 0))];
  return { score, level, controlIndex };
}

/** The formula as people read it (the warnings page and the API document show this text). */
export const CONTROL_INDEX_FORMULA =
  '管控力指数 = 40×发现力（自主发现数/新增问题数）+ 40×处置力（按期办结率、一次性验收通过率、不反弹率的平均）+ 20×响应力（按期交办签收率）；' +
  '风险分 = 100 − 管控力指数：<25 绿色，<50 黄色，<75 橙色，≥75 红色；当月有重大问题首先由外部发现的，预警等级提高一级；当月无新增问题的为“无数据”（灰色），不评为绿色。' +
  '红色，或连续两个月橙色及以上的，启动市级督办并列入定点帮扶。';

/** Red, or orange (or worse) two months running, opens a city 督办 order and a 定点帮扶 task. */
export function warrantsIntervention(level: WarningLevel, previous: WarningLevel | null): boolean {
  if (level === 'red') return true;
  return level === 'orange' && (previous === 'orange' || previous === 'red');
}
