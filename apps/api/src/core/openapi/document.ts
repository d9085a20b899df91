import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import openApiMetadata from '../../openapi-metadata.js';
import { API_KEY_SCHEME, ErrorBody } from './api-docs.decorators.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

let metadataLoaded: Promise<void> | null = null;

/**
 * The OpenAPI document of the app. DTO properties are described as the @nestjs/swagger CLI plugin
 * reads them from their TypeScript types (openapi-metadata.ts, written by `npm run gen:api`; explicit
 * @ApiProperty options win). Bearer auth by default, `security: []` on routes marked `@ApiPublic()`,
 * the device API key on routes marked `@ApiKeyAuth()`, and the shared `ErrorBody` schema. Needs no
 * database (works on a preview app).
 */
export async function createOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  await (metadataLoaded ??= SwaggerModule.loadPluginMetadata(openApiMetadata));
  const config = new DocumentBuilder()
    .setTitle('EcoLoop API')
    .setDescription('生态环境问题发现与整改闭环系统 — HTTP API (DESIGN.md §6)')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, API_KEY_SCHEME)
    .addSecurityRequirements('bearer')
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody] });
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as (NonNullable<typeof item.get> & { 'x-public'?: boolean; 'x-api-key-auth'?: boolean }) | undefined;
      if (!op) continue;
      op.responses.default ??= { description: 'unexpected server error', content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } } };
      if (op['x-api-key-auth']) {
        op.security = [{ [API_KEY_SCHEME]: [] }];
        delete op['x-api-key-auth'];
        delete op['x-public'];
      } else if (op['x-public']) {
        op.security = [];
        delete op['x-public'];
      } else {
        op.security = [{ bearer: [] }];
      }
    }
  }
  return doc;
}
