import { Global, Module } from '@nestjs/common';
import { DEADLINE_SCHEDULER, noopDeadlineScheduler } from './deadline-scheduler.js';
import { DeadlinePlanner } from './deadline-planner.service.js';

@Global()
@Module({
  providers: [DeadlinePlanner, { provide: DEADLINE_SCHEDULER, useValue: noopDeadlineScheduler }],
  exports: [DeadlinePlanner, DEADLINE_SCHEDULER],
})
export class DeadlinesModule {}
