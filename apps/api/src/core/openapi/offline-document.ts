import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../app.module.js';
import { applyRoutePrefix } from '../../app.setup.js';
import { createOpenApiDocument } from './document.js';

/**
 * The same document the running API serves at /api/docs-json, built without a database or Redis:
 * Nest's preview mode registers the routes but instantiates no provider.
 */
export async function buildOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false });
  try {
    applyRoutePrefix(app);
    return await createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
