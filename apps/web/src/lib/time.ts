// Dates are stored in UTC by the API and shown in Asia/Shanghai, whatever the device's zone.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import relativeTime from 'dayjs/plugin/relativeTime';
import duration from 'dayjs/plugin/duration';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.extend(duration);
dayjs.locale('zh-cn');

export const TZ = 'Asia/Shanghai';

export function inShanghai(value: string | number | Date | Dayjs): Dayjs {
  return dayjs(value).tz(TZ);
}

export function formatDateTime(value?: string | null): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(TZ).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(value?: string | null): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.tz(TZ).format('YYYY-MM-DD') : '—';
}

/** A date picked in a DatePicker means "by the end of that day in Shanghai". */
export function endOfDayInShanghai(day: Dayjs): string {
  return dayjs.tz(`${day.format('YYYY-MM-DD')} 23:59:59`, TZ).toISOString();
}

/** The start of a picked day in Shanghai, as an instant (for date-range filters). */
export function startOfDayInShanghai(day: Dayjs): string {
  return dayjs.tz(`${day.format('YYYY-MM-DD')} 00:00:00`, TZ).toISOString();
}

/** "3天4小时" / "2小时15分" / "8分" for a length of time. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return d > 0 ? `${d}天${h}小时` : h > 0 ? `${h}小时${m}分` : `${m}分`;
}

/** "剩余 3天4小时" / "已超期 2小时15分" for a due date. */
export function countdownText(dueAt: string, now: number = Date.now()): { text: string; overdue: boolean } {
  const diff = dayjs(dueAt).valueOf() - now;
  const overdue = diff < 0;
  const parts = durationText(diff);
  return { text: overdue ? `已超期 ${parts}` : `剩余 ${parts}`, overdue };
}

/** "12-09 18:00", the year only when it is not the year of `now` (in Shanghai). */
export function formatShort(value?: string | null, now: number = Date.now()): string {
  if (!value) return '—';
  const d = dayjs(value);
  if (!d.isValid()) return '—';
  const t = d.tz(TZ);
  return t.format(t.year() === inShanghai(now).year() ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}

export { dayjs };
