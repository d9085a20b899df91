import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * POSTs `body` as JSON and resolves on a 2xx answer; rejects on any other status, a network error
 * or after `timeoutMs`. No keep-alive: nothing stays open once it settles.
 */
export function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  const target = new URL(url);
  const payload = Buffer.from(JSON.stringify(body));
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': payload.length,
          'user-agent': 'EcoLoop-notify/1',
          connection: 'close',
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume(); // drain; the answer's body is not used
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`POST ${target.origin}${target.pathname} answered ${status}`));
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${target.origin}${target.pathname} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
