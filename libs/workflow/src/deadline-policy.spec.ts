import {
  CN_WORK_CALENDAR,
  DEADLINE_KINDS,
  DEFAULT_DEADLINE_POLICIES,
  WorkCalendar,
  computeDueAt,
  reminderAt,
  resolvePolicy,
  type DeadlineKind,
  type DeadlinePolicy,
  type PolicySubject,
} from './index.js';

const sh = (local: string) => new Date(`${local}+08:00`);
const subject = (source: string, category: string, severity: 'general' | 'major' = 'general'): PolicySubject => ({
  source,
  category,
  severity,
});

describe('DEFAULT_DEADLINE_POLICIES (DESIGN §7) through resolvePolicy', () => {
  const cases: Array<[string, PolicySubject, DeadlineKind, string, number, DeadlinePolicy['unit']]> = [
    ['dispatch: 1 working day', subject('grid_patrol', 'water.outfall'), 'dispatch', 'default.dispatch', 1, 'working_days'],
    ['sign_for: 1 working day', subject('grid_patrol', 'water'), 'sign_for', 'default.sign_for', 1, 'working_days'],
    ['rectify of a general case: 15 days', subject('grid_patrol', 'noise.construction'), 'rectify', 'default.rectify.general', 15, 'days'],
    ['rectify of a major case: 60 days', subject('central_inspection', 'water', 'major'), 'rectify', 'default.rectify.major', 60, 'days'],
    ['verify: 3 working days', subject('hotline', 'air.odor'), 'verify', 'default.verify', 3, 'working_days'],
    ['review: 30 days', subject('central_inspection', 'soil', 'major'), 'review', 'default.review', 30, 'days'],
    ['supervision: 5 working days', subject('grid_patrol', 'air'), 'supervision', 'default.supervision', 5, 'working_days'],
    ['petition acceptance: 15 days', subject('petition_letter', 'noise'), 'dispatch', 'petition_letter.dispatch', 15, 'days'],
    ['petition conclusion: 60 days, even for a general case', subject('petition_visit', 'water'), 'rectify', 'petition_visit.rectify', 60, 'days'],
    ['hotline acceptance: 15 days', subject('hotline', 'air.odor'), 'dispatch', 'hotline.dispatch', 15, 'days'],
    ['open burning dispatch: 1 minute', subject('grid_patrol', 'air.open_burning'), 'dispatch', 'air.open_burning.dispatch', 1, 'minutes'],
    ['open burning sign_for: 5 minutes', subject('drone', 'air.open_burning'), 'sign_for', 'air.open_burning.sign_for', 5, 'minutes'],
    ['open burning rectify: 30 minutes, even when major', subject('grid_patrol', 'air.open_burning', 'major'), 'rectify', 'air.open_burning.rectify', 30, 'minutes'],
    ['open burning reported on the hotline: the fast track beats the petition rule', subject('hotline', 'air.open_burning'), 'dispatch', 'air.open_burning.dispatch', 1, 'minutes'],
    ['open burning verify: no fast track, the general rule', subject('grid_patrol', 'air.open_burning'), 'verify', 'default.verify', 3, 'working_days'],
  ];

  test.each(cases)('%s', (_name, s, kind, id, amount, unit) => {
    expect(resolvePolicy(DEFAULT_DEADLINE_POLICIES, s, kind)).toMatchObject({ id, kind, amount, unit });
  });

  test('every kind has a default for any case', () => {
    for (const kind of DEADLINE_KINDS) {
      for (const severity of ['general', 'major'] as const) {
        expect(resolvePolicy(DEFAULT_DEADLINE_POLICIES, subject('media', 'other', severity), kind)).not.toBeNull();
      }
    }
  });

  test('fast-track reminders are proportionate (30 s before a 1-minute deadline)', () => {
    const p = resolvePolicy(DEFAULT_DEADLINE_POLICIES, subject('grid_patrol', 'air.open_burning'), 'dispatch')!;
    expect(p.reminderLeadMinutes).toBe(0.5);
    for (const policy of DEFAULT_DEADLINE_POLICIES) {
      const span = computeDueAt(sh('2026-03-02T10:00:00'), policy).getTime() - sh('2026-03-02T10:00:00').getTime();
      expect(policy.reminderLeadMinutes * 60_000).toBeLessThan(span);
    }
  });
});

