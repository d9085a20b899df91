import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { AppError } from '../../core/errors/app-error.js';
import { Semaphore } from '../../core/http/semaphore.js';

/** Exports building at once in this process; a few more wait, beyond that 503 + Retry-After. */
export const EXPORTS_AT_ONCE = 2;
const EXPORTS_WAITING = 8;
/** Rows written between two turns of the event loop, so that other requests are served meanwhile. */
const ROWS_PER_TURN = 20;

/**
 * Ledger exports build an .xlsx on the main thread: bounded globally (a semaphore) and to one running
 * export per user (a second one is 429), and the row loop yields to the event loop regularly.
 */
export class ExportLimiter {
  private readonly global = new Semaphore(EXPORTS_AT_ONCE, EXPORTS_WAITING, '导出任务繁忙，请稍后再试');
  private readonly running = new Set<string>();

  /** A slot for `userId`'s export; call the returned function when its file is written (idempotent). */
  async acquire(userId: string): Promise<() => void> {
    if (this.running.has(userId)) {
      throw Object.assign(new AppError(429, 'too_many_requests', '您已有一个导出正在进行，请完成后再试'), { retryAfter: 5 });
    }
    this.running.add(userId);
    try {
      const release = await this.global.acquire();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        this.running.delete(userId);
        release();
      };
    } catch (err) {
      this.running.delete(userId);
      throw err;
    }
  }

  get inUse(): number {
    return this.global.inUse;
  }
}

/** The rows, handing the event loop back every ROWS_PER_TURN rows. */
export async function* yieldingRows<T>(rows: Iterable<T>): AsyncIterable<T> {
  let n = 0;
  for (const row of rows) {
    yield row;
    if (++n % ROWS_PER_TURN === 0) await yieldToLoop();
  }
}
