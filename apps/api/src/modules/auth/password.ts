import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';
import { Semaphore } from '../../core/http/semaphore.js';

/** argon2id with OWASP-recommended parameters. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 runs on libuv's thread pool (19 MB and ~50 ms each): a flood of logins would queue every
 * file and DNS operation behind it and make a real login wait seconds. At most one hash per core
 * runs at once, a few wait (a real login waits a few hashes at most); more are refused at once (503 + Retry-After).
 */
export const argon2Slots = new Semaphore(Math.max(1, Math.min(4, availableParallelism())), 8, '登录请求过多，请稍后再试');

export function hashPassword(password: string): Promise<string> {
  // Hashing is for administrators and the seed, never anonymous: it waits rather than being refused.
  return argon2Slots.run(() => argon2.hash(password, ARGON2_OPTIONS), true);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2Slots.run(() => argon2.verify(hash, password).catch(() => false));
}
