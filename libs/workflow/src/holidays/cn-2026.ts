import { dateRange, type CalendarYear } from '../calendar.js';

/**
 * 2026 public holidays and make-up working days in mainland China.
 * Source: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), published by Xinhua, e.g.
 * https://politics.gmw.cn/2025-11/04/content_38391083.htm
 * In 2026 Mid-Autumn (9月25日–27日) and National Day (10月1日–7日) are separate holidays.
 */
export const CN_2026: CalendarYear = {
  year: 2026,
  holidays: [
    ...dateRange('2026-01-01', '2026-01-03'), // 元旦: 1月1日至3日，共3天
    ...dateRange('2026-02-15', '2026-02-23'), // 春节: 2月15日（腊月二十八）至23日（正月初七），共9天
    ...dateRange('2026-04-04', '2026-04-06'), // 清明节: 4月4日至6日，共3天
    ...dateRange('2026-05-01', '2026-05-05'), // 劳动节: 5月1日至5日，共5天
    ...dateRange('2026-06-19', '2026-06-21'), // 端午节: 6月19日至21日，共3天
    ...dateRange('2026-09-25', '2026-09-27'), // 中秋节: 9月25日至27日，共3天
    ...dateRange('2026-10-01', '2026-10-07'), // 国庆节: 10月1日至7日，共7天
  ],
  workdays: [
    '2026-01-04', // 元旦调休 (周日)
    '2026-02-14', // 春节调休 (周六)
    '2026-02-28', // 春节调休 (周六)
    '2026-05-09', // 劳动节调休 (周六)
    '2026-09-20', // 国庆节调休 (周日)
    '2026-10-10', // 国庆节调休 (周六)
  ],
};
