import type { Dayjs } from 'dayjs';
import { ApiError, errorText } from '../../../api';

/** The admin API's stable error codes, said in Chinese (the server's messages are English). */
const ADMIN_ERRORS: Record<string, string> = {
  username_taken: '用户名已被占用，请换一个',
  unknown_region: '所选行政区划不存在',
  unknown_unit: '所选单位不存在或已停用',
  unknown_parent: '上级区划不存在',
  unit_exists: '已存在同名单位',
  region_exists: '该区划代码已存在',
  region_in_use: '该区划下仍有下级区划、单位、用户或案件，不能删除',
  bad_code: '区划代码须以上级区划代码开头',
  bad_level: '区划层级须低于上级区划',
  policy_exists: '已存在相同办理环节、来源、类别和程度的时限规则，请直接修改该条',
  default_policy_required: '兜底规则（不限来源、类别、程度）不能删除或缩小范围，只能修改时长',
  invalid_calendar: '日历有误：调休上班日须为周六或周日，且同一天不能既休又班',
  invalid_year: '年份须在 2000–2100 之间',
};

/** What to tell an admin about a failed request. */
export function adminErrorText(e: unknown): string {
  if (e instanceof ApiError && e.code && ADMIN_ERRORS[e.code]) return ADMIN_ERRORS[e.code];
  return errorText(e);
}

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
