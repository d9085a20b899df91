// Redis: REDIS_URL when set (PING-checked), else a local redis-server we start (nothing kept on disk):
// EMBEDDED_REDIS_PORT (6390) for `npm start`, a free port for tests and benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { log, startChild } from './processes.mjs';
import { configured, freePort, runDir, stopLeftover, waitFor } from './services.mjs';
import { findOrInstall } from './system.mjs';

async function ping(url, timeoutMs = 5000) {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

/** Returns { url, embedded }. */
export async function startRedis({ purpose = 'start' } = {}) {
  const advice = 'Fix the URL, or unset REDIS_URL to start a local redis-server.';
  const given = await configured('REDIS_URL', 'Redis', (url) => ping(url), advice);
  if (given) return given;
  const hint = 'Install redis-server (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_URL to a running Redis.';
  const binary = await findOrInstall('redis-server', ['redis-server'], hint);
  const dir = path.join(runDir(purpose), 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, 'redis.pid');
  await stopLeftover(pidFile, 'redis-server', 'SIGTERM');
  const port = await freePort('EMBEDDED_REDIS_PORT', purpose === 'start' ? 6390 : 0, 'the local redis-server', 'REDIS_URL to use an existing Redis');
  const logFile = path.join(dir, 'redis.log');
  log(`starting redis-server on 127.0.0.1:${port}${purpose === 'start' ? '' : ' (throw-away)'}, log: ${logFile}`);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--pidfile', pidFile, '--logfile', logFile];
  const server = startChild('redis-server', binary, args, { cwd: dir, stdout: 'ignore', stopTimeoutMs: 5000, group: false });
  const url = `redis://127.0.0.1:${port}`;
  await waitFor('redis-server', () => ping(url, 1000), { server, seconds: 15, logFile });
  return { url, embedded: true };
}
