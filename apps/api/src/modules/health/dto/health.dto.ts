import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty({ enum: ['ok', 'down'] }) status!: 'ok' | 'down';
  latencyMs?: number;
  error?: string;
}

export class QueueLagDto {
  waiting!: number;
  delayedDue!: number;
  @ApiProperty({ type: Number, nullable: true }) oldestDueMs!: number | null;
}

/** GET /health: 200 when PostgreSQL and Redis answer, 503 (same body) otherwise. */
@ApiExtraModels(QueueLagDto)
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'down'] }) status!: 'ok' | 'down';
  @ApiProperty({ type: HealthCheckDto }) db!: HealthCheckDto;
  @ApiProperty({ type: HealthCheckDto }) redis!: HealthCheckDto;
  @ApiProperty({ nullable: true, allOf: [{ $ref: getSchemaPath(QueueLagDto) }], description: 'null where no jobs run' }) queue!: QueueLagDto | null;
}
