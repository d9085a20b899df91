import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, Injectable, type LoggerService, Module } from '@nestjs/common';
import { pino, type Level, type Logger } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { pathOf } from '../http/request-path.js';

type HttpMiddleware = (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => void;

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** The request's id: a well-formed X-Request-Id from the client or gateway, else a new one (Fastify's `genReqId`). */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Structured logs (pino, JSON lines) and no secrets. Nest's own logging goes through `AppLogger`
 * (app.useLogger); `httpMiddleware` gives each request an id (X-Request-Id, taken or made) and logs
 * it once it is answered. The 5xx log of HttpExceptionFilter carries the same id.
 *
 * The id is not carried into other log lines by an AsyncLocalStorage: on Node 20 that runs a hook
 * for every promise of every request, and with pino-http's child logger per request it cost about
 * 8 % of the API's CPU per case action (bench:write profile, issue [1/10]).
 */
@Injectable()
export class AppLogger implements LoggerService {
  private readonly root: Logger;
  readonly httpMiddleware: HttpMiddleware;

  constructor(config: AppConfig) {
    this.root = pino({
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
    });
    this.httpMiddleware = requestLogging(this.root);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  /** Nest calls error(message, stack?, context?). */
  error(message: unknown, ...params: unknown[]): void {
    const stack = params.length > 1 || (typeof params[0] === 'string' && params[0].includes('\n    at ')) ? params.shift() : undefined;
    this.write('error', message, params, stack ? { stack } : {});
  }

  /** The last string parameter is Nest's context (the logging class). */
  private write(level: Level, message: unknown, params: unknown[], extra: Record<string, unknown> = {}): void {
    if (!this.root.isLevelEnabled(level)) return;
    const context = typeof params.at(-1) === 'string' ? params.pop() : undefined;
    const fields = { context, ...extra, ...(params.length ? { params } : {}) };
    if (message instanceof Error) this.root[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.root[level]({ ...fields, ...message });
    else this.root[level](fields, String(message));
  }
}

/**
 * One short line per answered request, at info (warn for a 4xx): id, method, path without its query,
 * status and time taken; never headers (tokens, cookies, user agents) or bodies. A 5xx is logged
 * once, by HttpExceptionFilter (with the error made log-safe), not again here; health checks are not
 * logged; a request whose client went away before the answer is logged as aborted.
 */
export function requestLogging(log: Logger): HttpMiddleware {
  return (req, res, next) => {
    const id = (req.id ??= requestIdOf(req));
    res.setHeader('X-Request-Id', id);
    const url = req.url ?? '';
    if (url === '/api/v1/health') return next();
    const started = performance.now();
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const level: Level = aborted || (res.statusCode >= 400 && res.statusCode < 500) ? 'warn' : 'info';
      if (res.statusCode >= 500 || !log.isLevelEnabled(level)) return;
      log[level](
        { reqId: id, req: { method: req.method, url: pathOf(url) }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) },
        aborted ? 'request aborted' : 'request completed',
      );
    });
    next();
  };
}

@Global()
@Module({ providers: [AppLogger], exports: [AppLogger] })
export class LoggingModule {}
