import { CN_2025, CN_2026, CN_WORK_CALENDAR, WorkCalendar, dateRange, shanghaiDate } from './index.js';

/** An instant given as Asia/Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('WorkCalendar.isWorkingDay (Asia/Shanghai dates)', () => {
  const days: Array<[string, boolean, string]> = [
    ['2026-03-02', true, 'an ordinary Monday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-01-01', false, "New Year's Day 2026"],
    ['2026-01-04', true, 'make-up Sunday after New Year 2026'],
    ['2026-02-14', true, 'make-up Saturday before Spring Festival 2026'],
    ['2026-02-16', false, 'Spring Festival 2026, a Monday'],
    ['2026-02-23', false, 'last day of Spring Festival 2026'],
    ['2026-02-24', true, 'first working day after Spring Festival 2026'],
    ['2026-02-28', true, 'make-up Saturday after Spring Festival 2026'],
    ['2026-05-09', true, 'make-up Saturday after Labour Day 2026'],
    ['2026-06-19', false, 'Dragon Boat Festival 2026'],
    ['2026-09-20', true, 'make-up Sunday before National Day 2026'],
    ['2026-09-25', false, 'Mid-Autumn Festival 2026, a Friday'],
    ['2026-09-30', true, 'the Wednesday before National Day 2026'],
    ['2026-10-01', false, 'National Day 2026'],
    ['2026-10-07', false, 'last day of National Day 2026'],
    ['2026-10-08', true, 'first working day after National Day 2026'],
    ['2026-10-10', true, 'make-up Saturday after National Day 2026'],
    ['2025-01-26', true, 'make-up Sunday before Spring Festival 2025'],
    ['2025-01-28', false, "Spring Festival's eve 2025"],
    ['2025-02-05', true, 'first working day after Spring Festival 2025'],
    ['2025-10-08', false, 'National Day and Mid-Autumn 2025, day 8'],
    ['2025-10-11', true, 'make-up Saturday after National Day 2025'],
    ['2027-01-04', true, 'a Monday in a year without data (plain Mon–Fri)'],
    ['2027-01-02', false, 'a Saturday in a year without data'],
  ];

  test.each(days)('%s is a working day: %s (%s)', (date, working) => {
    expect(CN_WORK_CALENDAR.isWorkingDay(date)).toBe(working);
  });

  test('an instant counts on its Shanghai date, not its UTC date', () => {
    expect(CN_WORK_CALENDAR.isWorkingDay(new Date('2026-09-30T15:59:59Z'))).toBe(true); // 23:59:59 on 30 Sep
    expect(CN_WORK_CALENDAR.isWorkingDay(new Date('2026-09-30T16:00:00Z'))).toBe(false); // 00:00 on 1 Oct
    expect(shanghaiDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  test('an empty calendar is plain Mon–Fri', () => {
    const plain = new WorkCalendar();
    expect(plain.isWorkingDay('2026-10-01')).toBe(true);
    expect(plain.isWorkingDay('2026-10-10')).toBe(false);
  });

  test('refuses malformed or impossible dates', () => {
    expect(() => CN_WORK_CALENDAR.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => new WorkCalendar([{ year: 2026, holidays: ['1 Oct'], workdays: [] }])).toThrow(RangeError);
  });
});

describe('WorkCalendar.addWorkingDays', () => {
  const cases: Array<[string, string, number, string]> = [
    ['1 working day from the Friday before National Day 2026 (itself the Mid-Autumn holiday) is Monday', '2026-09-25T10:00:00', 1, '2026-09-28T10:00:00'],
    ['1 working day from the last working day before National Day 2026 skips the whole holiday', '2026-09-30T16:00:00', 1, '2026-10-08T16:00:00'],
    ['2 working days from the Friday after National Day 2026 count the make-up Saturday', '2026-10-09T09:00:00', 2, '2026-10-12T09:00:00'],
    ['the make-up Saturday itself counts as the next working day', '2026-10-09T09:00:00', 1, '2026-10-10T09:00:00'],
    ['the make-up Sunday before National Day 2026 counts', '2026-09-19T11:00:00', 1, '2026-09-20T11:00:00'],
    ['Spring Festival 2026 is skipped', '2026-02-14T10:00:00', 1, '2026-02-24T10:00:00'],
    ['Spring Festival 2025 is skipped', '2025-01-27T15:00:00', 1, '2025-02-05T15:00:00'],
    ['3 working days over an ordinary weekend', '2026-03-05T14:00:00', 3, '2026-03-10T14:00:00'],
    ['a start on Saturday counts from Monday', '2026-03-07T10:00:00', 1, '2026-03-09T10:00:00'],
    ['a start outside office hours keeps its wall-clock time', '2026-03-06T22:00:00', 1, '2026-03-09T22:00:00'],
    ['a start just after midnight keeps its date and time', '2026-03-03T00:15:00', 1, '2026-03-04T00:15:00'],
    ['into a year without data: its statutory New Year holiday still counts as a day off', '2026-12-31T10:00:00', 1, '2027-01-04T10:00:00'],
    ['5 working days (supervision) across Labour Day 2026 and its make-up Saturday', '2026-04-29T10:00:00', 5, '2026-05-09T10:00:00'],
  ];

  test.each(cases)('%s', (_name, from, n, due) => {
    expect(CN_WORK_CALENDAR.addWorkingDays(sh(from), n).toISOString()).toBe(sh(due).toISOString());
  });

  test('0 working days is the start itself; negative or fractional counts are refused', () => {
    const start = sh('2026-10-01T10:00:00');
    expect(CN_WORK_CALENDAR.addWorkingDays(start, 0)).toEqual(start);
    expect(() => CN_WORK_CALENDAR.addWorkingDays(start, -1)).toThrow(RangeError);
    expect(() => CN_WORK_CALENDAR.addWorkingDays(start, 1.5)).toThrow(RangeError);
  });
});

describe('statutory data', () => {
  test('2025: 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆+中秋 8 days; 5 make-up days', () => {
    expect(CN_2025.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(CN_2025.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  test('2026: 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7 days; 6 make-up days', () => {
    expect(CN_2026.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(CN_2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  test('every make-up working day is a weekend day and no date is both', () => {
    for (const y of [CN_2025, CN_2026]) {
      for (const d of y.workdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect(y.workdays.filter((d) => y.holidays.includes(d))).toEqual([]);
    }
  });

  test('dateRange expands an inclusive span', () => {
    expect(dateRange('2026-09-30', '2026-10-02')).toEqual(['2026-09-30', '2026-10-01', '2026-10-02']);
  });
});
