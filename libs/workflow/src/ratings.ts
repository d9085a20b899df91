// Pure ratings derived from cases: an enterprise's environmental health code (企业环境健康码) and a
// county's monthly risk warning (风险预警). GLOSSARY "Ledgers and warnings".
import type { CaseSource, CaseState, Severity } from './domain.js';
import { OPEN_STATES } from './domain.js';

export type HealthCode = 'green' | 'yellow' | 'red';

export interface RatedCase {
  state: CaseState;
  severity: Severity;
  overdue: boolean;
  reworkCount: number;
  reopenCount: number;
  createdAt: Date;
  closedAt: Date | null;
}

const DAY = 86_400_000;
/** Cases older than this do not count at all. */
export const HEALTH_WINDOW_DAYS = 365;
/** Credit repair (信用修复): a case closed this long ago no longer counts against the enterprise. */
export const CREDIT_REPAIR_DAYS = 180;

/**
 * red: an open major case, an overdue open case, a relapse (reopened case) or three open cases;
 * yellow: any open case, or a case closed within the repair period that needed rework;
 * green: otherwise. Closed cases older than the repair period are forgiven.
 */
export function healthCode(cases: readonly RatedCase[], now: Date): { code: HealthCode; reasons: string[] } {
  const counted = cases.filter(
    (c) =>
      now.getTime() - c.createdAt.getTime() <= HEALTH_WINDOW_DAYS * DAY &&
      !(c.closedAt && now.getTime() - c.closedAt.getTime() > CREDIT_REPAIR_DAYS * DAY) &&
      c.state !== 'rejected' &&
      c.state !== 'merged',
  );
  const open = counted.filter((c) => OPEN_STATES.includes(c.state));
  const red: string[] = [];
  if (open.some((c) => c.severity === 'major')) red.push('存在未办结的重大问题');
  if (open.some((c) => c.overdue)) red.push('存在超期未整改问题');
  if (counted.some((c) => c.reopenCount > 0)) red.push('存在整改后反弹问题');
  if (open.length >= 3) red.push(`未办结问题${open.length}件`);
  if (red.length) return { code: 'red', reasons: red };
  const yellow: string[] = [];
  if (open.length) yellow.push(`未办结问题${open.length}件`);
  if (counted.some((c) => c.closedAt && c.reworkCount > 0)) yellow.push('近期存在整改不到位被退回的问题');
  return yellow.length ? { code: 'yellow', reasons: yellow } : { code: 'green', reasons: [] };
}

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
  newCases: number;
  external: number;
  selfDiscovered: number;
  overdue: number;
  reworked: number;
  reopened: number;
}

export type RiskLevel = 'green' | 'yellow' | 'orange' | 'red';

/**
 * Risk score 0–100 of a county for a month: 40 × share found from outside + 30 × overdue rate +
 * 30 × rework/relapse rate; controlIndex (管控力指数) is the share the county found itself.
 * Levels: < 25 green, < 50 yellow, < 75 orange, else red. No new cases → green with index 100.
 */
export function riskScore(f: RiskFigures): { score: number; level: RiskLevel; controlIndex: number } {
  if (f.newCases === 0) return { score: 0, level: 'green', controlIndex: 100 };
  const rate = (n: number) => Math.min(1, n / f.newCases);
  const score = Math.round((40 * rate(f.external) + 30 * rate(f.overdue) + 30 * rate(f.reworked + f.reopened)) * 10) / 10;
  const level: RiskLevel = score < 25 ? 'green' : score < 50 ? 'yellow' : score < 75 ? 'orange' : 'red';
  return { score, level, controlIndex: Math.round(rate(f.selfDiscovered) * 1000) / 10 };
}
