// The one place that talks HTTP. Resource modules in src/api/ call `api.*`; components never fetch().
// - adds the Bearer token,
// - on 401 refreshes once via POST /auth/refresh (concurrent 401s share one refresh) and retries,
// - turns `{statusCode, error, message, details?}` into a thrown ApiError.
import { getTokens, setTokens, type Tokens } from './tokens';

export const API_PREFIX = '/api/v1';

export class ApiError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: unknown;
  /** The API's stable error code (e.g. `validation_failed`), when it sends one. */
  readonly code?: string;

  constructor(statusCode: number, error: string, message: string, details?: unknown, code?: string) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.error = error;
    this.details = details;
    this.code = code;
  }

  /** The server's message for a person: Chinese lead-in when the server's text is not Chinese. */
  get displayMessage(): string {
    if (/[\u4e00-\u9fff]/.test(this.message)) return this.message;
    const lead = defaultMessage(this.statusCode);
    return this.message && this.message !== lead ? `${lead}（${this.message}）` : lead;
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

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** JSON body (objects) or FormData (multipart). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Return the raw Response (downloads); errors are still thrown. */
  raw?: boolean;
  /** Skip the token and the refresh (login, refresh). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

type Fetch = typeof fetch;
let fetchImpl: Fetch = (...args) => globalThis.fetch(...args);
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

export function buildUrl(path: string, query?: Query): string {
  const url = `${API_PREFIX}${path}`;
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${url}?${s}` : url;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (body && typeof body === 'object') {
    const b = body as { statusCode?: number; error?: string; message?: unknown; details?: unknown; code?: string };
    const message = Array.isArray(b.message) ? b.message.join('；') : typeof b.message === 'string' ? b.message : '';
    return new ApiError(b.statusCode ?? res.status, b.error ?? res.statusText, message || defaultMessage(res.status), b.details, b.code);
  }
  return new ApiError(res.status, res.statusText, defaultMessage(res.status));
}

export function defaultMessage(status: number): string {
  if (status === 0) return '网络连接失败，请检查网络后重试';
  if (status === 401) return '登录已过期，请重新登录';
  if (status === 403) return '无权进行此操作';
  if (status === 404) return '未找到或无权查看';
  if (status === 409) return '数据已被他人更新，请刷新后重试';
  if (status === 413) return '文件过大';
  if (status === 400) return '填写内容有误';
  if (status === 415) return '不支持的文件类型';
  if (status === 422) return '当前状态下无法进行此操作';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return '服务暂不可用，请稍后重试';
  return `请求失败（${status}）`;
}

let refreshing: Promise<Tokens | null> | null = null;

async function refreshTokens(): Promise<Tokens | null> {
  const current = getTokens();
  if (!current?.refreshToken) return null;
  // Concurrent 401s wait for the same refresh; the next expiry starts a new one.
  refreshing ??= (async (): Promise<Tokens | null> => {
    try {
      const res = await fetchImpl(buildUrl('/auth/refresh'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (!res.ok) return null;
      const data = (await res.json()) as Tokens;
      if (!data?.accessToken) return null;
      setTokens({ accessToken: data.accessToken, refreshToken: data.refreshToken ?? current.refreshToken });
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

async function send(path: string, opts: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetchImpl(buildUrl(path, opts.query), {
      method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
      headers,
      body,
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NetworkError', defaultMessage(0));
  }
}

export async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const token = opts.anonymous ? undefined : getTokens()?.accessToken;
  let res = await send(path, opts, token);

  if (res.status === 401 && !opts.anonymous) {
    const fresh = await refreshTokens();
    if (fresh) res = await send(path, opts, fresh.accessToken);
    if (res.status === 401) {
      expireSession();
      throw await toApiError(res);
    }
  }
  if (!res.ok) throw await toApiError(res);
  if (opts.raw) return res as unknown as T;
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'method'> = {}) =>
    request<T>(path, { ...opts, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...opts, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...opts, method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...opts, method: 'PATCH', body: body ?? {} }),
  del: <T = void>(path: string, opts: Omit<RequestOptions, 'method'> = {}) => request<T>(path, { ...opts, method: 'DELETE' }),
  /** GET a file: returns the Blob and the file name from Content-Disposition. */
  async download(path: string, query?: Query): Promise<{ blob: Blob; fileName?: string }> {
    const res = await request<Response>(path, { method: 'GET', query, raw: true });
    return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('Content-Disposition')) };
  },
};

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

/** Lists may come back as an array or as `{items, total}`. */
export function asList<T>(data: unknown): { items: T[]; total: number } {
  if (Array.isArray(data)) return { items: data as T[], total: data.length };
  if (data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)) {
    const d = data as { items: T[]; total?: number };
    return { items: d.items, total: d.total ?? d.items.length };
  }
  return { items: [], total: 0 };
}

/** What to show a person for any thrown value. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.displayMessage;
  if (e instanceof Error) return e.message;
  return String(e);
}
