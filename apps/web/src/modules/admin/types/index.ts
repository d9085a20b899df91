import type { Dayjs } from 'dayjs';

/** 4320 → 3天, 120 → 2小时, 0.5 → 30秒, 0 → 不提醒. */
export function leadText(minutes: number): string {
  if (!minutes) return '不提醒';
  if (minutes < 1) return `${Math.round(minutes * 60)}秒`;
  if (minutes % 1440 === 0) return `${minutes / 1440}天`;
  if (minutes % 60 === 0) return `${minutes / 60}小时`;
  return `${minutes}分钟`;
}

/** A day of the work calendar: 休 (a holiday), 班 (a make-up working day) or neither. */
export type Mark = 'holiday' | 'workday' | null;

export const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** Click cycle: a weekday goes 工作日 → 休 → 工作日; a weekend goes 休息 → 班 → 休（节假日） → 休息. */
export function nextMark(date: Dayjs, mark: Mark): Mark {
  if (!isWeekend(date)) return mark === 'holiday' ? null : 'holiday';
  if (mark === null) return 'workday';
  if (mark === 'workday') return 'holiday';
  return null;
}
