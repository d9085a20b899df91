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
 * not, unless listed as make-up working days. A year without data takes its days off from
 * `fallback` (e.g. statutoryCalendarYear: the statutory holidays without 调休), or, without one,
 * is plain Mon–Fri weeks.
 */
export class WorkCalendar {
  private readonly holidays = new Set<number>();
  private readonly workdays = new Set<number>();
  private readonly covered = new Set<number>();
  readonly years: readonly number[];

  constructor(
    years: readonly CalendarYear[] = [],
    private readonly fallback: ((year: number) => CalendarYear) | null = null,
  ) {
    for (const y of years) this.add(y);
    this.years = years.map((y) => y.year).sort((a, b) => a - b);
  }

  /** Whether the year has data of its own (not the fallback's). */
  hasYear(year: number): boolean {
    return this.years.includes(year);
  }

  /**
   * The Asia/Shanghai end of the n-th calendar day after `from` (DESIGN §7, 民法典 art. 201/203):
   * `from + n days`, unless that day is not a working day (a holiday or weekend), in which case the
   * period ends at 24:00 of the next working day. `n = 0` returns `from`.
   */
  addCalendarDays(from: Date, n: number): Date {
    if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`days must be a number ≥ 0, got ${n}`);
    const due = new Date(from.getTime() + n * DAY);
    if (n === 0) return due;
    let day = localDayNumber(due);
    if (this.isWorkingDayNumber(day)) return due;
    while (!this.isWorkingDayNumber(day)) day += 1;
    return new Date((day + 1) * DAY - OFFSET); // 24:00 that day = 00:00 the next, Shanghai time
  }

  private add(y: CalendarYear): void {
    for (const d of y.holidays) this.holidays.add(dayNumberOfIsoDate(d));
    for (const d of y.workdays) this.workdays.add(dayNumberOfIsoDate(d));
    this.covered.add(y.year);
  }

  /** Loads the fallback's days off for a year without data, once. */
  private ensureYear(day: number): void {
    const year = new Date(day * DAY).getUTCFullYear();
    if (this.covered.has(year)) return;
    this.covered.add(year);
    if (this.fallback) {
      const y = this.fallback(year);
      for (const d of y.holidays) this.holidays.add(dayNumberOfIsoDate(d));
      for (const d of y.workdays) this.workdays.add(dayNumberOfIsoDate(d));
    }
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

  /**
   * The end of a period of `n` calendar days that starts on `from` (民法典 art. 201/203, DESIGN §7):
   * the day of `from` does not count; the period's last day is the n-th day after it; when that day
   * is not a working day (a weekend or a holiday) the period ends on the next working day instead;
   * and it runs to the end of its last day (24:00 Asia/Shanghai, returned as 23:59:59.999).
   * `n = 0` ends at the end of the day of `from` (moved past days off the same way).
   */
  endOfCalendarPeriod(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`calendar days must be a whole number ≥ 0, got ${n}`);
    let day = localDayNumber(from) + n;
    while (!this.isWorkingDayNumber(day)) day += 1;
    return new Date((day + 1) * DAY - OFFSET - 1);
  }

  private isWorkingDayNumber(day: number): boolean {
    this.ensureYear(day);
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
