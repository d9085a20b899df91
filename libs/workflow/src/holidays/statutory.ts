import { dateRange, type CalendarYear } from '../calendar.js';

/** Gregorian dates of the lunar festivals and of 清明 (a solar term), Asia/Shanghai. */
export interface LunarFestivals {
  /** 除夕, the last day of the twelfth lunar month. */
  springFestivalEve: string;
  /** 春节, 正月初一. */
  springFestival: string;
  /** 清明, the solar term. */
  qingming: string;
  /** 端午, 五月初五. */
  dragonBoat: string;
  /** 中秋, 八月十五. */
  midAutumn: string;
}

/**
 * 2027–2040, computed with the maintained `lunar-javascript` library and checked against it by
 * holidays.spec.ts (a dev dependency only: the workflow library stays dependency-free).
 */
export const LUNAR_FESTIVALS: Readonly<Record<number, LunarFestivals>> = {
  2027: { springFestivalEve: '2027-02-05', springFestival: '2027-02-06', qingming: '2027-04-05', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' },
  2028: { springFestivalEve: '2028-01-25', springFestival: '2028-01-26', qingming: '2028-04-04', dragonBoat: '2028-05-28', midAutumn: '2028-10-03' },
  2029: { springFestivalEve: '2029-02-12', springFestival: '2029-02-13', qingming: '2029-04-04', dragonBoat: '2029-06-16', midAutumn: '2029-09-22' },
  2030: { springFestivalEve: '2030-02-02', springFestival: '2030-02-03', qingming: '2030-04-05', dragonBoat: '2030-06-05', midAutumn: '2030-09-12' },
  2031: { springFestivalEve: '2031-01-22', springFestival: '2031-01-23', qingming: '2031-04-05', dragonBoat: '2031-06-24', midAutumn: '2031-10-01' },
  2032: { springFestivalEve: '2032-02-10', springFestival: '2032-02-11', qingming: '2032-04-04', dragonBoat: '2032-06-12', midAutumn: '2032-09-19' },
  2033: { springFestivalEve: '2033-01-30', springFestival: '2033-01-31', qingming: '2033-04-04', dragonBoat: '2033-06-01', midAutumn: '2033-09-08' },
  2034: { springFestivalEve: '2034-02-18', springFestival: '2034-02-19', qingming: '2034-04-05', dragonBoat: '2034-06-20', midAutumn: '2034-09-27' },
  2035: { springFestivalEve: '2035-02-07', springFestival: '2035-02-08', qingming: '2035-04-05', dragonBoat: '2035-06-10', midAutumn: '2035-09-16' },
  2036: { springFestivalEve: '2036-01-27', springFestival: '2036-01-28', qingming: '2036-04-04', dragonBoat: '2036-05-30', midAutumn: '2036-10-04' },
  2037: { springFestivalEve: '2037-02-14', springFestival: '2037-02-15', qingming: '2037-04-04', dragonBoat: '2037-06-18', midAutumn: '2037-09-24' },
  2038: { springFestivalEve: '2038-02-03', springFestival: '2038-02-04', qingming: '2038-04-05', dragonBoat: '2038-06-07', midAutumn: '2038-09-13' },
  2039: { springFestivalEve: '2039-01-23', springFestival: '2039-01-24', qingming: '2039-04-05', dragonBoat: '2039-05-27', midAutumn: '2039-10-02' },
  2040: { springFestivalEve: '2040-02-11', springFestival: '2040-02-12', qingming: '2040-04-04', dragonBoat: '2040-06-14', midAutumn: '2040-09-20' },
};

/**
 * The statutory days off of a year for which the State Council has not (yet) published its
 * arrangement, from 全国年节及纪念日放假办法 (as amended 2024, in force 2025): 元旦 1 day; 春节 4 days
 * (除夕 and 正月初一 to 初三); 清明 1 day; 劳动节 2 days (5/1–5/2); 端午 1 day; 中秋 1 day; 国庆 3 days
 * (10/1–10/3). No make-up working days: those (调休) only come with the published arrangement.
 * Outside the lunar table only the fixed-date holidays are known.
 */
export function statutoryCalendarYear(year: number): CalendarYear {
  const lunar = LUNAR_FESTIVALS[year];
  const holidays = [`${year}-01-01`, `${year}-05-01`, `${year}-05-02`, ...dateRange(`${year}-10-01`, `${year}-10-03`)];
  if (lunar) {
    const sf = lunar.springFestival;
    holidays.push(lunar.springFestivalEve, ...dateRange(sf, addDays(sf, 2)), lunar.qingming, lunar.dragonBoat, lunar.midAutumn);
  }
  return { year, holidays: [...new Set(holidays)].sort(), workdays: [] };
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
