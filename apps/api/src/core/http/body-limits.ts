import { parse as parseSimpleForm } from 'node:querystring';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import qs from 'qs';
import { AppError } from '../errors/app-error.js';
import { MAX_JSON_DEPTH } from './safe-input.pipe.js';

/** Body size of the anonymous routes (login, refresh, public intake): enough for any honest request. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
/** Body size of every other JSON or form route. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Routes anyone can call without a token: small bodies only. */
export const PUBLIC_PATHS = ['/api/v1/auth', '/open311'];
const OPEN311_PATH = '/open311';

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

/** A JSON body: never deeper than MAX_JSON_DEPTH; an empty one is `{}`, as a form without fields. */
async function parseJson(_req: FastifyRequest, body: Buffer): Promise<unknown> {
  if (body.length === 0) return {};
  if (jsonDepthExceeds(body)) throw new AppError(400, 'too_deep', `请求体嵌套层级超过 ${MAX_JSON_DEPTH} 层`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError(400, 'invalid_json', '提交的内容不是有效的 JSON');
  }
}

/**
 * A form body. GeoReport v2 forms carry `attribute[code]=value` (and `attribute[code][]=…` for lists):
 * two levels, no deeper, at most 100 fields. The other anonymous routes take flat fields only; the
 * signed-in routes take nested fields as qs reads them.
 */
async function parseForm(req: FastifyRequest, body: Buffer): Promise<unknown> {
  const text = body.toString('utf8');
  const url = req.url;
  try {
    if (url.startsWith(OPEN311_PATH)) return qs.parse(text, { depth: 2, strictDepth: true, parameterLimit: 100, throwOnLimitExceeded: true });
    if (isPublic(url)) return { ...parseSimpleForm(text) };
    return qs.parse(text);
  } catch (err) {
    // qs's own limits (strictDepth, throwOnLimitExceeded) throw RangeErrors naming the limit.
    const message = (err as Error).message;
    if (/parameter/i.test(message)) throw new AppError(413, 'payload_too_large', '表单字段过多');
    if (/depth/i.test(message)) throw new AppError(400, 'too_deep', '表单字段嵌套层级过深');
    throw AppError.badRequest('validation_failed', '表单内容有误');
  }
}

function isPublic(url: string): boolean {
  return PUBLIC_PATHS.some((p) => url.startsWith(p));
}

/**
 * JSON and form bodies: 16 KB on the anonymous routes, 1 MB elsewhere (Fastify's per-route
 * `bodyLimit`, set as each route is added, so before `app.init()`), never deeper than MAX_JSON_DEPTH.
 * A body over its limit is refused from its Content-Length or as it streams in, before it is parsed.
 * Multipart bodies are the upload routes' own (`diskUploads`).
 */
export function registerBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (isPublic(route.url)) route.bodyLimit = PUBLIC_BODY_LIMIT;
  });
  // No route reads plain text: a text body is refused (415) rather than handed to validation as a string.
  fastify.removeContentTypeParser('text/plain');
  // Both parsers are async: Nest's runner completes the parse with the value, or with the error they throw.
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, parseJson);
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: JSON_BODY_LIMIT }, parseForm);
}
