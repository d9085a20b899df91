// Assessment scorecards (考核评分, DESIGN §12): pure rates, score and ranking from counted figures.

export interface ScorecardCounts {
  /** Cases reported in the month (rejected and merged left out). */
  total: number;
  selfFound: number;
  signForSettled: number;
  signForOnTime: number;
  rectifySettled: number;
  rectifyOnTime: number;
  closed: number;
  closedFirstPass: number;
  reworked: number;
  relapsed: number;
  overdue: number;
  supervised: number;
  petitionsFollowedUp: number;
  petitionsSatisfied: number;
}

export interface ScorecardFigures extends ScorecardCounts {
  /** Percentages 0–100 with one decimal; null when there is nothing to rate. */
  selfDiscoveryRate: number | null;
  onTimeSignForRate: number | null;
  onTimeCompletionRate: number | null;
  firstPassRate: number | null;
  noRelapseRate: number | null;
  petitionSatisfactionRate: number | null;
}

/** Weights of the rates in the score; a rate with nothing to rate is left out and the rest re-weighted. */
export const SCORECARD_WEIGHTS = {
  selfDiscoveryRate: 25,
  onTimeSignForRate: 15,
  onTimeCompletionRate: 20,
  firstPassRate: 15,
  noRelapseRate: 15,
  petitionSatisfactionRate: 10,
} as const;

export const SCORECARD_FORMULA =
  '综合得分 = 自主发现率×25% + 按期签收率×15% + 按期办结率×20% + 一次性验收通过率×15% + 不反弹率×15% + 信访满意率×10%；' +
  '某项当月无可评数据的不计入，其余各项按权重折算；当月无新增问题的不评分、不排名。';

const pct = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);

export function scorecardFigures(c: ScorecardCounts): ScorecardFigures {
  return {
    ...c,
    selfDiscoveryRate: pct(c.selfFound, c.total),
    onTimeSignForRate: pct(c.signForOnTime, c.signForSettled),
    onTimeCompletionRate: pct(c.rectifyOnTime, c.rectifySettled),
    firstPassRate: pct(c.closedFirstPass, c.closed),
    noRelapseRate: c.total > 0 ? pct(c.total - c.relapsed, c.total) : null,
    petitionSatisfactionRate: pct(c.petitionsSatisfied, c.petitionsFollowedUp),
  };
}

/** 0–100 with one decimal, or null when the subject had no case in the month. */
export function scorecardScore(f: ScorecardFigures): number | null {
  if (f.total === 0) return null;
  let sum = 0;
  let weights = 0;
  for (const [key, w] of Object.entries(SCORECARD_WEIGHTS) as [keyof typeof SCORECARD_WEIGHTS, number][]) {
    const rate = f[key];
    if (rate === null) continue;
    sum += rate * w;
    weights += w;
  }
  return weights ? Math.round((sum / weights) * 10) / 10 : null;
}

/**
 * Standard competition ranking (1, 2, 2, 4) by score, highest first; unscored subjects get no rank
 * and come last. Ties keep the given order.
 */
export function rankByScore<T extends { score: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => (b.r.score ?? -1) - (a.r.score ?? -1) || a.i - b.i);
  let rank = 0;
  let previous: number | null = null;
  return sorted.map(({ r }, i) => {
    if (r.score === null) return { ...r, rank: null };
    if (r.score !== previous) rank = i + 1;
    previous = r.score;
    return { ...r, rank };
  });
}
