import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { ApiError } from '../../../api';
import { toPeriod } from '../../ledgers/types';
import { errorText } from '../../../api';
import { leadText, nextMark } from '../types';

describe('admin and ledger helpers', () => {
  it('says the admin API’s error codes in Chinese, else the usual text', () => {
    expect(errorText(new ApiError(409, 'Conflict', 'The region still has sub-regions, units, users or cases', undefined, 'region_in_use'))).toBe(
      '该区划下仍有下级区划、单位、用户或案件，不能删除',
    );
    expect(errorText(new ApiError(409, 'Conflict', 'Username x is taken', undefined, 'username_taken'))).toContain('用户名已被占用');
    expect(errorText(new ApiError(403, 'Forbidden', 'Not permitted', undefined, 'forbidden'))).toContain('无权');
  });

  it('writes reminder leads in days, hours, minutes or seconds', () => {
    expect([leadText(4320), leadText(120), leadText(45), leadText(0.5), leadText(0)]).toEqual(['3天', '2小时', '45分钟', '30秒', '不提醒']);
  });

  it('cycles a weekday through 休 and a weekend through 班 and 休', () => {
    const monday = dayjs('2026-10-12');
    const saturday = dayjs('2026-10-10');
    expect(nextMark(monday, null)).toBe('holiday');
    expect(nextMark(monday, 'holiday')).toBeNull();
    expect(nextMark(saturday, null)).toBe('workday');
    expect(nextMark(saturday, 'workday')).toBe('holiday');
    expect(nextMark(saturday, 'holiday')).toBeNull();
  });

  it('formats progress periods the way the API validates them', () => {
    const d = dayjs('2026-11-03');
    expect(['month', 'quarter', 'year'].map((g) => toPeriod(g as 'month', d, 1))).toEqual(['2026-11', '2026-Q4', '2026']);
    expect(toPeriod('half', d, 2)).toBe('2026-H2');
    for (const p of ['2026-11', '2026-Q4', '2026', '2026-H2']) expect(p).toMatch(/^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/);
  });
});
