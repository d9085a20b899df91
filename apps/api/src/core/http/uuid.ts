import { isUUID } from 'class-validator';

/**
 * Whether a value is a UUID in its text form (8-4-4-4-12 hex digits; the nil and max UUIDs and
 * versions 1–8), the one test every id from outside passes before it reaches a query: anything
 * else names no row (and PostgreSQL would refuse it with a 500).
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && isUUID(value, 'all');
}
