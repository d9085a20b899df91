import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { AppError } from '../errors/app-error.js';
import { chineseMessage, createValidationPipe } from '../errors/validation.js';

class Probe {
  @IsString() @MaxLength(5) title!: string;
  @IsIn(['general', 'major']) severity!: string;
  @IsInt() @Min(1) expectedVersion!: number;
  @IsOptional() @IsUUID() unitId?: string;
  @IsOptional() @IsISO8601() dueAt?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}$/, { message: 'month must be YYYY-MM' }) month?: string;
  @IsOptional() @ArrayMaxSize(2) tags?: string[];
}

async function refusal(body: unknown): Promise<AppError> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Probe });
  } catch (e) {
    return e as AppError;
  }
  throw new Error('accepted');
}

const CJK = /[\u3400-\u9fff]/;

describe('validation messages are Chinese', () => {
  it('answers every refused field in Chinese, with the limits of its rule', async () => {
    const err = await refusal({ title: '太长的一个标题', severity: 'huge', expectedVersion: 0, unitId: 'x', dueAt: 'tomorrow', month: '2026/12', tags: ['a', 'b', 'c'], extra: 1 });
    const body = { code: err.code, message: err.message, details: err.details ?? [] };
    expect(body.code).toBe('validation_failed');
    const byField = Object.fromEntries(body.details.map((d) => [d.field, d.message]));
    expect(byField).toEqual({
      title: 'title 最多 5 个字符',
      severity: 'severity 须为以下之一：general, major',
      expectedVersion: 'expectedVersion 不能小于 1',
      unitId: 'unitId 须为有效的 ID',
      dueAt: expect.stringContaining('dueAt 须为日期时间'),
      month: 'month 须为月份（YYYY-MM）',
      tags: 'tags 最多 2 项',
      extra: '不允许提交字段 extra',
    });
    expect(body.message.startsWith('提交的内容有误：')).toBe(true);
    for (const d of body.details) expect(d.message).toMatch(CJK);
  });

  it('keeps a message that is Chinese already and never falls back to English', () => {
    expect(chineseMessage('phone', 'matches', '请输入手机号')).toBe('请输入手机号');
    expect(chineseMessage('x', 'someCustomRule', 'x must be odd')).toBe('x 的值无效');
  });
});
