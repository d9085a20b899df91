// Serves apps/web/dist with index.html for client routes, optionally proxying /api to a running API.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { spawnSync } from 'node:child_process';

export const WEB_ROOT = join(__dirname, '..', '..');
export const WEB_DIST = join(WEB_ROOT, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** `vite build` unless dist/index.html exists (or when forced). */
export function ensureWebBuilt(force = false): void {
  if (!force && existsSync(join(WEB_DIST, 'index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build'], { cwd: WEB_ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error('vite build failed');
}

export async function startStaticServer(opts: { apiTarget?: string } = {}): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      if (!opts.apiTarget) {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'No API behind the static server' }));
        return;
      }
      const target = new URL(req.url ?? '/', opts.apiTarget);
      const proxied = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      proxied.on('error', () => {
        res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: 'API not reachable' }));
      });
      req.pipe(proxied);
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = join(WEB_DIST, rel);
    if (!file.startsWith(WEB_DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(WEB_DIST, 'index.html');
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
