// Working days in Asia/Shanghai (DESIGN §7: "working days follow a configurable calendar").
//
// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so local dates are computed
// with a fixed +8h offset; no Intl or time-zone database is needed.

/** One year of the statutory calendar: ISO dates (YYYY-MM-DD) in Asia/Shanghai. */
export interface CalendarYear {
  year: number;
  /** Days off by law or by 调休, including those that fall on a weekend. */
  holidays: string[];
  /** Make-up working days (调休上班) that fall on a Saturday or Sunday. */
  workdays: string[];
}

export const SHANGHAI_OFFSET_MINUTES = 8 * 60;
/** Office hours in Asia/Shanghai; used to read a date-only due date as "by the end of that day". */
export const OFFICE_OPENS = '08:30';
export const OFFICE_CLOSES = '17:30';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const OFFSET = SHANGHAI_OFFSET_MINUTES * MINUTE;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of the Asia/Shanghai calendar date of an instant. */
function localDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + OFFSET) / DAY);
}

function dayNumberOfIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  }
  return ms / DAY;
}

function isoDateOfDayNumber(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return isoDateOfDayNumber(localDayNumber(instant));
}

/**
 * Which days are working days. Mon–Fri are working days unless listed as holidays; Sat/Sun are
 * not, unless listed as make-up working days. Years without data are plain Mon–Fri weeks.
 */
export class WorkCalendar {
  private readonly holidays = new Set<number>();
  private readonly workdays = new Set<number>();
  readonly years: readonly number[];

  constructor(years: readonly CalendarYear[] = []) {
    for (const y of years) {
      for (const d of y.holidays) this.holidays.add(dayNumberOfIsoDate(d));
      for (const d of y.workdays) this.workdays.add(dayNumberOfIsoDate(d));
    }
    this.years = years.map((y) => y.year).sort((a, b) => a - b);
  }

  /** Whether the Asia/Shanghai date of `date` (an instant, or a YYYY-MM-DD string) is a working day. */
  isWorkingDay(date: Date | string): boolean {
    return this.isWorkingDayNumber(typeof date === 'string' ? dayNumberOfIsoDate(date) : localDayNumber(date));
  }

  /**
   * The instant `n` working days after `from`.
   *
   * Rule: take the Asia/Shanghai calendar date of `from`, find the n-th working day strictly after
   * it, and keep `from`'s local wall-clock time. The start day never counts, whether or not it is a
   * working day (a case reported on Saturday with 1 working day is due on Monday). The time is kept
   * as is even when it lies outside office hours (08:30–17:30): a case reported at 22:00 on Friday
   * with 1 working day is due at 22:00 on the next working day, which still gives a full working day.
   * `n = 0` returns `from` unchanged.
   */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    if (n === 0) return new Date(from.getTime());
    const startDay = localDayNumber(from);
    const timeOfDay = from.getTime() + OFFSET - startDay * DAY;
    let day = startDay;
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return new Date(day * DAY + timeOfDay - OFFSET);
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.holidays.has(day)) return false;
    if (this.workdays.has(day)) return true;
    const weekday = new Date(day * DAY).getUTCDay(); // 0 = Sunday
    return weekday !== 0 && weekday !== 6;
  }
}

/** Expands an inclusive range of ISO dates, e.g. a holiday span from a State Council notice. */
export function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = dayNumberOfIsoDate(first); d <= dayNumberOfIsoDate(last); d += 1) out.push(isoDateOfDayNumber(d));
  return out;
}
