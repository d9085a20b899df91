// The enterprise environmental health code (企业环境健康码, DESIGN §13) from confirmed facts only.
// Unverified complaints are listed but never change the colour; nothing is forgiven by time alone:
// a fact stops counting when an approved credit repair (信用修复) covers it.

import { shanghaiDate } from './calendar.js';

export type HealthCode = 'green' | 'yellow' | 'red';
export const HEALTH_CODES: readonly HealthCode[] = ['green', 'yellow', 'red'];

/** Credit rating of the enterprise (企业环境信用评价): A 诚信, B 良好, C 警示, D 不良. */
export const CREDIT_RATINGS = ['A', 'B', 'C', 'D'] as const;
export type CreditRating = (typeof CREDIT_RATINGS)[number];

/** One fact about an enterprise. `at` is when it was established (sign-off, decision, detection). */
export type HealthFact =
  /** A violation confirmed at sign-off: the completion's finding was `confirmed`. */
  | { kind: 'confirmed_violation'; at: Date; major: boolean; caseCode: string }
  /** A complaint (public or petition source) whose sign-off found it true. */
  | { kind: 'complaint_upheld'; at: Date; major: boolean; caseCode: string }
  /** An administrative penalty decision (行政处罚决定书) recorded on an enforcement transfer. */
  | { kind: 'penalty'; at: Date; decisionNo: string; policeReferral: boolean; caseCode: string }
  /** A monitoring exceedance graded by the alerts (DESIGN §10). */
  | { kind: 'exceedance'; at: Date; grade: 'short' | 'sustained' | 'repeated'; pollutant: string | null }
  /** A complaint not (yet) verified: shown, never counted. */
  | { kind: 'unverified_complaint'; at: Date; caseCode: string };

export interface HealthInput {
  facts: readonly HealthFact[];
  creditRating: CreditRating | null;
  /** Approval times of credit repairs: facts established before the latest one are repaired. */
  repairsApprovedAt: readonly Date[];
  now: Date;
}

export interface HealthReason {
  /** What the reason does to the code: `red`/`yellow` raise it, `info` is shown only. */
  effect: 'red' | 'yellow' | 'info';
  text: string;
}

export interface HealthResult {
  code: HealthCode;
  reasons: HealthReason[];
}

const DAY = 86_400_000;
/** Monitoring exceedances older than this no longer count (a monitoring year). */
export const EXCEEDANCE_WINDOW_DAYS = 365;

/** The day a fact happened, as people in Jiaxing name it. */
const day = (d: Date) => shanghaiDate(d);
const EXCEEDANCE_TEXT = { repeated: '在线监测30日内反复超标', sustained: '在线监测持续超标', short: '在线监测短时超标' } as const;

/**
 * red: a penalty decision, a confirmed major violation or upheld major complaint, two or more
 * confirmed violations, a repeated exceedance, or credit rating D.
 * yellow: one confirmed general violation, an upheld general complaint, a sustained exceedance, or
 * credit rating C. green: otherwise (正面清单). Facts established before the latest approved repair
 * are listed as repaired. Every code carries its reasons; green says why it is green.
 */
export function enterpriseHealth(input: HealthInput): HealthResult {
  const repairedUntil = input.repairsApprovedAt.reduce<number>((max, d) => Math.max(max, d.getTime()), -Infinity);
  const reasons: HealthReason[] = [];
  const add = (effect: HealthReason['effect'], text: string) => reasons.push({ effect, text });
  const live = input.facts.filter((f) => f.kind === 'unverified_complaint' || f.at.getTime() > repairedUntil);
  const repaired = input.facts.length - live.length;

  const violations = live.filter((f) => f.kind === 'confirmed_violation' || f.kind === 'complaint_upheld');
  for (const f of live) {
    switch (f.kind) {
      case 'penalty':
        add('red', `${day(f.at)} 行政处罚（决定书 ${f.decisionNo}，案件 ${f.caseCode}）${f.policeReferral ? '，已移送公安' : ''}`);
        break;
      case 'confirmed_violation':
      case 'complaint_upheld': {
        const what = f.kind === 'confirmed_violation' ? '销号核实确认违法问题' : '投诉经核查属实';
        add(f.major || violations.length >= 2 ? 'red' : 'yellow', `${day(f.at)} ${what}${f.major ? '（重大）' : ''}（案件 ${f.caseCode}）`);
        break;
      }
      case 'exceedance':
        // Listed per grade below (a chronic offender has dozens).
        break;
      case 'unverified_complaint':
        break;
    }
  }
  for (const grade of ['repeated', 'sustained', 'short'] as const) {
    const xs = live.filter((f): f is Extract<HealthFact, { kind: 'exceedance' }> => f.kind === 'exceedance' && f.grade === grade && input.now.getTime() - f.at.getTime() <= EXCEEDANCE_WINDOW_DAYS * DAY);
    if (xs.length === 0) continue;
    const latest = new Date(Math.max(...xs.map((x) => x.at.getTime())));
    const pollutants = [...new Set(xs.map((x) => x.pollutant).filter((p): p is string => !!p))];
    const what = `${EXCEEDANCE_TEXT[grade]}${xs.length > 1 ? `${xs.length}次` : ''}${pollutants.length ? `（${pollutants.join('、')}）` : ''}`;
    const when = xs.length > 1 ? `${day(latest)}（最近一次）` : day(latest);
    add(grade === 'repeated' ? 'red' : grade === 'sustained' ? 'yellow' : 'info', `${when} ${what}${grade === 'short' ? '，已提醒企业' : ''}`);
  }
  if (violations.length >= 2) add('red', `确认的违法问题${violations.length}件`);
  if (input.creditRating === 'D') add('red', '环境信用评价为不良（D）');
  if (input.creditRating === 'C') add('yellow', '环境信用评价为警示（C）');
  const unverified = live.filter((f) => f.kind === 'unverified_complaint').length;
  if (unverified > 0) add('info', `待核实的投诉或问题${unverified}件（未经核实，不影响赋码）`);
  if (repaired > 0) add('info', `${repaired}项事实已经信用修复（${day(new Date(repairedUntil))}批准）`);

  // The reasons that set the colour first: red, then yellow, then what is only shown.
  const RANK = { red: 0, yellow: 1, info: 2 };
  reasons.sort((a, b) => RANK[a.effect] - RANK[b.effect]);
  const code: HealthCode = reasons.some((r) => r.effect === 'red') ? 'red' : reasons.some((r) => r.effect === 'yellow') ? 'yellow' : 'green';
  if (code === 'green') reasons.unshift({ effect: 'info', text: '无经确认的违法事实，列入正面清单（无事不扰）' });
  return { code, reasons };
}
