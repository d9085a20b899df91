import { HttpStatus, Injectable } from '@nestjs/common';
import { AppError } from '../../core/errors/app-error.js';
import { RedisThrottlerStorage } from '../../core/redis/redis-throttler.storage.js';

const PUBLIC_LIMIT_PER_HOUR = 30;

/**
 * Anonymous public intake: at most 30 reports an hour from one address (clients with an Open311
 * api_key are not limited here). Counted in the service, after the multipart body is read, since
 * the api_key may come in it.
 */
@Injectable()
export class PublicIntakeLimit {
  constructor(private readonly storage: RedisThrottlerStorage) {}

  async hit(ip: string): Promise<void> {
    const { totalHits } = await this.storage.increment(ip || 'unknown', 3_600_000, PUBLIC_LIMIT_PER_HOUR, 0, 'open311');
    if (totalHits > PUBLIC_LIMIT_PER_HOUR) throw new AppError(HttpStatus.TOO_MANY_REQUESTS, 'too_many_requests', '该地址提交过于频繁，请稍后再试');
  }
}
