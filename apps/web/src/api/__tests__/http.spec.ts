import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { api, ApiError, fileNameFrom, onSessionExpired, setFetch } from '../http';
import { getTokens, setTokens } from '../tokens';

type Call = { url: string; init: RequestInit };

function respond(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function fakeFetch(handler: (call: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  setFetch((async (url: string, init: RequestInit) => {
    const call = { url: String(url), init };
    calls.push(call);
    return handler(call, calls.length);
  }) as typeof fetch);
  return calls;
}

const auth = (c: Call) => (c.init.headers as Record<string, string>).Authorization;

describe('http wrapper', () => {
  beforeEach(() => setTokens({ accessToken: 'old', refreshToken: 'r1' }));

  it('sends the Bearer token and builds the query without empty values', async () => {
    const calls = fakeFetch(() => respond(200, { items: [], total: 0 }));
    await api.get('/cases', { state: 'reported', q: '', page: 2, overdue: undefined });
    expect(calls[0].url).toBe('/api/v1/cases?state=reported&page=2');
    expect(auth(calls[0])).toBe('Bearer old');
  });

  it('sends PUT and PATCH bodies as JSON, and DELETE answers 204 with nothing', async () => {
    const calls = fakeFetch((call) => (call.init.method === 'DELETE' ? new Response(null, { status: 204 }) : respond(200, { ok: true })));
    await api.put('/admin/calendar/2026', { holidays: [], workdays: [] });
    await api.patch('/admin/units/u1', { name: '新名称' });
    await expect(api.del('/admin/units/u1')).resolves.toBeUndefined();
    expect(calls.map((c) => c.init.method)).toEqual(['PUT', 'PATCH', 'DELETE']);
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ name: '新名称' });
    expect((calls[1].init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(calls[2].init.body).toBeUndefined();
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const calls = fakeFetch((call) => {
      if (call.url.endsWith('/auth/refresh')) return respond(200, { accessToken: 'new', refreshToken: 'r2' });
      return auth(call) === 'Bearer new' ? respond(200, { ok: true }) : respond(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' });
    });
    await expect(api.get('/me')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me', '/api/v1/auth/refresh', '/api/v1/me']);
    expect(JSON.parse(String(calls[1].init.body))).toEqual({ refreshToken: 'r1' });
    expect(getTokens()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
  });

  it('shares one refresh between concurrent 401s', async () => {
    const calls = fakeFetch(async (call) => {
      if (call.url.endsWith('/auth/refresh')) {
        await new Promise((r) => setTimeout(r, 10));
        return respond(200, { accessToken: 'new', refreshToken: 'r2' });
      }
      return auth(call) === 'Bearer new' ? respond(200, {}) : respond(401, {});
    });
    await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    fakeFetch((call) => (call.url.endsWith('/auth/refresh') ? respond(401, {}) : respond(401, { statusCode: 401, error: 'Unauthorized', message: 'expired' })));
    const expired = jest.fn();
    const off = onSessionExpired(expired);
    await expect(api.get('/me')).rejects.toMatchObject({ statusCode: 401 });
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getTokens()).toBeNull();
    off();
  });

  it('turns the error shape into an ApiError with the server message and details', async () => {
    fakeFetch(() =>
      respond(422, { statusCode: 422, error: 'Unprocessable Entity', message: 'Evidence is required', code: 'evidence_required', details: [{ field: 'attachmentIds', message: 'at least one' }] }),
    );
    const err = (await api.post('/cases/x/actions/submit_completion', { expectedVersion: 1 }).catch((e) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.statusCode).toBe(422);
    expect(err.message).toBe('Evidence is required');
    expect(err.code).toBe('evidence_required');
    expect(err.details).toEqual([{ field: 'attachmentIds', message: 'at least one' }]);
    expect(err.displayMessage).toBe('当前状态下无法进行此操作（Evidence is required）');
  });

  it('reports a network failure as a transient ApiError with status 0', async () => {
    setFetch((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    const err = (await api.post('/cases', {}).catch((e) => e)) as ApiError;
    expect(err.isNetwork).toBe(true);
    expect(err.isTransient).toBe(true);
  });

  it('sends FormData as multipart (no JSON content type)', async () => {
    const calls = fakeFetch(() => respond(201, { id: 'a1' }));
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.png');
    await api.post('/attachments', form);
    expect(calls[0].init.body).toBe(form);
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('reads file names from Content-Disposition', () => {
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx`)).toBe('台账.xlsx');
    expect(fileNameFrom('attachment; filename="ledger.xlsx"')).toBe('ledger.xlsx');
    expect(fileNameFrom(null)).toBeUndefined();
  });
});
