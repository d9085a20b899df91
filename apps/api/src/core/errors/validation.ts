import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, type ErrorDetail } from './app-error.js';
import { cacheConstraintLookups } from './constraint-cache.js';

const CJK = /[\u3400-\u9fff]/;
const number = (raw: string): string => /(-?\d+(?:\.\d+)?)/.exec(raw)?.[1] ?? '';

/**
 * Chinese for each class-validator constraint (bad input is answered in Chinese, DESIGN §6). The
 * numbers and allowed values come from the validator's own message; a DTO's own message is kept
 * when it is Chinese already.
 */
const MESSAGES: Record<string, (field: string, raw: string) => string> = {
  whitelistValidation: (f) => `不允许提交字段 ${f}`,
  isDefined: (f) => `${f} 为必填项`,
  isNotEmpty: (f) => `${f} 不能为空`,
  arrayNotEmpty: (f) => `${f} 至少要有一项`,
  isString: (f) => `${f} 须为文本`,
  isInt: (f) => `${f} 须为整数`,
  isNumber: (f) => `${f} 须为数字`,
  isBoolean: (f) => `${f} 须为 true 或 false`,
  isArray: (f) => `${f} 须为列表`,
  isObject: (f) => `${f} 须为对象`,
  nestedValidation: (f) => `${f} 须为对象`,
  isUuid: (f) => `${f} 须为有效的 ID`,
  isIso8601: (f) => `${f} 须为日期时间（ISO 8601，如 2026-12-02T09:00:00+08:00）`,
  isLatitude: (f) => `${f} 须为纬度（-90 至 90）`,
  isLongitude: (f) => `${f} 须为经度（-180 至 180）`,
  isEmail: (f) => `${f} 须为电子邮箱地址`,
  isUrl: (f) => `${f} 须为网址`,
  isIn: (f, raw) => {
    const values = /following values: (.*)$/.exec(raw)?.[1];
    return values && values.length <= 120 ? `${f} 须为以下之一：${values}` : `${f} 的取值不在允许范围内`;
  },
  isEnum: (f) => `${f} 的取值不在允许范围内`,
  min: (f, raw) => `${f} 不能小于 ${number(raw)}`,
  max: (f, raw) => `${f} 不能大于 ${number(raw)}`,
  minLength: (f, raw) => `${f} 至少 ${number(raw)} 个字符`,
  maxLength: (f, raw) => `${f} 最多 ${number(raw)} 个字符`,
  isLength: (f, raw) => (/shorter/.test(raw) ? `${f} 最多 ${number(raw)} 个字符` : `${f} 至少 ${number(raw)} 个字符`),
  arrayMinSize: (f, raw) => `${f} 至少 ${number(raw)} 项`,
  arrayMaxSize: (f, raw) => `${f} 最多 ${number(raw)} 项`,
  matches: (f, raw) => {
    if (/YYYY-MM-DD/.test(raw)) return `${f} 须为日期（YYYY-MM-DD）`;
    if (/YYYY-MM/.test(raw)) return `${f} 须为月份（YYYY-MM）`;
    return `${f} 格式不正确`;
  },
};

/** A constraint's message in Chinese. */
export function chineseMessage(field: string, constraint: string, raw: string): string {
  if (CJK.test(raw)) return raw;
  return (MESSAGES[constraint] ?? ((f: string) => `${f} 的值无效`))(field, raw);
}

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, raw]) => ({ field, message: chineseMessage(field, constraint, raw) }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global pipe: unknown fields are refused, payloads are transformed to their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  cacheConstraintLookups();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return AppError.badRequest('validation_failed', details.length ? `提交的内容有误：${details.map((d) => d.message).join('；')}` : '提交的内容有误', details);
    },
  });
}
