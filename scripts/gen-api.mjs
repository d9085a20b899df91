// npm run gen:api — writes the DTOs' OpenAPI metadata (scripts/gen-openapi-metadata.mjs), builds the
// API, creates its OpenAPI document offline (no database, no Redis) and writes the web client's types
// (apps/web/src/api/schema.d.ts) with openapi-typescript.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeOpenApiMetadata } from './gen-openapi-metadata.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
console.log(`wrote ${writeOpenApiMetadata()}`);
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'apps/api/tsconfig.json')], { stdio: 'inherit' });
const dist = (p) => pathToFileURL(join(root, 'apps/api/dist/core/openapi', p)).href;
const { buildOfflineOpenApiDocument } = await import(dist('offline-document.js'));
const { renderClientTypes, CLIENT_TYPES_PATH } = await import(dist('client-types.js'));
const doc = await buildOfflineOpenApiDocument();
writeFileSync(join(root, CLIENT_TYPES_PATH), await renderClientTypes(doc));
if (process.argv.includes('--json')) writeFileSync(join(root, 'openapi.json'), JSON.stringify(doc, null, 2));
console.log(`wrote ${CLIENT_TYPES_PATH} (${Object.keys(doc.paths).length} paths)`);