describe('resolvePolicy specificity', () => {
  const p = (id: string, fields: Partial<DeadlinePolicy>): DeadlinePolicy => ({
    id,
    source: null,
    category: null,
    severity: null,
    kind: 'rectify',
    amount: 1,
    unit: 'days',
    reminderLeadMinutes: 0,
    ...fields,
  });
  const policies = [
    p('any', {}),
    p('major', { severity: 'major' }),
    p('hotline', { source: 'hotline' }),
    p('hotline-major', { source: 'hotline', severity: 'major' }),
    p('air', { category: 'air' }),
    p('air-hotline', { category: 'air', source: 'hotline' }),
    p('air.dust', { category: 'air.dust' }),
    p('sign_for-any', { kind: 'sign_for' }),
  ];
  const cases: Array<[string, PolicySubject, string]> = [
    ['null fields are wildcards', subject('drone', 'water'), 'any'],
    ['a named severity beats a wildcard', subject('drone', 'water', 'major'), 'major'],
    ['a named source beats a named severity', subject('hotline', 'water', 'major'), 'hotline-major'],
    ['a top-level category matches its sub-categories', subject('drone', 'air.odor', 'major'), 'air'],
    ['a top-level category matches itself', subject('drone', 'air'), 'air'],
    ['category decides before source', subject('hotline', 'air.dust'), 'air.dust'],
    ['source refines a category tie', subject('hotline', 'air.odor'), 'air-hotline'],
    ['a category prefix must end at a dot', subject('drone', 'airport'), 'any'],
  ];

  test.each(cases)('%s', (_name, s, id) => {
    expect(resolvePolicy(policies, s, 'rectify')?.id).toBe(id);
  });

  test('a sub-category policy does not match a sibling', () => {
    expect(resolvePolicy([p('air.dust', { category: 'air.dust' })], subject('drone', 'air.odor'), 'rectify')).toBeNull();
  });

  test('on a full tie the earlier policy wins', () => {
    expect(resolvePolicy([p('first', {}), p('second', {})], subject('drone', 'water'), 'rectify')?.id).toBe('first');
  });

  test('no policy for the kind gives null', () => {
    expect(resolvePolicy(policies, subject('drone', 'water'), 'review')).toBeNull();
  });
});

describe('computeDueAt and reminderAt', () => {
  const policy = (amount: number, unit: DeadlinePolicy['unit'], reminderLeadMinutes = 0): DeadlinePolicy => ({
    source: null,
    category: null,
    severity: null,
    kind: 'dispatch',
    amount,
    unit,
    reminderLeadMinutes,
  });
  const start = sh('2026-09-30T16:00:00'); // Wednesday before National Day 2026

  test.each([
    ['1 minute', policy(1, 'minutes'), '2026-09-30T16:01:00'],
    ['4 hours', policy(4, 'hours'), '2026-09-30T20:00:00'],
    ['15 calendar days run through the holiday', policy(15, 'days'), '2026-10-15T16:00:00'],
    ['1 working day skips the National Day holiday', policy(1, 'working_days'), '2026-10-08T16:00:00'],
    ['3 working days count the make-up Saturday', policy(3, 'working_days'), '2026-10-10T16:00:00'],
    ['a fractional working day rounds up', policy(0.5, 'working_days'), '2026-10-08T16:00:00'],
  ] as const)('%s', (_name, p, due) => {
    expect(computeDueAt(start, p, CN_WORK_CALENDAR).toISOString()).toBe(sh(due).toISOString());
  });

  test('the calendar is pluggable and defaults to the Chinese statutory one', () => {
    expect(computeDueAt(start, policy(1, 'working_days'), new WorkCalendar()).toISOString()).toBe(
      sh('2026-10-01T16:00:00').toISOString(),
    );
    expect(computeDueAt(start, policy(1, 'working_days')).toISOString()).toBe(sh('2026-10-08T16:00:00').toISOString());
  });

  test('refuses a negative amount', () => {
    expect(() => computeDueAt(start, policy(-1, 'days'))).toThrow(RangeError);
  });

  test('the reminder goes out the lead time before the due time', () => {
    const due = sh('2026-10-08T16:00:00');
    expect(reminderAt(due, policy(1, 'working_days', 120)).toISOString()).toBe(sh('2026-10-08T14:00:00').toISOString());
    expect(reminderAt(due, policy(1, 'minutes', 0.5)).toISOString()).toBe(sh('2026-10-08T15:59:30').toISOString());
    expect(reminderAt(due, policy(1, 'minutes', -5))).toEqual(due);
  });
});
