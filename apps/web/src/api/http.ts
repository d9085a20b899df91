// The one place that talks HTTP: the generated client (openapi-fetch over ./schema.d.ts, generated from
// the API's OpenAPI document by `npm run gen:api`). Resource modules in src/api/ call `client.*`
// through `ok()`; components never fetch(). The fetch underneath
// - adds the Bearer token,
// - on 401 refreshes once via POST /auth/refresh (concurrent 401s share one refresh) and retries,
// - reports no answer at all as ApiError status 0;
// `ok()` turns `{statusCode, error, code, message, details?}` into a thrown ApiError.
import createClient from 'openapi-fetch';
import { errorMessage, failureMessage, statusMessage } from '../i18n/errors';
import type { components, paths } from './schema';
import { getTokens, setTokens, type Tokens } from './tokens';

export type Schemas = components['schemas'];
type ErrorBody = Schemas['ErrorBody'];
type ErrorDetail = Schemas['ErrorDetailDto'];

export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: ErrorDetail[];
  /** The API's stable error code (e.g. `validation_failed`), when it sends one. */
  readonly code?: string;

  constructor(statusCode: number, error: string, message: string, details?: ErrorDetail[], code?: string) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.error = error;
    this.details = details;
    this.code = code;
  }

  /** What a person reads: from the zh-CN catalogue by code (never the API's English text). */
  get displayMessage(): string {
    return errorMessage(this.statusCode, this.code, this.message);
  }

  /** No answer at all (offline, DNS, connection refused). */
  get isNetwork(): boolean {
    return this.statusCode === 0;
  }
  get isNotFound(): boolean {
    return this.statusCode === 404;
  }
  get isConflict(): boolean {
    return this.statusCode === 409;
  }
  /** Worth retrying with the same request (and the same Idempotency-Key). */
  get isTransient(): boolean {
    return this.statusCode === 0 || this.statusCode === 408 || this.statusCode === 429 || this.statusCode >= 500;
  }
}

type Fetch = (req: Request) => Promise<Response>;
let fetchImpl: Fetch = (req) => globalThis.fetch(req);
/** For tests. */
export function setFetch(f: Fetch): void {
  fetchImpl = f;
}

const listeners = new Set<() => void>();
/** Called when the session cannot be recovered (refresh failed): the app goes to /login. */
export function onSessionExpired(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Asked when the session has run out (refresh refused): shows "log in again" in place and resolves
 * true once signed in again (the request is then retried), false if the user gave up.
 */
let reauthenticate: (() => Promise<boolean>) | null = null;
let reauthenticating: Promise<boolean> | null = null;
export function setReauthenticate(fn: (() => Promise<boolean>) | null): void {
  reauthenticate = fn;
}

const ORIGIN = globalThis.location?.origin ?? 'http://localhost';
const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh'];

async function send(req: Request, token: string | undefined): Promise<Response> {
  if (token) req.headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetchImpl(req);
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NetworkError', statusMessage(0));
  }
}

let refreshing: Promise<Tokens | null> | null = null;

async function refreshTokens(): Promise<Tokens | null> {
  const current = getTokens();
  if (!current?.refreshToken) return null;
  // Concurrent 401s wait for the same refresh; the next expiry starts a new one.
  refreshing ??= (async (): Promise<Tokens | null> => {
    try {
      const { data, response } = await client.POST('/api/v1/auth/refresh', { body: { refreshToken: current.refreshToken } });
      if (!response.ok || !data?.accessToken) return null;
      setTokens({ accessToken: data.accessToken, refreshToken: data.refreshToken });
      return getTokens();
    } catch {
      return null;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function expireSession(): void {
  setTokens(null);
  for (const fn of listeners) fn();
}

/** fetch with the session: token, one refresh on 401, network failures as ApiError(0). */
export async function authedFetch(req: Request): Promise<Response> {
  if (AUTH_PATHS.includes(new URL(req.url).pathname)) return send(req, undefined);
  const retry = req.clone();
  const afterLogin = req.clone();
  let res = await send(req, getTokens()?.accessToken);
  if (res.status === 401) {
    const fresh = await refreshTokens();
    if (fresh) res = await send(retry, fresh.accessToken);
    if (res.status === 401 && reauthenticate) {
      // Concurrent requests wait for the same dialog; the page and its drafts stay as they are.
      reauthenticating ??= reauthenticate().finally(() => {
        reauthenticating = null;
      });
      if (await reauthenticating) res = await send(afterLogin, getTokens()?.accessToken);
    }
    if (res.status === 401) expireSession();
  }
  return res;
}

/** The generated, typed client: `client.GET('/api/v1/cases', { params: { query } })`. */
export const client = createClient<paths>({ baseUrl: ORIGIN, fetch: (req) => authedFetch(req) });

/** What openapi-fetch resolves to: `{data, response}` on success, `{error, response}` otherwise. */
type Result = { data?: unknown; error?: unknown; response: Response };
type Success<R> = Extract<R, { error?: never }>;

function succeeded<R extends Result>(r: R): r is Success<R> {
  return r.error === undefined && r.response.ok;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && 'statusCode' in body && typeof body.statusCode === 'number' && 'message' in body && typeof body.message === 'string';
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(body.statusCode, body.error, body.message, body.details, body.code);
  return new ApiError(response.status, response.statusText, statusMessage(response.status));
}

/** The 2xx body of a client call, or the API's error thrown as ApiError. */
export async function ok<R extends Result>(call: Promise<R>): Promise<Success<R>['data']> {
  const r = await call;
  if (!succeeded(r)) throw toApiError(r.response, r.error);
  return r.data;
}

/** A file answer (`parseAs: 'blob'`): the Blob and the file name from Content-Disposition. */
export async function download<R extends Result & { data?: Blob }>(call: Promise<R>): Promise<{ blob: Blob; fileName?: string }> {
  const r = await call;
  if (!succeeded(r) || !r.data) throw toApiError(r.response, r.error);
  return { blob: r.data, fileName: fileNameFrom(r.response.headers.get('Content-Disposition')) };
}

export function fileNameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}

/** What to show a person for any thrown value. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.displayMessage;
  if (e instanceof Error) return failureMessage(e.message);
  return failureMessage(typeof e === 'string' ? e : undefined);
}
