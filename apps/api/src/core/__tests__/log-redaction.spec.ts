import { Logger, type ArgumentsHost } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { HttpExceptionFilter } from '../errors/http-exception.filter.js';
import { safeError } from '../logging/safe-error.js';
import { logRedisEvents } from '../redis/redis-events.js';

const PHONE = '13912345678';
const NAME = '张三丰';

/** A real PostgreSQL error raised by a statement carrying a reporter's name and phone number. */
async function realQueryFailure(): Promise<QueryFailedError> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const query = `SELECT $1::text AS name, $2::uuid AS id`;
  const parameters = [NAME, PHONE];
  try {
    await client.query(query, parameters);
    throw new Error('the query should have failed');
  } catch (driverError) {
    return new QueryFailedError(query, parameters, driverError as Error);
  } finally {
    await client.end();
  }
}

/** A Fastify reply as far as the filter uses it. */
function replyMock() {
  const res = { sent: false, raw: { headersSent: false }, status: jest.fn(), type: jest.fn(), header: jest.fn(), hasHeader: () => false, send: jest.fn() };
  for (const f of [res.status, res.type, res.header]) f.mockReturnValue(res);
  return res;
}

function hostFor(res: ReturnType<typeof replyMock>): ArgumentsHost {
  const req = { id: 'req-1', method: 'POST', url: '/api/v1/cases?phone=1' };
  return { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
}

describe('log redaction (issue 12 item 13)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a database 500 once, without parameters, query or driver message', async () => {
    const err = await realQueryFailure();
    expect(JSON.stringify({ ...err, message: err.message })).toContain(PHONE); // the raw error does carry it
    const logged: unknown[][] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const res = replyMock();
    new HttpExceptionFilter().catch(err, hostFor(res));

    expect(res.status).toHaveBeenCalledWith(500);
    expect(JSON.parse(res.send.mock.calls[0][0])).toEqual({ statusCode: 500, error: 'Internal Server Error', message: '服务器内部错误，请稍后重试', code: 'internal_error' });
    expect(logged).toHaveLength(1);
    const line = JSON.stringify(logged[0]);
    expect(line).not.toContain(PHONE);
    expect(line).not.toContain(NAME);
    expect(line).not.toContain('SELECT');
    expect(line).toContain('22P02'); // SQLSTATE invalid_text_representation: enough to find the fault
    expect(line).toContain('req-1');
    expect(line).not.toContain('phone=1'); // the path is logged without its query
  });

  it('keeps the type, code and frames of other errors', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    expect(safeError(e)).toMatchObject({ type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:6379', code: 'ECONNREFUSED', stack: expect.stringMatching(/^\s+at /) });
  });

  it('turns Redis connection errors into one structured line a minute, and one when it is back', () => {
    const emitter = new EventEmitter();
    const warn = jest.fn();
    const log = jest.fn();
    logRedisEvents(emitter, 'commands', { warn, log } as unknown as Logger);
    for (let i = 0; i < 50; i++) emitter.emit('error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ connection: 'commands', err: { code: 'ECONNREFUSED' } });
    emitter.emit('ready');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ connection: 'commands', errors: 49 }), 'redis connection restored');
  });
});
