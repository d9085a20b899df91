import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ApiError, errorText } from '../src/api';
import { ERROR_MESSAGES, errorMessage } from '../src/i18n/errors';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '__tests__' || name === 'test-support' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** Every error code the API can answer with: AppError codes in apps/api, the machine's refusal codes in libs/workflow. */
function apiErrorCodes(): Set<string> {
  const codes = new Set(['unauthorized', 'forbidden', 'not_found', 'unsupported_media_type', 'validation_failed']);
  const patterns = [
    /AppError\.(?:badRequest|conflict|unprocessable)\(\s*'([a-z_]+)'/g,
    /new AppError\([^,]+,\s*'([a-z_]+)'/g,
    /AppError\.(?:unauthorized|forbidden|notFound)\([^;]*?,\s*'([a-z_]+)'\)/g,
  ];
  for (const file of sources(join(ROOT, 'apps/api/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) codes.add(m[1]);
  }
  for (const file of sources(join(ROOT, 'libs/workflow/src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/ok: false,\s*code: '([a-z_]+)'/g)) codes.add(m[1]);
  }
  return codes;
}

describe('zh-CN error catalogue', () => {
  it('has Chinese for every error code the API sends', () => {
    const codes = [...apiErrorCodes()];
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((c) => !ERROR_MESSAGES[c])).toEqual([]);
    for (const text of Object.values(ERROR_MESSAGES)) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never shows the API’s English message', () => {
    expect(errorText(new ApiError(403, 'Forbidden', 'Not permitted', undefined, 'forbidden'))).toBe('无权进行此操作');
    expect(errorText(new ApiError(429, 'Too Many Requests', 'Too many login attempts; try again in a minute', undefined, 'too_many_requests'))).toBe('操作过于频繁，请稍后再试');
    expect(errorText(new ApiError(415, 'Unsupported Media Type', 'File content is not an allowed type (text/plain)', undefined, 'unsupported_media_type'))).toBe('文件类型不支持，请上传图片、PDF、视频或 Office 文档');
    expect(errorMessage(418, 'made_up_code', 'I am a teapot')).toBe('请求失败（418）');
    expect(errorMessage(422, undefined, '区划不存在')).toBe('区划不存在');
  });
});
