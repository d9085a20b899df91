// The statutory holidays of years without a published State Council arrangement (issue 12 item 14).
import { createRequire } from 'node:module';
import { CN_WORK_CALENDAR, LUNAR_FESTIVALS, WorkCalendar, computeDueAt, statutoryCalendarYear, type DeadlinePolicy } from './index.js';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('LUNAR_FESTIVALS', () => {
  it('matches the lunar-javascript library for 2027–2040', () => {
    const { Lunar } = createRequire(__filename)('lunar-javascript');
    for (let year = 2027; year <= 2040; year++) {
      const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
      expect({ year, ...LUNAR_FESTIVALS[year] }).toEqual({
        year,
        springFestivalEve: newYear.next(-1).toYmd(),
        springFestival: newYear.toYmd(),
        qingming: Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'].toYmd(),
        dragonBoat: Lunar.fromYmd(year, 5, 5).getSolar().toYmd(),
        midAutumn: Lunar.fromYmd(year, 8, 15).getSolar().toYmd(),
      });
    }
  });

  it('has the known Spring Festival dates', () => {
    expect(LUNAR_FESTIVALS[2027].springFestival).toBe('2027-02-06');
    expect(LUNAR_FESTIVALS[2028].springFestival).toBe('2028-01-26');
    expect(LUNAR_FESTIVALS[2030].springFestival).toBe('2030-02-03');
  });
});

describe('statutoryCalendarYear', () => {
  it('lists the 13 statutory days off of 2027', () => {
    expect(statutoryCalendarYear(2027)).toEqual({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03'],
      workdays: [],
    });
  });

  it('keeps the fixed-date holidays beyond the lunar table', () => {
    expect(statutoryCalendarYear(2041).holidays).toEqual(['2041-01-01', '2041-05-01', '2041-05-02', '2041-10-01', '2041-10-02', '2041-10-03']);
  });
});

describe('working days in a year without a stored calendar', () => {
  it.each([
    ['2027-01-01', false, '元旦 2027 (a Friday)'],
    ['2027-02-08', false, '正月初三 2027 (a Monday)'],
    ['2027-02-09', true, 'the Tuesday after'],
    ['2027-04-05', false, '清明 2027 (a Monday)'],
    ['2027-06-09', false, '端午 2027 (a Wednesday)'],
    ['2027-09-15', false, '中秋 2027 (a Wednesday)'],
    ['2027-10-01', false, '国庆 2027'],
    ['2027-10-04', true, 'the Monday after 10/1–3'],
  ])('%s working: %s (%s)', (date, working) => {
    expect(CN_WORK_CALENDAR.isWorkingDay(date)).toBe(working);
  });

  it('a stored year replaces the statutory fallback', () => {
    const stored = new WorkCalendar([{ year: 2027, holidays: [], workdays: [] }], statutoryCalendarYear);
    expect(stored.isWorkingDay('2027-01-01')).toBe(true);
    expect(stored.hasYear(2027)).toBe(true);
    expect(CN_WORK_CALENDAR.hasYear(2027)).toBe(false);
  });
});

describe('a period in calendar days ending on a day off (民法典 art. 203)', () => {
  const days = (amount: number): DeadlinePolicy => ({ id: 't', source: null, category: null, severity: null, kind: 'rectify', amount, unit: 'days', reminderLeadMinutes: 0 });

  it.each([
    ['ends on a working day: unchanged', '2026-11-02T10:00:00', 15, '2026-11-17T10:00:00'],
    ['ends on National Day 2026: 24:00 of the next working day (Thursday 10/8)', '2026-09-16T10:00:00', 15, '2026-10-09T00:00:00'],
    ['ends on a Sunday: 24:00 of Monday', '2026-11-07T09:00:00', 15, '2026-11-24T00:00:00'],
    ['ends on 元旦 2027 (no stored year): 24:00 of Monday 1/4', '2026-12-02T09:00:00', 30, '2027-01-05T00:00:00'],
    ['ends on a make-up working Saturday: unchanged', '2026-09-25T11:00:00', 15, '2026-10-10T11:00:00'],
  ])('%s', (_name, from, n, due) => {
    expect(computeDueAt(sh(from), days(n), CN_WORK_CALENDAR).toISOString()).toBe(sh(due).toISOString());
  });
});
