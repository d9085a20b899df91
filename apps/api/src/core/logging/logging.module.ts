import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, Injectable, type LoggerService, Module } from '@nestjs/common';
import { pino, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppConfig } from '../config/app-config.js';

/** The logger of the request being handled (a pino child carrying its id). */
const requestLogger = new AsyncLocalStorage<Logger>();

/**
 * Structured logs (pino, JSON lines) with a request id taken from X-Request-Id or generated, and no
 * secrets. Nest's own logging goes through `AppLogger` (app.useLogger), with the request id while a
 * request is handled; `httpMiddleware` logs each request once it is answered.
 */
@Injectable()
export class AppLogger implements LoggerService {
  private readonly root: Logger;
  readonly httpMiddleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

  constructor(config: AppConfig) {
    this.root = pino({
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refreshToken'],
    });
    const http = pinoHttp({
      logger: this.root,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // One short line per request at info: no headers (tokens, cookies, user agents), no query strings.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // A 5xx is logged once, by HttpExceptionFilter (with the error made log-safe), not again here.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'silent' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
    });
    this.httpMiddleware = (req, res, next) => http(req, res, () => requestLogger.run(req.log, next));
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
    const log = requestLogger.getStore() ?? this.root;
    if (!log.isLevelEnabled(level)) return;
    const context = typeof params.at(-1) === 'string' ? params.pop() : undefined;
    const fields = { context, ...extra, ...(params.length ? { params } : {}) };
    if (message instanceof Error) log[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) log[level]({ ...fields, ...message });
    else log[level](fields, String(message));
  }
}

@Global()
@Module({ providers: [AppLogger], exports: [AppLogger] })
export class LoggingModule {}
