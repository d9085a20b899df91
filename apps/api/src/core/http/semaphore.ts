import { AppError } from '../errors/app-error.js';

/**
 * At most `limit` holders at once, at most `maxQueue` waiting; beyond that `acquire` refuses at once
 * with 503 + a retry hint instead of letting work pile up behind the event loop or thread pool.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number,
    private readonly busyMessage = '服务繁忙，请稍后再试',
  ) {}

  get inUse(): number {
    return this.active;
  }
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `fn` holding one slot; `alwaysWait` queues even beyond maxQueue (trusted, bounded callers). */
  async run<T>(fn: () => Promise<T>, alwaysWait = false): Promise<T> {
    const release = await this.acquire(alwaysWait);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Takes a slot (waiting in line, or refused when the line is full); the returned release is idempotent. */
  async acquire(alwaysWait = false): Promise<() => void> {
    if (this.active < this.limit) this.active++;
    else if (!alwaysWait && this.waiting.length >= this.maxQueue) throw busy(this.busyMessage);
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next waiter
      else this.active--;
    };
  }
}

/** 503 with `retryAfter` seconds for the filter to put into Retry-After. */
export function busy(message: string, retryAfter = 2): AppError {
  return Object.assign(new AppError(503, 'busy', message), { retryAfter });
}
