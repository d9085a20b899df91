import { enterpriseHealth, type CreditRating, type HealthCode, type HealthFact } from './health-code.js';

const now = new Date('2026-12-02T00:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const violation = (major = false, at = daysAgo(30)): HealthFact => ({ kind: 'confirmed_violation', at, major, caseCode: 'JX-2026-000001' });
const upheld = (major = false): HealthFact => ({ kind: 'complaint_upheld', at: daysAgo(20), major, caseCode: 'JX-2026-000002' });
const penalty: HealthFact = { kind: 'penalty', at: daysAgo(10), decisionNo: '嘉环罚〔2026〕12号', policeReferral: false, caseCode: 'JX-2026-000003' };
const unverified: HealthFact = { kind: 'unverified_complaint', at: daysAgo(1), caseCode: 'JX-2026-000004' };
const exceed = (grade: 'short' | 'sustained' | 'repeated', days = 5): HealthFact => ({ kind: 'exceedance', at: daysAgo(days), grade, pollutant: 'COD' });

describe('enterpriseHealth: the table', () => {
  it.each<[string, HealthFact[], CreditRating | null, Date[], HealthCode]>([
    ['no facts', [], null, [], 'green'],
    ['credit A', [], 'A', [], 'green'],
    ['one unverified complaint', [unverified], null, [], 'green'],
    ['ten unverified complaints never turn it red', Array(10).fill(unverified), null, [], 'green'],
    ['a short exceedance is shown only', [exceed('short')], null, [], 'green'],
    ['one confirmed general violation', [violation()], null, [], 'yellow'],
    ['an upheld general complaint', [upheld()], null, [], 'yellow'],
    ['a sustained exceedance', [exceed('sustained')], null, [], 'yellow'],
    ['credit C', [], 'C', [], 'yellow'],
    ['a confirmed major violation', [violation(true)], null, [], 'red'],
    ['an upheld major complaint', [upheld(true)], null, [], 'red'],
    ['two confirmed violations', [violation(), upheld()], null, [], 'red'],
    ['a penalty decision', [penalty], null, [], 'red'],
    ['a repeated exceedance', [exceed('repeated')], null, [], 'red'],
    ['a repeated exceedance over a year ago', [exceed('repeated', 400)], null, [], 'green'],
    ['credit D', [], 'D', [], 'red'],
    ['a penalty repaired afterwards', [penalty], null, [daysAgo(2)], 'green'],
    ['a repair approved before the penalty does not cover it', [penalty], null, [daysAgo(20)], 'red'],
    ['a repair does not cover a later violation', [violation(true, daysAgo(30)), violation(false, daysAgo(1))], null, [daysAgo(5)], 'yellow'],
    ['an old violation with no repair still counts (nothing forgiven silently)', [violation(false, daysAgo(1000))], null, [], 'yellow'],
  ])('%s → %s', (_name, facts, creditRating, repairsApprovedAt, expected) => {
    expect(enterpriseHealth({ facts, creditRating, repairsApprovedAt, now }).code).toBe(expected);
  });
});

describe('enterpriseHealth: reasons', () => {
  it('names each fact that sets the colour, and lists unverified complaints as not counted', () => {
    const { code, reasons } = enterpriseHealth({ facts: [penalty, unverified, unverified], creditRating: null, repairsApprovedAt: [], now });
    expect(code).toBe('red');
    expect(reasons).toEqual([
      { effect: 'red', text: '2026-11-22 行政处罚（决定书 嘉环罚〔2026〕12号，案件 JX-2026-000003）' },
      { effect: 'info', text: '待核实的投诉或问题2件（未经核实，不影响赋码）' },
    ]);
  });

  it('says why a code is green and what a repair covered', () => {
    const { reasons } = enterpriseHealth({ facts: [violation()], creditRating: null, repairsApprovedAt: [daysAgo(3)], now });
    expect(reasons).toEqual([
      { effect: 'info', text: '无经确认的违法事实，列入正面清单（无事不扰）' },
      { effect: 'info', text: '1项事实已经信用修复（2026-11-29批准）' },
    ]);
  });
});

describe('enterpriseHealth: order of reasons', () => {
  it('lists red reasons before yellow ones before notes, whatever the order of the facts', () => {
    const { reasons } = enterpriseHealth({ facts: [unverified, violation(), penalty], creditRating: 'C', repairsApprovedAt: [], now });
    expect(reasons.map((r) => r.effect)).toEqual(['red', 'yellow', 'yellow', 'info']);
  });
});

describe('enterpriseHealth: monitoring exceedances', () => {
  it('lists one reason per grade, with the count, the latest date and the pollutants; older than a year they drop out', () => {
    const at = (days: number, grade: 'short' | 'sustained' | 'repeated', pollutant: string | null): HealthFact => ({ kind: 'exceedance', at: daysAgo(days), grade, pollutant });
    const facts = [at(9, 'repeated', 'COD'), at(3, 'repeated', 'NH3-N'), at(5, 'repeated', 'COD'), at(12, 'sustained', 'COD'), at(20, 'short', null), at(400, 'repeated', 'COD')];
    const { code, reasons } = enterpriseHealth({ facts, creditRating: null, repairsApprovedAt: [], now });
    expect(code).toBe('red');
    expect(reasons).toEqual([
      { effect: 'red', text: '2026-11-29（最近一次） 在线监测30日内反复超标3次（COD、NH3-N）' },
      { effect: 'yellow', text: '2026-11-20 在线监测持续超标（COD）' },
      { effect: 'info', text: '2026-11-12 在线监测短时超标，已提醒企业' },
    ]);
  });

  it('exceedances before an approved repair are repaired like any fact', () => {
    const { code } = enterpriseHealth({ facts: [exceed('repeated', 10), exceed('sustained', 1)], creditRating: null, repairsApprovedAt: [daysAgo(5)], now });
    expect(code).toBe('yellow');
  });
});

describe('enterpriseHealth: dates in reasons', () => {
  it('names the day in Asia/Shanghai: a penalty decided at 07:00 on 3 December there is dated 2026-12-03', () => {
    const early: HealthFact = { ...penalty, at: new Date('2026-12-02T23:00:00Z') };
    const { reasons } = enterpriseHealth({ facts: [early], creditRating: null, repairsApprovedAt: [], now: new Date('2026-12-04T00:00:00Z') });
    expect(reasons[0].text).toContain('2026-12-03 行政处罚');
  });
});
