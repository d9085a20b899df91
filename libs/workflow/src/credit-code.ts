// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
// alphabet (digits and capitals without I, O, S, V, Z); the last one is a check character.

/** The code's alphabet; a character's value is its index. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the first 17 positions: 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code, or null when they are not well formed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Upper-cases and trims a code as typed (full-width letters and digits are folded too). */
export function normaliseCreditCode(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Why a code is not a valid unified social credit code, or null when it is. Messages in Chinese. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (!SHAPE.test(code)) return '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z），或第3至8位不是行政区划代码';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : '统一社会信用代码校验位错误';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** A valid code from its first 17 characters (used to make up demo codes). */
export function withCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new RangeError(`not the start of a credit code: ${first17}`);
  return first17 + check;
}
