import { BadRequestException, HttpException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { AppError } from '../errors/app-error.js';
import { toErrorBody } from '../errors/http-exception.filter.js';

/** DESIGN §6: every error answer is `{statusCode, error, code, message, details?}`, the message in Chinese. */
describe('error bodies', () => {
  it('keeps the code an AppError was thrown with', () => {
    expect(toErrorBody(AppError.conflict('stale_version', '案件已被他人修改'))).toEqual({ statusCode: 409, error: 'Conflict', code: 'stale_version', message: '案件已被他人修改' });
  });

  it.each([
    [new NotFoundException('Cannot GET /api/v1/nothing'), 404, 'not_found'],
    [new BadRequestException('bad'), 400, 'bad_request'],
    [new PayloadTooLargeException(), 413, 'payload_too_large'],
    [new HttpException('Too Many Requests', 429), 429, 'too_many_requests'],
    [new HttpException('no', 422), 422, 'unprocessable'],
    [new HttpException('Method Not Allowed', 405), 405, 'method_not_allowed'],
  ])('gives a code and a Chinese message to an answer thrown without one (%s)', (exception, status, code) => {
    const body = toErrorBody(exception);
    expect(body).toMatchObject({ statusCode: status, code });
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers anything else as a 500 that says nothing of the fault', () => {
    expect(toErrorBody(new TypeError('x is undefined'))).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });
});
