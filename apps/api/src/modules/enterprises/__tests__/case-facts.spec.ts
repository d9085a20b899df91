import { caseFacts } from '../enterprise-health.js';

const base = { creditCode: '91350100M000100Y43', code: 'JX-2026-000001', severity: 'general' as const, source: 'grid_patrol' as const, createdAt: new Date('2026-10-01T00:00:00Z'), finding: null, signedOffAt: null };
const signedOff = new Date('2026-10-20T00:00:00Z');

describe('caseFacts: what a case says about its enterprise', () => {
  it.each([
    ['an open case is unverified', { ...base, state: 'rectifying' as const }, [{ kind: 'unverified_complaint', at: base.createdAt, caseCode: base.code }]],
    ['a confirmed finding not yet signed off is still unverified', { ...base, state: 'pending_verification' as const, finding: 'confirmed' }, [{ kind: 'unverified_complaint', at: base.createdAt, caseCode: base.code }]],
    ['signed off as confirmed: a violation', { ...base, state: 'closed' as const, finding: 'confirmed', signedOffAt: signedOff }, [{ kind: 'confirmed_violation', at: signedOff, major: false, caseCode: base.code }]],
    ['a public complaint found true', { ...base, source: 'hotline' as const, severity: 'major' as const, state: 'closed' as const, finding: 'confirmed', signedOffAt: signedOff }, [{ kind: 'complaint_upheld', at: signedOff, major: true, caseCode: base.code }]],
    ['reopened by a follow-up review: still a violation', { ...base, state: 'rectifying' as const, finding: 'confirmed', signedOffAt: signedOff }, [{ kind: 'confirmed_violation', at: signedOff, major: false, caseCode: base.code }]],
    ['signed off as unfounded: nothing', { ...base, state: 'closed' as const, finding: 'unfounded', signedOffAt: signedOff }, []],
    ['closed without a finding: nothing', { ...base, state: 'closed' as const, signedOffAt: signedOff }, []],
  ])('%s', (_name, row, facts) => {
    expect(caseFacts(row)).toEqual(facts);
  });
});
