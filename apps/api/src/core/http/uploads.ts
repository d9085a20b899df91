import { join, resolve } from 'node:path';
import { type MultipartLimits, MultipartModule } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config.js';

/**
 * A module's uploads: streamed to disk under the storage's `tmp` folder (never into memory), to be
 * sniffed, hashed and moved or read afterwards; file names read as UTF-8, as browsers send them.
 */
export function diskUploads(limits: MultipartLimits | ((config: AppConfig) => MultipartLimits)) {
  return MultipartModule.registerAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
      dest: join(resolve(config.storageDir), 'tmp'),
      defParamCharset: 'utf8',
      limits: typeof limits === 'function' ? limits(config) : limits,
    }),
  });
}
