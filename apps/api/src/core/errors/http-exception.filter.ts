import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { AppError, type ErrorDetail } from './app-error.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: ErrorDetail[];
}

/** Maps every error to `{statusCode, error, message, details?}`; 5xx hide internals and are logged. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, reqId: req.id, path: req.url }, 'unhandled error');
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
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
    return compact({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, details });
  }
  // body-parser and other express middleware errors carry a status (e.g. 400 malformed JSON, 413 too large).
  const e = exception as { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const malformed = e.type === 'entity.parse.failed' || exception instanceof SyntaxError;
    const message = malformed ? 'Malformed JSON in request body' : (e.expose && e.message) || STATUS_CODES[status] || 'Bad request';
    return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: STATUS_CODES[500]!,
    message: 'Internal server error',
  };
}

function compact(body: ErrorBody): ErrorBody {
  if (!body.details?.length) delete body.details;
  if (!body.code) delete body.code;
  return body;
}
