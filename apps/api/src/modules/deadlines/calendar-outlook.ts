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
 * DESIGN §7: from 1 November (Asia/Shanghai) next year's State Council calendar should be stored;
 * until it is, deadlines in that year only know the statutory holidays (no 调休), so /health warns
 * and admins are notified (CalendarWatch).
 */
@Injectable()
export class CalendarOutlook {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async warning(now = new Date()): Promise<CalendarWarning | null> {
    const [year, month] = shanghaiDate(now).split('-').map(Number);
    if (month < 11) return null;
    const next = year + 1;
    const [{ stored }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM work_calendar WHERE year = $1) AS stored`, [next]);
    if (stored) return null;
    return { year: next, message: `${next} 年的国务院节假日安排尚未录入：目前只按法定节假日（无调休）计算工作日，请在“系统管理 → 工作日历”中录入` };
  }
}
