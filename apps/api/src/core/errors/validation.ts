import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, type ErrorDetail } from './app-error.js';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global pipe: unknown fields are refused, payloads are transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return AppError.badRequest('validation_failed', details.map((d) => d.message).join('; ') || 'Validation failed', details);
    },
  });
}
