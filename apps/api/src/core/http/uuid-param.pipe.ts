import { HttpStatus, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';
import { isUuid } from './uuid.js';

/**
 * A path id must be a real UUID (8-4-4-4-12 hex digits). Anything else names no resource: 404,
 * as before, but decided here, before any query (PostgreSQL would refuse `------…` with a 500).
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (!isUuid(value)) {
      const field = metadata.data ?? 'id';
      throw new AppError(HttpStatus.NOT_FOUND, 'not_found', `${field} 不是有效的 UUID，资源不存在`, [{ field, message: '不是有效的 UUID' }]);
    }
    return value.toLowerCase();
  }
}
