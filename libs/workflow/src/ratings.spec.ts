import { healthCode, riskScore, type RatedCase } from './ratings.js';

const now = new Date('2026-11-23T00:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const base: RatedCase = { state: 'closed', severity: 'general', overdue: false, reworkCount: 0, reopenCount: 0, createdAt: daysAgo(40), closedAt: daysAgo(20) };

describe('healthCode', () => {
  it('is green without cases or with cleanly closed ones', () => {
    expect(healthCode([], now).code).toBe('green');
    expect(healthCode([base], now).code).toBe('green');
  });
  it('is yellow for an open general case or recent rework', () => {
    expect(healthCode([{ ...base, state: 'rectifying', closedAt: null }], now).code).toBe('yellow');
    expect(healthCode([{ ...base, reworkCount: 1 }], now).code).toBe('yellow');
  });
  it('is red for an open major case, an overdue one, a relapse or three open cases', () => {
    expect(healthCode([{ ...base, state: 'assigned', closedAt: null, severity: 'major' }], now).code).toBe('red');
    expect(healthCode([{ ...base, state: 'rectifying', closedAt: null, overdue: true }], now).code).toBe('red');
    expect(healthCode([{ ...base, reopenCount: 1 }], now).code).toBe('red');
    expect(healthCode(Array(3).fill({ ...base, state: 'reported', closedAt: null }), now)).toEqual({ code: 'red', reasons: ['未办结问题3件'] });
  });
  it('forgives cases closed before the credit-repair period and ignores rejected ones', () => {
    expect(healthCode([{ ...base, reopenCount: 1, createdAt: daysAgo(300), closedAt: daysAgo(200) }], now).code).toBe('green');
    expect(healthCode([{ ...base, state: 'rejected', closedAt: null, severity: 'major' }], now).code).toBe('green');
  });
});

describe('riskScore', () => {
  it('is green with full control when nothing was found', () => {
    expect(riskScore({ newCases: 0, external: 0, selfDiscovered: 0, overdue: 0, reworked: 0, reopened: 0 })).toEqual({ score: 0, level: 'green', controlIndex: 100 });
  });
  it('weighs outside discovery, overdue and rework into levels', () => {
    expect(riskScore({ newCases: 10, external: 2, selfDiscovered: 8, overdue: 0, reworked: 0, reopened: 0 })).toEqual({ score: 8, level: 'green', controlIndex: 80 });
    expect(riskScore({ newCases: 10, external: 5, selfDiscovered: 5, overdue: 3, reworked: 1, reopened: 0 }).level).toBe('yellow');
    expect(riskScore({ newCases: 10, external: 10, selfDiscovered: 0, overdue: 10, reworked: 10, reopened: 0 })).toEqual({ score: 100, level: 'red', controlIndex: 0 });
  });
});
