import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@ecoloop/workflow';

export interface CalendarWarning {
  /** The year whose State Council calendar is not stored. */
  year: number;
  message: string;
}

/**
 * DESIGN §7: the State Council calendar of the current year must be stored, and from 1 November
 * (Asia/Shanghai) next year's too; until it is, deadlines in that year only know the statutory
 * holidays (no 调休), so /health warns and admins are notified (CalendarWatch). The current year
 * comes first: it is the one already planning deadlines wrongly.
 */
@Injectable()
export class CalendarOutlook {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async warning(now = new Date()): Promise<CalendarWarning | null> {
    const [year, month] = shanghaiDate(now).split('-').map(Number);
    const wanted = month >= 11 ? [year, year + 1] : [year];
    const stored: { year: number }[] = await this.db.query(`SELECT DISTINCT year FROM work_calendar WHERE year = ANY ($1::int[])`, [wanted]);
    const missing = wanted.find((y) => !stored.some((s) => s.year === y));
    if (missing === undefined) return null;
    return { year: missing, message: `${missing} 年的国务院节假日安排尚未录入：目前只按法定节假日（无调休）计算工作日，请在“系统管理 → 工作日历”中录入` };
  }
}
