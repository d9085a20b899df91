import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../core/auth/access.decorators.js';
import { REDIS } from '../../core/redis/redis.module.js';
import { CalendarOutlook } from '../deadlines/calendar-outlook.js';
import { HealthDto } from './dto/health.dto.js';
import { QUEUE_LAG_PROBE, type QueueLagProbe } from './queue-lag.probe.js';
import { ApiPublic, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

type Check = HealthDto['db'];

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(QUEUE_LAG_PROBE) private readonly queueLag: QueueLagProbe,
    private readonly calendar: CalendarOutlook,
  ) {}

  /** 200 when PostgreSQL and Redis answer, 503 otherwise; with queue lag when jobs run here. */
  @Public()
  @Get()
  @ApiPublic()
  @ApiSummary('Liveness and readiness: PostgreSQL, Redis, job queue lag')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'a dependency is down' })
  async health(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthDto> {
    const [db, redis] = await Promise.all([
      timed(() => this.db.query('SELECT 1')),
      timed(() => this.redis.ping()),
    ]);
    const ok = db.status === 'ok' && redis.status === 'ok';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    // A missing calendar for next year is a warning (DESIGN §7), not an outage.
    const calendar = db.status === 'ok' ? await this.calendar.warning().catch(() => null) : null;
    return {
      status: ok ? 'ok' : 'down',
      db,
      redis,
      queue: await this.queueLag.lag().catch(() => null),
      ...(calendar ? { warnings: [{ code: 'calendar_missing', year: calendar.year, message: calendar.message }] } : {}),
    };
  }
}

async function timed(fn: () => Promise<unknown>): Promise<Check> {
  const start = performance.now();
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - start) };
  } catch (e) {
    return { status: 'down', error: (e as Error).message };
  }
}
