// The fields of a ledger row (DESIGN §15): 整改目标/措施, 责任领导/责任人, lead and co-units,
// 整改类型, milestones with planned percentages, row kinds, deadlines within the 交账 date. Pure.
import { PETITION_DEFAULT_DAYS, parseRows, type RawRow, type RegionRef, type UnitRef } from '../ledger-rows.js';
import { rowLag } from '../ledger-lag.js';

const regions: RegionRef[] = [
  { code: '330400', name: '嘉兴市', level: 'city', path: '330400' },
  { code: '330402', name: '南湖区', level: 'county', path: '330400.330402' },
  { code: '330402101', name: '凤桥镇', level: 'town', path: '330400.330402.330402101' },
];
const unit = (id: string, name: string, regionPath: string): UnitRef => ({ id, name, regionPath, active: true });
const units = [unit('u-nanhu', '南湖分局', '330400.330402'), unit('u-fq', '凤桥镇生态办', '330400.330402.330402101'), unit('u-city', '嘉兴市生态环境局', '330400')];
const ctx = { regions, units, ledgerRegion: regions[0], jurisdictionPath: '330400', now: new Date('2026-12-02T00:00:00Z'), ledgerDueDate: '2027-06-30' };
const row = (n: number, values: Record<string, unknown>): RawRow => ({ row: n, values: { seq: n, title: `问题${n}`, category: 'water', county: '南湖区', leadUnit: '南湖分局', deadline: '2027-03-31', ...values } });

describe('ledger row fields', () => {
  it('reads goal, measures, leaders, type, scope and milestones with planned percentages; the first listed unit leads', () => {
    const { items, errors } = parseRows(
      [
        row(1, {
          target: '入河排污口全部规范整治',
          measures: '排查溯源；封堵私设暗管；设立标识牌',
          responsibleLeader: '张三（副区长）',
          responsiblePerson: '李四',
          leadUnit: '南湖分局、凤桥镇生态办',
          coUnits: '嘉兴市生态环境局',
          rectifyType: '限期整改',
          scope: '具体问题',
          milestones: '2027-01-31 30%；2027年2月底前完成60%；2027-03-31 100%',
        }),
        row(2, { deadline: null, rectifyType: '长期坚持', scope: '共性', milestones: '2027-01-31;2027-06-30' }),
        row(3, { rectifyType: '立行立改', deadline: '2026年12月31日前' }),
      ],
      ctx,
    );
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      target: '入河排污口全部规范整治',
      measures: '排查溯源；封堵私设暗管；设立标识牌',
      responsibleLeader: '张三（副区长）',
      responsiblePerson: '李四',
      rectifyType: 'deadline',
      problemScope: 'specific',
      kind: 'feedback_problem',
      milestones: ['2027-01-31', '2027-02-28', '2027-03-31'],
      milestonePercents: [30, 60, 100],
      leadUnitIds: ['u-nanhu', 'u-fq'],
      cases: [{ leadUnitId: 'u-nanhu', coUnitIds: ['u-fq', 'u-city'] }],
    });
    expect(items[1]).toMatchObject({ rectifyType: 'long_term', problemScope: 'common', dueDate: '2027-06-30', milestones: ['2027-01-31', '2027-06-30'], milestonePercents: [50, 100] });
    expect(items[2]).toMatchObject({ rectifyType: 'immediate', dueDate: '2026-12-31' });
  });

  it('refuses deadlines after the ledger’s 交账 date, falling percentages and unknown types, naming the column', () => {
    const { items, errors } = parseRows(
      [
        row(4, { deadline: '2027-07-01' }),
        row(5, { milestones: '2027-01-31 60%;2027-02-28 40%' }),
        row(6, { rectifyType: '马上办', scope: '个别' }),
        row(7, { milestones: '2027-01-31 120%' }),
      ],
      ctx,
    );
    expect(items).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, '整改时限', '整改时限 2027-07-01 晚于本台账的交账日期 2027-06-30'],
      [5, '序时节点', '序时节点 2027-02-28 的计划比例应高于前一节点（60%）'],
      [6, '问题性质', '问题性质「个别」应为 具体问题 或 共性问题'],
      [6, '整改类型', '整改类型「马上办」应为 立行立改、限期整改 或 长期坚持'],
      [7, '序时节点', '序时节点 2027-01-31 的计划比例 120% 应在 1%–100% 之间'],
    ]);
  });

  it('gives a transferred petition (边督边改) without a deadline the short limit, never past the 交账 date', () => {
    const petitions = { ...ctx, rowKind: 'petition' as const };
    const { items, errors } = parseRows([row(8, { deadline: null })], petitions);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ kind: 'petition', dueDate: `2026-12-${String(2 + PETITION_DEFAULT_DAYS).padStart(2, '0')}` });
    const late = parseRows([row(9, { deadline: null })], { ...petitions, ledgerDueDate: '2026-12-10' });
    expect(late.items[0].dueDate).toBe('2026-12-10');
    // Feedback problems still need their deadline.
    expect(parseRows([row(10, { deadline: null })], ctx).errors.map((e) => e.column)).toEqual(['整改时限']);
  });

  it('keeps a 共性问题 led by a city department as one city-led case (splitByCounty false)', () => {
    const { items, errors } = parseRows([row(11, { county: '全市', leadUnit: '嘉兴市生态环境局、南湖分局', coUnits: '凤桥镇生态办', scope: '共性问题' })], ctx);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      splitByCounty: false,
      countyCodes: [],
      problemScope: 'common',
      cases: [{ countyCode: '330400', regionCode: '330400', regionPath: '330400', leadUnitId: 'u-city', coUnitIds: ['u-nanhu', 'u-fq'] }],
    });
    const refused = parseRows([row(12, { county: '全市', leadUnit: '南湖分局' })], ctx);
    expect(refused.errors.map((e) => [e.column, e.message])).toEqual([['牵头单位', '全市性问题的牵头单位应为嘉兴市或上级的部门，「南湖分局」不是']]);
  });

  it('turns a row 序时滞后 yellow the day after a missed milestone and red after the grace, until progress catches up', () => {
    const base = { milestones: ['2027-01-31', '2027-03-31'], percents: [30, 100], graceDays: 7, signedOff: false };
    expect(rowLag({ ...base, reports: [], today: '2027-01-31' })).toBeNull();
    expect(rowLag({ ...base, reports: [{ date: '2027-01-20', percent: 20 }], today: '2027-02-01' })).toEqual({ level: 'yellow', milestone: '2027-01-31', planned: 30, actual: 20, redOn: '2027-02-08' });
    expect(rowLag({ ...base, reports: [], today: '2027-02-08' })?.level).toBe('red');
    expect(rowLag({ ...base, reports: [{ date: '2027-02-05', percent: 40 }], today: '2027-02-10' })).toBeNull();
    expect(rowLag({ ...base, reports: [{ date: '2027-01-30', percent: 30 }], today: '2027-04-01' })).toMatchObject({ level: 'yellow', milestone: '2027-03-31' });
    expect(rowLag({ ...base, reports: [], today: '2027-04-01', signedOff: true })).toBeNull();
  });
});
