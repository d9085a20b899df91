import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { MAX_JSON_DEPTH } from './safe-input.pipe.js';

/** Body size of the anonymous routes (login, refresh, public intake): enough for any honest request. */
export const PUBLIC_BODY_LIMIT = '16kb';
/** Body size of every other JSON route. */
export const JSON_BODY_LIMIT = '1mb';
/** Routes anyone can call without a token: small bodies only. */
export const PUBLIC_PATHS = ['/api/v1/auth', '/open311'];
const OPEN311_PATH = '/open311';

class TooDeepError extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';
  constructor() {
    super(`请求体嵌套层级超过 ${MAX_JSON_DEPTH} 层`);
  }
}

/**
 * Nesting depth of a JSON text, read from the raw bytes in one pass without parsing: brackets inside
 * strings do not count. Stops as soon as `max` is exceeded, so a megabyte of `[` costs microseconds
 * instead of seconds of JSON.parse and validation on the event loop.
 */
export function jsonDepthExceeds(buf: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function verifyDepth(_req: unknown, _res: unknown, buf: Buffer): void {
  if (jsonDepthExceeds(buf)) throw new TooDeepError();
}

/**
 * JSON and form bodies: 16 KB on the anonymous routes, 1 MB elsewhere, and never deeper than
 * MAX_JSON_DEPTH. Registered before Nest's own parsers, which then skip the already-read body.
 */
export function registerBodyParsers(app: NestExpressApplication): void {
  app.use(PUBLIC_PATHS, express.json({ limit: PUBLIC_BODY_LIMIT, verify: verifyDepth }));
  // GeoReport v2 forms carry `attribute[code]=value` (and `attribute[code][]=…` for lists): two levels, no deeper.
  // body-parser's `depth` (strict: deeper answers 400) is missing from its option type, hence the variable.
  const open311Form = { limit: PUBLIC_BODY_LIMIT, extended: true, depth: 2, parameterLimit: 100 };
  app.use(OPEN311_PATH, express.urlencoded(open311Form));
  app.use(PUBLIC_PATHS, express.urlencoded({ limit: PUBLIC_BODY_LIMIT, extended: false }));
  // Nest's option type omits body-parser's `verify`, which it passes through unchanged.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: verifyDepth } as Parameters<NestExpressApplication['useBodyParser']>[1]);
  // Registered explicitly: Nest skips its default form parser once one is in the stack (the public one above).
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: true });
}
