import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type INestApplication, NotFoundException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from './core/config/app-config.js';
import { AppError } from './core/errors/app-error.js';
import { AppLogger } from './core/logging/logging.module.js';
import { HttpExceptionFilter, sendError } from './core/errors/http-exception.filter.js';
import { createValidationPipe } from './core/errors/validation.js';
import { registerBodyParsers } from './core/http/body-limits.js';
import { registerSecurityHeaders } from './core/http/security-headers.js';
import { SafeInputPipe } from './core/http/safe-input.pipe.js';
import { createOpenApiDocument } from './core/openapi/document.js';

export const API_PREFIX = 'api/v1';

/** Everything main.ts and the tests both need: prefix, errors, validation, OpenAPI, the web client. */
export async function configureApp(app: NestExpressApplication): Promise<void> {
  const config = app.get(AppConfig);
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.use(logger.httpMiddleware);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // API answers change with every write: a weak ETag over each body costs a hash per request for nothing.
  app.set('etag', false);
  registerSecurityHeaders(app);
  registerBodyParsers(app);
  applyRoutePrefix(app);
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  app.enableShutdownHooks();

  const document = await createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const webDist = config.webDist ? resolve(config.webDist) : undefined;
  if (webDist && existsSync(join(webDist, 'index.html'))) serveWebClient(app, webDist);
}

/**
 * After `app.init()`: Nest answers unknown routes and middleware errors only under its prefix;
 * everything else (a path outside /api, Open311's body errors) is answered here, after the routes,
 * in the same shape.
 */
export function registerFallbacks(app: NestExpressApplication): void {
  app.use((req: Request, _res: Response, next: NextFunction) => next(new NotFoundException(`Cannot ${req.method} ${req.path}`)));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => sendError(err, req, res));
}

/** `/api/v1` before every route but Open311's (the OpenAPI document needs it too). */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['open311/v2/{*path}'] });
}

/** The built client at `/`, with index.html for client-side routes; never for /api paths. */
function serveWebClient(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h', immutable: false });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.startsWith('/open311')) return next();
    if (!req.accepts('html')) return next(AppError.notFound('资源'));
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
