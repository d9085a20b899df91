import { Module } from '@nestjs/common';
import { CasesModule } from '../../cases/cases.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { CalendarWatch } from './calendar-watch.js';
import { DeadlineReconciler } from './deadline.reconciler.js';
import { DeadlineTimersService } from './deadline-timers.service.js';
import { DeadlineWorker } from './deadline.worker.js';

/**
 * What runs the timers: the BullMQ worker and the reconciler (both idle in role `api`), and the
 * processing they share. The queue, the scheduler and the SQL live in DeadlinesModule (global),
 * which the cases module uses to wake new deadlines up.
 */
@Module({
  imports: [CasesModule, NotificationsModule],
  providers: [DeadlineTimersService, DeadlineWorker, DeadlineReconciler, CalendarWatch],
  exports: [CalendarWatch, DeadlineTimersService, DeadlineReconciler, DeadlineWorker],
})
export class DeadlineJobsModule {}
