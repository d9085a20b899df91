import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module.js';
import { HealthController } from './health.controller.js';

/** QUEUE_LAG_PROBE comes from DeadlinesModule (the deadline queue's lag). */
@Module({
  imports: [DeadlinesModule],
  controllers: [HealthController],
})
export class HealthModule {}
