import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { adminUnitsApi } from '../admin';
import { attachmentsApi } from '../attachments';
import { authApi } from '../auth';
import { casesApi } from '../cases';
import { ApiError, fileNameFrom, onSessionExpired, setFetch } from '../http';
import { getTokens, setTokens } from '../tokens';

type Call = { url: string; method: string; auth: string | null; contentType: string | null; idempotencyKey: string | null; body: string };

function respond(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function fakeFetch(handler: (call: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  setFetch(async (req: Request) => {
    const call = {
      url: req.url.replace('http://localhost', ''),
      method: req.method,
      auth: req.headers.get('Authorization'),
      contentType: req.headers.get('Content-Type'),
      idempotencyKey: req.headers.get('Idempotency-Key'),
      body: req.body ? await req.text() : '',
    };
    calls.push(call);
    return handler(call, calls.length);
  });
  return calls;
}

const me = { user: { id: 'u1', username: 'a', displayName: 'A', roles: [], unitId: null, unitName: null, regionCode: '330402', regionName: '南湖区', regionLevel: 'county' }, rules: [] };

describe('generated client with the session', () => {
  beforeEach(() => setTokens({ accessToken: 'old', refreshToken: 'r1' }));

  it('sends the Bearer token and serialises the query without empty values', async () => {
    const calls = fakeFetch(() => respond(200, { items: [], total: 0, totalExact: true, page: 2, pageSize: 20 }));
    await casesApi.list({ state: 'reported', q: '  ', page: 2 });
    expect(calls[0].url).toBe('/api/v1/cases?state=reported&page=2');
    expect(calls[0].auth).toBe('Bearer old');
  });

  it('sends PATCH bodies as JSON, and DELETE answers 204 with nothing', async () => {
    const calls = fakeFetch((call) => (call.method === 'DELETE' ? new Response(null, { status: 204 }) : respond(200, { id: 'u1', name: '新名称', kind: 'external', regionCode: '330402' })));
    await adminUnitsApi.update('u1', { name: '新名称' });
    await expect(adminUnitsApi.deactivate('u1')).resolves.toBeUndefined();
    expect(calls.map((c) => c.method)).toEqual(['PATCH', 'DELETE']);
    expect(JSON.parse(calls[0].body)).toEqual({ name: '新名称' });
    expect(calls[0].contentType).toBe('application/json');
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const calls = fakeFetch((call) => {
      if (call.url.endsWith('/auth/refresh')) return respond(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900, user: me.user });
      return call.auth === 'Bearer new' ? respond(200, me) : respond(401, { statusCode: 401, error: 'Unauthorized', message: 'expired', code: 'token_expired' });
    });
    await expect(authApi.me()).resolves.toEqual(me);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me']);
    expect(calls[1].auth).toBeNull();
    expect(JSON.parse(calls[1].body)).toEqual({ refreshToken: 'r1' });
    expect(getTokens()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
  });

  it('shares one refresh between concurrent 401s', async () => {
    const calls = fakeFetch(async (call) => {
      if (call.url.endsWith('/auth/refresh')) {
        await new Promise((r) => setTimeout(r, 10));
        return respond(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900, user: me.user });
      }
      return call.auth === 'Bearer new' ? respond(200, me) : respond(401, {});
    });
    await Promise.all([authApi.me(), authApi.me(), authApi.me()]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    fakeFetch((call) => (call.url.endsWith('/auth/refresh') ? respond(401, {}) : respond(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' })));
    const expired = jest.fn();
    const off = onSessionExpired(expired);
    await expect(authApi.me()).rejects.toMatchObject({ statusCode: 401 });
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getTokens()).toBeNull();
    off();
  });

  it('does not refresh on a refused login, and says why in Chinese', async () => {
    const calls = fakeFetch(() => respond(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid username or password', code: 'invalid_credentials' }));
    const err = await authApi.login('a', 'b').catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    expect(err).toBeInstanceOf(ApiError);
    expect(err instanceof ApiError && err.displayMessage).toBe('用户名或密码错误');
  });

  it('turns the error shape into an ApiError with code and details, shown from the zh-CN catalogue', async () => {
    fakeFetch(() =>
      respond(409, { statusCode: 409, error: 'Conflict', message: 'The case was changed by someone else', code: 'stale_version', details: [{ field: 'expectedVersion', message: 'stale' }] }),
    );
    const err = await casesApi.act('c1', 'accept', 1, {}).catch((e: unknown) => e);
    if (!(err instanceof ApiError)) throw new Error('expected an ApiError');
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe('stale_version');
    expect(err.details).toEqual([{ field: 'expectedVersion', message: 'stale' }]);
    expect(err.isConflict).toBe(true);
    expect(err.displayMessage).not.toMatch(/[A-Za-z]/);
  });

  it('reports a network failure as a transient ApiError with status 0', async () => {
    setFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await casesApi.create({ title: 't', description: 'd', category: 'air', source: 'grid_patrol', severity: 'general' }, 'key-12345678').catch((e: unknown) => e);
    if (!(err instanceof ApiError)) throw new Error('expected an ApiError');
    expect(err.isNetwork).toBe(true);
    expect(err.isTransient).toBe(true);
    expect(err.displayMessage).toBe('网络连接失败，请检查网络后重试');
  });

  it('sends the Idempotency-Key header and uploads as multipart', async () => {
    const calls = fakeFetch(() => respond(201, { id: 'a1', sha256: 'x', size: 1, mime: 'image/png', originalName: 'x.png', caseId: null }));
    await attachmentsApi.upload(new Blob(['x'], { type: 'image/png' }), 'x.png');
    expect(calls[0].contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(calls[0].body).toContain('filename="x.png"');
    await casesApi.create({ title: 't', description: 'd', category: 'air', source: 'grid_patrol', severity: 'general' }, 'key-12345678').catch(() => undefined);
    expect(calls[1].idempotencyKey).toBe('key-12345678');
  });

  it('reads file names from Content-Disposition', () => {
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx`)).toBe('台账.xlsx');
    expect(fileNameFrom('attachment; filename="ledger.xlsx"')).toBe('ledger.xlsx');
    expect(fileNameFrom(null)).toBeUndefined();
  });
});
