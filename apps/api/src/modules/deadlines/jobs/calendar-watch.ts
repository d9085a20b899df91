import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import { CalendarOutlook } from '../calendar-outlook.js';

const EVERY_MS = 6 * 3600_000;

/** Notifies the admins, once per year and admin, that next year's calendar is missing (from 1 November). */
@Injectable()
export class CalendarWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CalendarWatch.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly outlook: CalendarOutlook,
    private readonly notifications: NotificationsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    const run = () => void this.check().catch((err: Error) => this.logger.warn(`calendar check: ${err.message}`));
    run();
    this.timer = setInterval(run, EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Returns how many admins were notified now (0 when nothing is missing or all already were). */
  async check(now = new Date()): Promise<number> {
    const warning = await this.outlook.warning(now);
    if (!warning) return 0;
    const regions: { code: string }[] = await this.db.query(`SELECT DISTINCT region_code AS code FROM app_user WHERE 'admin' = ANY (roles) AND active`);
    if (regions.length === 0) return 0;
    const inserted = await this.notifications.insertForAudiences(this.db.manager, [
      {
        dedupePrefix: `calendar-missing:${warning.year}`,
        caseId: null,
        kind: 'calendar_missing',
        title: `请录入 ${warning.year} 年工作日历`,
        body: warning.message,
        handlersOfUnitId: null,
        staffRegionCodes: regions.map((r) => r.code),
        staffRoles: ['admin'],
      },
    ]);
    if (inserted.length) this.logger.warn({ year: warning.year, admins: inserted.length }, 'calendar missing: admins notified');
    return inserted.length;
  }
}
