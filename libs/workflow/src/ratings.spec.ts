import { riskScore, warrantsIntervention, type RiskFigures } from './ratings.js';

describe('riskScore', () => {
  const f = (o: Partial<RiskFigures>): RiskFigures => ({ newCases: 10, external: 0, selfDiscovered: 10, overdue: 0, reworked: 0, reopened: 0, respondedLate: 0, externalMajor: 0, ...o });
  it('is no_data, not green, when nothing was reported', () => {
    expect(riskScore(f({ newCases: 0, selfDiscovered: 0 }))).toEqual({ score: null, level: 'no_data', controlIndex: null });
  });
  it('weighs discovery 40, handling 40 and response 20', () => {
    expect(riskScore(f({}))).toEqual({ score: 0, level: 'green', controlIndex: 100 });
    // discovery 0.8 → 32; handling (0.7 + 0.9 + 1) / 3 → 34.67; response 0.5 → 10: 76.7
    expect(riskScore(f({ external: 2, selfDiscovered: 8, overdue: 3, reworked: 1, respondedLate: 5 }))).toEqual({ score: 23.3, level: 'green', controlIndex: 76.7 });
    expect(riskScore(f({ external: 5, selfDiscovered: 5, overdue: 3, reworked: 1 })).level).toBe('yellow');
    expect(riskScore(f({ external: 10, selfDiscovered: 0, overdue: 10, reworked: 10, reopened: 10, respondedLate: 10 }))).toEqual({ score: 100, level: 'red', controlIndex: 0 });
  });
  it('raises the level by one for a major problem first found from outside, up to red', () => {
    expect(riskScore(f({ external: 1, selfDiscovered: 9, externalMajor: 1 })).level).toBe('yellow');
    expect(riskScore(f({ external: 10, selfDiscovered: 0, overdue: 10, reworked: 10, reopened: 10, respondedLate: 10, externalMajor: 1 })).level).toBe('red');
  });
});

describe('warrantsIntervention', () => {
  it('red, or orange two months running', () => {
    expect(warrantsIntervention('red', null)).toBe(true);
    expect(warrantsIntervention('orange', null)).toBe(false);
    expect(warrantsIntervention('orange', 'yellow')).toBe(false);
    expect(warrantsIntervention('orange', 'orange')).toBe(true);
    expect(warrantsIntervention('orange', 'red')).toBe(true);
    expect(warrantsIntervention('no_data', 'red')).toBe(false);
  });
});
