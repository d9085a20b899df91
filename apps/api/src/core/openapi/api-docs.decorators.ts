import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional() field?: string;
  @ApiPropertyOptional() row?: number;
  @ApiPropertyOptional() column?: string;
  @ApiPropertyOptional({ type: String, description: 'the spreadsheet sheet of a row error (imports)' }) sheet?: string;
  @ApiProperty() message!: string;
}

/** Every 4xx/5xx answer: `{statusCode, error, code, message, details?}` (DESIGN §6). */
export class ErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'Conflict' }) error!: string;
  @ApiProperty({ example: 'version_conflict', description: 'stable machine-readable code; clients translate it' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
}

const ERROR_DESCRIPTIONS = {
  400: 'invalid input (validation details in `details`)',
  401: 'not logged in, or the token expired',
  403: 'logged in but not permitted',
  404: 'not found, or outside the caller’s jurisdiction',
  409: 'conflict: stale version, duplicate or a state that does not allow it',
  413: 'the upload is too large',
  415: 'the file type is not allowed',
  422: 'well-formed but not processable (e.g. spreadsheet rows with errors)',
  429: 'too many requests',
} as const;
export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Documents the error answers an operation (or every operation of a controller) can give, all as `ErrorBody`. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorBody })));

/** 401 and 403, for controllers whose routes all need a login. */
export const ApiProtected = () => ApiErrors(401, 403);

/** Marks a route that needs no login: the document gives it `security: []` (see createOpenApiDocument). */
export const ApiPublic = () => ApiExtension('x-public', true);

/** The security scheme of device intake: no login, a live `X-Api-Key` (DESIGN §10). */
export const API_KEY_SCHEME = 'apiKey';

/** Marks a route authenticated by a device API key instead of a login: `security: [{ apiKey: [] }]`. */
export const ApiKeyAuth = () => ApiExtension('x-api-key-auth', true);

/** A summary, in one line. */
export const ApiSummary = (summary: string, description?: string) => ApiOperation({ summary, description });

/** A file answer (xlsx, attachment): `format: binary` in the given media types. */
export const ApiFileResponse = (description: string, ...mediaTypes: string[]) =>
  applyDecorators(
    ApiProduces(...mediaTypes),
    ApiResponse({ status: 200, description, schema: { type: 'string', format: 'binary' } }),
  );
