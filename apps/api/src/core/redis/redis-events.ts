import { Logger } from '@nestjs/common';
import { safeError } from '../logging/safe-error.js';

interface Emitter {
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** How often a connection that keeps failing may log again. */
const REPEAT_MS = 60_000;

/**
 * Structured log lines for a Redis connection (ioredis client, BullMQ queue or worker) instead of
 * ioredis' "Unhandled error event" on stderr: the first error after being connected, then at most
 * one a minute while it lasts with the number of errors in between, and one line when it is back.
 */
export function logRedisEvents(emitter: Emitter, connection: string, logger = new Logger('Redis')): void {
  let failing = false;
  let lastLogged = 0;
  let suppressed = 0;
  emitter.on('error', (err: Error) => {
    const now = Date.now();
    if (failing && now - lastLogged < REPEAT_MS) {
      suppressed++;
      return;
    }
    logger.warn({ connection, err: safeError(err), repeated: suppressed }, 'redis connection error');
    failing = true;
    lastLogged = now;
    suppressed = 0;
  });
  emitter.on('ready', () => {
    if (failing) logger.log({ connection, errors: suppressed }, 'redis connection restored');
    failing = false;
    suppressed = 0;
  });
}
