import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CASE_ACTIONS, PETITION_ACTIONS } from '@ecoloop/workflow';
import { CLIENT_TYPES_PATH, renderClientTypes } from '../client-types.js';
import { buildOfflineOpenApiDocument } from '../offline-document.js';

const ROOT = join(__dirname, '../../../../../..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Op = { summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }>; parameters?: { in: string; name: string; schema?: { enum?: string[] } }[] };

function operations(doc: OpenAPIObject): [string, Op][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => [`${m.toUpperCase()} ${path}`, (item as Record<string, Op>)[m]] as [string, Op]),
  );
}

describe('OpenAPI document (the generated web client depends on it)', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await buildOfflineOpenApiDocument();
  });

  it('types every schema property (nullable fields included)', () => {
    const untyped: string[] = [];
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      for (const [prop, raw] of Object.entries((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {})) {
        const p = (raw.items as Record<string, unknown> | undefined) ?? raw;
        const typed = p.$ref || p.allOf || p.oneOf || p.enum || (p.type && (p.type !== 'object' || p.properties || p.additionalProperties));
        if (!typed) untyped.push(`${name}.${prop}`);
      }
    }
    expect(untyped).toEqual([]);
  });

  it('gives every operation a summary, a 2xx body and error responses', () => {
    const missing: string[] = [];
    for (const [name, op] of operations(doc)) {
      if (!op.summary) missing.push(`${name}: summary`);
      const ok = Object.entries(op.responses).find(([code]) => /^2/.test(code));
      if (!ok || (ok[0] !== '204' && !Object.values(ok[1].content ?? {}).some((m) => m.schema))) missing.push(`${name}: 2xx`);
      if (!op.responses.default) missing.push(`${name}: error`);
    }
    expect(missing).toEqual([]);
    expect(operations(doc).length).toBeGreaterThanOrEqual(49);
  });

  it('marks public routes security: [], device intake its API key and every other route bearer', () => {
    const pub = operations(doc).filter(([, op]) => op.security?.length === 0).map(([name]) => name).sort();
    expect(pub).toEqual([
      'GET /api/v1/health',
      'GET /open311/v2/discovery.json',
      'GET /open311/v2/discovery.xml',
      'GET /open311/v2/requests.json',
      'GET /open311/v2/requests.xml',
      'GET /open311/v2/requests/{file}',
      'GET /open311/v2/services.json',
      'GET /open311/v2/services.xml',
      'GET /open311/v2/services/{file}',
      'GET /open311/v2/tokens/{file}',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
      'POST /open311/v2/requests.json',
      'POST /open311/v2/requests.xml',
    ]);
    const keyed = operations(doc).filter(([, op]) => JSON.stringify(op.security) === JSON.stringify([{ apiKey: [] }])).map(([name]) => name);
    expect(keyed).toEqual(['POST /api/v1/alerts']);
    expect(doc.components?.securitySchemes?.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    for (const [name, op] of operations(doc)) if (op.security?.length !== 0 && !keyed.includes(name)) expect(op.security).toEqual([{ bearer: [] }]);
  });

  it('documents the answers the API really gives', () => {
    const act = doc.paths['/api/v1/cases/{id}/actions/{action}'].post as unknown as Op;
    expect(act.parameters?.find((p) => p.name === 'action')?.schema?.enum).toEqual([...CASE_ACTIONS, ...PETITION_ACTIONS]);
    expect(Object.keys(act.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']));
    expect(Object.keys((doc.paths['/api/v1/admin/deadline-policies'].post as unknown as Op).responses)).toContain('201');
    const exported = (doc.paths['/api/v1/ledgers/{id}/export'].get as unknown as Op).responses['200'].content ?? {};
    expect(Object.values(exported)[0].schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('matches the committed web client types (run `npm run gen:api` after changing the API)', async () => {
    const committed = readFileSync(join(ROOT, CLIENT_TYPES_PATH), 'utf8');
    expect(await renderClientTypes(doc)).toBe(committed);
  });
});
