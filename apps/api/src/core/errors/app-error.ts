import { HttpStatus } from '@nestjs/common';

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  /** The spreadsheet sheet a row error is in (imports). */
  sheet?: string;
  message: string;
}

/**
 * The one error type of the application. Each module throws it with a stable `code`;
 * the HTTP filter maps it to `{statusCode, error, message, details?}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(code: string, message: string, details?: ErrorDetail[]) {
    return new AppError(HttpStatus.BAD_REQUEST, code, message, details);
  }
  static unauthorized(message = '请先登录', code = 'unauthorized') {
    return new AppError(HttpStatus.UNAUTHORIZED, code, message);
  }
  static forbidden(message = '无权进行此操作', code = 'forbidden') {
    return new AppError(HttpStatus.FORBIDDEN, code, message);
  }
  static notFound(what: string, code = 'not_found') {
    return new AppError(HttpStatus.NOT_FOUND, code, `${what}不存在或无权查看`);
  }
  static conflict(code: string, message: string, details?: ErrorDetail[]) {
    return new AppError(HttpStatus.CONFLICT, code, message, details);
  }
  static unprocessable(code: string, message: string, details?: ErrorDetail[]) {
    return new AppError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);
  }
  static unsupportedMedia(message: string) {
    return new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', message);
  }
}
