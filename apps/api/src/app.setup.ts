import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from './core/config/app-config.js';
import { AppError } from './core/errors/app-error.js';
import { type ErrorWriter, HttpExceptionFilter, sendError, writeJsonError } from './core/errors/http-exception.filter.js';
import { createValidationPipe } from './core/errors/validation.js';
import { JSON_BODY_LIMIT, registerBodyParsers } from './core/http/body-limits.js';
import { pathOf } from './core/http/request-path.js';
import { registerSecurityHeaders, setSecurityHeaders } from './core/http/security-headers.js';
import { SafeInputPipe } from './core/http/safe-input.pipe.js';
import { AppLogger, requestIdOf } from './core/logging/logging.module.js';
import { createOpenApiDocument } from './core/openapi/document.js';
import { writeGeoReportError } from './modules/open311/open311.format.js';

export const API_PREFIX = 'api/v1';
/** The longest one request may take to arrive, a 50 MB ledger on a slow line included. */
export const REQUEST_TIMEOUT_MS = 300_000;

/**
 * The HTTP server: Fastify (issue [1/10]: Express, its router and body parsers took about 13 % of the
 * API's CPU per case action). Routing as Express did it: a trailing slash is ignored, and a path
 * parameter may be long (a wrong id of 300 characters is the id pipe's 404, not the router's 414). The
 * request id is the gateway's X-Request-Id when well-formed; the client address honours TRUST_PROXY.
 * What the router refuses before any hook runs (a malformed URL, a parameter over 1,000 characters)
 * is answered in the error shape, with the security headers.
 */
export function createHttpAdapter(config: Pick<AppConfig, 'trustProxy'>): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: trustProxyOf(config.trustProxy),
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: requestIdOf,
    // Node's own limit on one request, headers and body (Fastify turns it off): a body trickled in
    // a byte a minute does not hold its connection for ever.
    requestTimeout: REQUEST_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 1000 },
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
      setSecurityHeaders(req, reply.raw);
      sendError(error, req, reply, errorWriterOf(req));
    },
  });
}

/**
 * Paths under /open311/ answer every error as GeoReport v2 errors, also what fails before a route is
 * reached (a body too large or too deep, an unknown resource): a GeoReport client reads one error shape.
 */
function errorWriterOf(req: FastifyRequest): ErrorWriter {
  return pathOf(req.url).startsWith('/open311/') ? writeGeoReportError : writeJsonError;
}

/**
 * TRUST_PROXY as Express read it: a hop count trusts that many proxies nearest the server (Fastify
 * alone would trust none for a number).
 */
function trustProxyOf(setting: AppConfig['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** Everything main.ts and the tests both need: prefix, errors, validation, OpenAPI, the web client. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  const logRequest = logger.httpMiddleware;
  app.getHttpAdapter().getInstance().addHook('onRequest', (req, reply, done) => {
    (req.raw as { id?: string }).id = req.id;
    logRequest(req.raw, reply.raw, done);
  });
  registerSecurityHeaders(app);
  registerBodyParsers(app);
  applyRoutePrefix(app);
  app.useGlobalFilters(new HttpExceptionFilter(errorWriterOf));
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  app.enableShutdownHooks();

  const document = await createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  const webDist = config.webDist ? resolve(config.webDist) : undefined;
  if (webDist && existsSync(join(webDist, 'index.html'))) serveWebClient(app, webDist);
}

/** `/api/v1` before every route but Open311's (the OpenAPI document needs it too). */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['open311/v2/{*path}'] });
}

/**
 * The built client at `/`, with index.html for client-side routes; never for /api or /open311 paths,
 * nor for a client that does not take HTML: those get the 404 of every unknown route.
 */
function serveWebClient(app: NestFastifyApplication, dir: string): void {
  // The files as they are at start (no wildcard route of the plugin's own); OpenAPI's assets decorate the reply already.
  app.useStaticAssets({ root: dir, prefix: '/', index: false, wildcard: false, maxAge: '1h', decorateReply: false });
  const index = join(dir, 'index.html');
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (req, reply) => {
      const path = req.url;
      if (path.startsWith('/api') || path.startsWith('/open311')) return reply.callNotFound();
      const accept = req.headers.accept;
      if (accept && !/text\/html|\*\/\*/.test(accept)) throw AppError.notFound('资源');
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(createReadStream(index));
    });
}
