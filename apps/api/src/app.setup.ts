import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './core/config/app-config.js';
import { AppError } from './core/errors/app-error.js';
import { HttpExceptionFilter } from './core/errors/http-exception.filter.js';
import { createValidationPipe } from './core/errors/validation.js';

export const API_PREFIX = 'api/v1';

/** Everything main.ts and the tests both need: prefix, errors, validation, OpenAPI, the web client. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['open311/v2/{*path}'] });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EcoLoop API')
      .setDescription('生态环境问题发现与整改闭环系统 — HTTP API (DESIGN.md §6)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const webDist = config.webDist ? resolve(config.webDist) : undefined;
  if (webDist && existsSync(join(webDist, 'index.html'))) serveWebClient(app, webDist);
}

/** The built client at `/`, with index.html for client-side routes; never for /api paths. */
function serveWebClient(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h', immutable: false });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/open311')) return next();
    if (!req.accepts('html')) return next(AppError.notFound('Resource'));
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
