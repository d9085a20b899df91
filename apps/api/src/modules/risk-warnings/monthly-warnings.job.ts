import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { shanghaiDate } from '@ecoloop/workflow';
import { AppConfig } from '../../core/config/app-config.js';
import { DeadlinePlanner } from '../deadlines/deadline-planner.service.js';
import { RiskWarningsService, type IssueResult } from './risk-warnings.service.js';
import { previousMonth, shanghaiMonth } from '../../core/months.js';

/** How often a worker looks whether last month's warnings are due (the first check waits as long). */
export const WARNINGS_CHECK_MS = 3_600_000;

/**
 * The monthly job (DESIGN §7, §12): in the worker role, every hour, from the first working day of a
 * month (Asia/Shanghai, the work calendar), issues the previous month's warnings. Issuing is
 * idempotent and serialised per month in the database, so with several workers each county and
 * month is issued exactly once; a worker that was down on the day catches up on its next check.
 */
@Injectable()
export class MonthlyWarningsJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MonthlyWarningsJob.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly planner: DeadlinePlanner,
    private readonly warnings: RiskWarningsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.timer = setInterval(() => void this.check().catch((err: Error) => this.logger.warn(`monthly warnings: ${err.message}`)), WARNINGS_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Issues the previous month when `now` is on or after this month's first working day; null otherwise. */
  async check(now = new Date()): Promise<IssueResult | null> {
    const month = shanghaiMonth(now);
    if (shanghaiDate(now) < (await this.firstWorkingDay(month))) return null;
    return this.warnings.issue(previousMonth(month), now);
  }

  async firstWorkingDay(month: string): Promise<string> {
    const calendar = await this.planner.calendar();
    for (let day = 1; day <= 28; day += 1) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      if (calendar.isWorkingDay(date)) return date;
    }
    return `${month}-01`;
  }
}
