import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';

/** Deepest nesting of arrays/objects any request body may have (checked on the raw bytes, before parsing). */
export const MAX_JSON_DEPTH = 32;

/** Why a string cannot be stored: PostgreSQL text refuses NUL, and a lone surrogate is not UTF-8. */
export function badTextReason(s: string): string | undefined {
  if (s.includes('\u0000')) return '不能包含 NUL 字符';
  // String.prototype.isWellFormed is ES2024 (Node ≥ 20); the project's TypeScript lib predates it.
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) return '包含无效的 Unicode 字符（孤立代理项）';
  return undefined;
}

/** The first string (key or value) in a parsed request part that PostgreSQL or UTF-8 would refuse. */
export function findBadText(value: unknown, path: string, depth = 0): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { field: path, message: `${path} ${reason}` } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  // Only plain data (parsed JSON, query, params): never walk class instances such as uploaded files.
  // A parsed query string's object has a prototype without one (fast-querystring's `Empty`).
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) return undefined;
  for (const [key, v] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const keyReason = badTextReason(key);
    if (keyReason) return { field, message: `字段名${keyReason}` };
    const found = findBadText(v, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Global pipe, before validation: a NUL byte or a lone surrogate anywhere in a body, query or path
 * parameter is bad input (400), not a database error (500) after a case code was already drawn.
 */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const found = findBadText(value, metadata.type === 'param' ? (metadata.data ?? 'param') : (metadata.data ?? ''));
    if (found) throw AppError.badRequest('invalid_text', found.message, [found]);
    return value;
  }
}
