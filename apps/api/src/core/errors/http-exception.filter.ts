import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { answerMessage } from '@ecoloop/workflow';
import type { Request, Response } from 'express';
import { safeError } from '../logging/safe-error.js';
import { AppError, type ErrorDetail } from './app-error.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: string;
  details?: ErrorDetail[];
}

/** The code of an answer that was given none (the router's 404, a throttler's 429…): its status, in words. */
export function codeOfStatus(status: number): string {
  if (status === 422) return 'unprocessable';
  return (STATUS_CODES[status] ?? 'error')
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Maps every error to `{statusCode, error, code, message, details?}`. A 5xx hides internals and is logged
 * here, once (the request logger stays silent on 5xx), through safeError: no SQL, parameters or
 * driver messages, which would put reporters' names and phone numbers into the logs.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendError(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }
}

const logger = new Logger('HttpExceptionFilter');

/** Answers `exception` in the error shape; used by the filter and by the fallbacks outside Nest's routes. */
export function sendError(exception: unknown, req: Request & { id?: unknown }, res: Response): void {
  const body = toErrorBody(exception);
  if (body.statusCode >= 500) {
    logger.error({ err: safeError(exception), reqId: req.id, method: req.method, path: req.path, statusCode: body.statusCode }, 'unhandled error');
  }
  if (res.headersSent) return;
  const retryAfter = (exception as { retryAfter?: unknown })?.retryAfter;
  if (typeof retryAfter === 'number' && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(retryAfter));
  res.status(body.statusCode).json(body);
}

/** Stable codes for the body parser's own errors. */
const MIDDLEWARE_CODES: Record<string, string> = { 'entity.too.large': 'payload_too_large', 'entity.too.deep': 'too_deep', 'entity.parse.failed': 'invalid_json' };

/**
 * The error body, its message always Chinese (DESIGN §6): the thrown text when it is Chinese, else the
 * zh-CN catalogue's text for its code (libs/workflow error-messages.ts), else the status's.
 */
export function toErrorBody(exception: unknown): ErrorBody {
  const body = rawErrorBody(exception);
  body.message = answerMessage(body.statusCode, body.code, body.message);
  return body;
}

function rawErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof AppError) {
    return compact({
      statusCode: exception.status,
      error: STATUS_CODES[exception.status] ?? 'Error',
      message: exception.message,
      code: exception.code,
      details: exception.details,
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    let message = exception.message;
    let details: ErrorDetail[] | undefined;
    if (typeof response === 'object' && response) {
      const r = response as { message?: unknown; details?: ErrorDetail[] };
      if (typeof r.message === 'string') message = r.message;
      else if (Array.isArray(r.message)) message = r.message.join('; ');
      details = r.details;
    }
    // Nest maps body-parser's SyntaxError to a BadRequestException carrying it as the cause.
    if (exception.cause instanceof SyntaxError) message = 'Malformed JSON in request body';
    const code = exception.cause instanceof SyntaxError ? 'invalid_json' : (MIDDLEWARE_CODES[(exception.cause as { type?: string } | undefined)?.type ?? ''] ?? codeOfStatus(status));
    return compact({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code, details });
  }
  // body-parser and other express middleware errors carry a status (e.g. 400 malformed JSON, 413 too large).
  const e = exception as { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const malformed = e.type === 'entity.parse.failed' || exception instanceof SyntaxError;
    const message = malformed ? 'Malformed JSON in request body' : (e.expose && e.message) || STATUS_CODES[status] || 'Bad request';
    const code = malformed ? 'invalid_json' : (MIDDLEWARE_CODES[e.type ?? ''] ?? codeOfStatus(status));
    return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: STATUS_CODES[500]!,
    message: 'Internal server error',
    code: 'internal_error',
  };
}

function compact(body: ErrorBody): ErrorBody {
  if (!body.details?.length) delete body.details;
  return body;
}
