import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the web client's generated types live, relative to the repository root. */
export const CLIENT_TYPES_PATH = 'apps/web/src/api/schema.d.ts';

const HEADER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript — do not edit.
 * Regenerate with \`npm run gen:api\`; a test fails when this file is out of date.
 */

`;

/** The TypeScript types of the document's paths and schemas, as committed in CLIENT_TYPES_PATH. */
export async function renderClientTypes(doc: OpenAPIObject): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(doc)), { alphabetize: true, enum: false, exportType: true });
  return HEADER + astToString(ast);
}
