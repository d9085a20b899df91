import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { requestLogging } from '../logging/logging.module.js';

/** A server answering with the status in the path (/status/404), through the request logger. */
async function serve(lines: Record<string, unknown>[]): Promise<{ server: Server; port: number }> {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const middleware = requestLogging(pino({ level: 'info' }, sink));
  const server = createServer((req, res) =>
    middleware(req, res, () => {
      if (req.url === '/slow') return; // never answered: the client gives up
      const status = Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 200);
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json');
      res.end('{}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; requestId: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, requestId: res.headers['x-request-id'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request logging', () => {
  let lines: Record<string, unknown>[];
  let server: Server;
  let port: number;
  beforeEach(async () => {
    lines = [];
    ({ server, port } = await serve(lines));
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('logs one line per answered request: id, method, path without query, status, time; no headers', async () => {
    const res = await get(port, '/api/v1/cases?phone=13912345678', { Authorization: 'Bearer secret-token', Cookie: 'sid=secret' });
    await settle();
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', reqId: res.requestId, req: { method: 'GET', url: '/api/v1/cases' }, res: { statusCode: 200 } });
    expect(typeof lines[0].responseTime).toBe('number');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['13912345678', 'secret-token', 'sid=secret', 'authorization', 'cookie']) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('keeps a well-formed X-Request-Id and replaces one that is not', async () => {
    expect((await get(port, '/a', { 'X-Request-Id': 'gateway-42.a_b' })).requestId).toBe('gateway-42.a_b');
    const replaced = await get(port, '/b', { 'X-Request-Id': 'bad id\u00e9' });
    expect(replaced.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await settle();
    expect(lines.map((l) => l.reqId)).toEqual(['gateway-42.a_b', replaced.requestId]);
  });

  it('logs a 4xx at warn, leaves a 5xx to the exception filter and the health check unlogged', async () => {
    await get(port, '/status/409');
    await get(port, '/status/500');
    const health = await get(port, '/api/v1/health');
    await settle();
    expect(health.requestId).toBeDefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, res: { statusCode: 409 } });
  });

  it('logs a request whose client went away before the answer as aborted', async () => {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/slow' });
      req.on('error', () => resolve());
      req.end();
      setTimeout(() => req.destroy(), 100);
    });
    for (let i = 0; i < 40 && lines.length === 0; i++) await settle();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'request aborted', req: { url: '/slow' } });
  });
});
