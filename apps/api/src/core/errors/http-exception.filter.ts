import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { answerMessage } from '@ecoloop/workflow';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '../http/request-path.js';
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

/** Puts an error's body on the wire: the API's JSON shape (`writeJsonError`), or another a path asks for (Open311's). */
export type ErrorWriter = (body: ErrorBody, req: FastifyRequest, res: FastifyReply) => void;

export const writeJsonError: ErrorWriter = (body, _req, res) => {
  res.status(body.statusCode).type('application/json; charset=utf-8').send(JSON.stringify(body));
};

/**
 * Maps every error to `{statusCode, error, code, message, details?}` (or to the shape `writerOf` picks
 * for the request). A 5xx hides internals and is logged here, once (the request logger stays silent on
 * 5xx), through safeError: no SQL, parameters or driver messages, which would put reporters' names and
 * phone numbers into the logs.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly writerOf: (req: FastifyRequest) => ErrorWriter = () => writeJsonError) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    sendError(exception, req, ctx.getResponse<FastifyReply>(), this.writerOf(req));
  }
}

const logger = new Logger('HttpExceptionFilter');

/** Answers `exception` (the error shape unless `write` says otherwise). */
export function sendError(exception: unknown, req: FastifyRequest, res: FastifyReply, write: ErrorWriter = writeJsonError): void {
  const body = toErrorBody(exception);
  if (body.statusCode >= 500) {
    logger.error({ err: safeError(exception), reqId: req.id, method: req.method, path: pathOf(req.url), statusCode: body.statusCode }, 'unhandled error');
  }
  if (res.sent || res.raw.headersSent) return;
  const retryAfter = (exception as { retryAfter?: unknown })?.retryAfter;
  if (typeof retryAfter === 'number' && !res.hasHeader('Retry-After')) res.header('Retry-After', String(retryAfter));
  write(body, req, res);
}

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
    // Nest maps Fastify's own errors (415 media type, 413 body too large…) to an HttpException: the status names them.
    return compact({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, code: codeOfStatus(status), details });
  }
  // Other errors that carry a 4xx status (a library's, a stream's): the status says what happened.
  const e = exception as { status?: number; statusCode?: number };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: STATUS_CODES[status] ?? 'Bad request', code: codeOfStatus(status) };
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
