import { Global, Module } from '@nestjs/common';
import { QUEUE_LAG_PROBE } from '../health/queue-lag.probe.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarOutlook } from './calendar-outlook.js';
import { DeadlinePlanner } from './deadline-planner.service.js';
import { DeadlinePoliciesController } from './deadline-policies.controller.js';
import { DEADLINE_SCHEDULER } from './deadline-scheduler.js';
import { DeadlineStatsController } from './deadline-stats.controller.js';
import { DeadlinesAdminRepository } from './deadlines-admin.repository.js';
import { DeadlinesAdminService } from './deadlines-admin.service.js';
import { BullDeadlineScheduler } from './jobs/bull-deadline-scheduler.js';
import { DeadlineQueueLagProbe } from './jobs/deadline-queue-lag.probe.js';
import { DeadlineQueue } from './jobs/deadline-queue.js';
import { DeadlineTimersRepository } from './jobs/deadline-timers.repository.js';

/**
 * Deadlines: planning (policy + working-day calendar), the BullMQ queue that wakes them up after
 * commit (DEADLINE_SCHEDULER), the queue-lag probe of GET /health, and the admin and figures
 * endpoints. Global, so the cases module plans and schedules through it. The worker and the
 * reconciler are in DeadlineJobsModule (jobs/).
 */
@Global()
@Module({
  controllers: [CalendarController, DeadlinePoliciesController, DeadlineStatsController],
  providers: [
    DeadlinePlanner,
    DeadlineQueue,
    DeadlineTimersRepository,
    BullDeadlineScheduler,
    { provide: DEADLINE_SCHEDULER, useExisting: BullDeadlineScheduler },
    DeadlineQueueLagProbe,
    { provide: QUEUE_LAG_PROBE, useExisting: DeadlineQueueLagProbe },
    DeadlinesAdminRepository,
    DeadlinesAdminService,
    CalendarOutlook,
  ],
  exports: [CalendarOutlook, DeadlinePlanner, DEADLINE_SCHEDULER, QUEUE_LAG_PROBE, DeadlineQueue, DeadlineTimersRepository],
})
export class DeadlinesModule {}
