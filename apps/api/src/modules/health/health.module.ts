import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { QUEUE_LAG_PROBE, noQueueLag } from './queue-lag.probe.js';

@Module({
  controllers: [HealthController],
  providers: [{ provide: QUEUE_LAG_PROBE, useValue: noQueueLag }],
})
export class HealthModule {}
