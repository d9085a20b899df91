import { rankByScore, scorecardFigures, scorecardScore, type ScorecardCounts } from './scorecards.js';

const zero: ScorecardCounts = {
  total: 0, selfFound: 0, signForSettled: 0, signForOnTime: 0, rectifySettled: 0, rectifyOnTime: 0, closed: 0, closedFirstPass: 0,
  reworked: 0, relapsed: 0, overdue: 0, supervised: 0, petitionsFollowedUp: 0, petitionsSatisfied: 0,
};

describe('scorecards', () => {
  it('rates what can be rated and re-weights the rest', () => {
    const f = scorecardFigures({ ...zero, total: 4, selfFound: 3, signForSettled: 2, signForOnTime: 1, relapsed: 1 });
    expect(f).toMatchObject({ selfDiscoveryRate: 75, onTimeSignForRate: 50, onTimeCompletionRate: null, firstPassRate: null, noRelapseRate: 75, petitionSatisfactionRate: null });
    // (75×25 + 50×15 + 75×15) / 55 = 68.18…
    expect(scorecardScore(f)).toBe(68.2);
  });
  it('does not score a subject without cases', () => {
    expect(scorecardScore(scorecardFigures(zero))).toBeNull();
  });
  it('ranks 1, 2, 2, 4 and puts the unscored last without a rank', () => {
    const ranked = rankByScore([{ id: 'a', score: 80 }, { id: 'n', score: null }, { id: 'b', score: 90 }, { id: 'c', score: 80 }, { id: 'd', score: 70 }]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4], ['n', null]]);
  });
});
