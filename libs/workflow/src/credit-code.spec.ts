import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode, normaliseCreditCode, withCheckChar } from './credit-code.js';

describe('unified social credit code (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43', true], // the standard's worked example
    ['91110108551385082Q', true],
    ['91110000802100433B', true],
    ['91350100M000100Y44', false], // wrong check character
    ['91350100M000100Y4', false], // 17 characters
    ['91350100M0001O0Y43', false], // O is not in the alphabet
    ['9135010AM000100Y43', false], // positions 3–8 are a division code
  ])('%s valid: %s', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });

  it('computes the check character and says what is wrong in Chinese', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91350100M000100YI')).toBeNull();
    expect(withCheckChar('91330402MA28A1B2C')).toBe('91330402MA28A1B2C4');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('统一社会信用代码校验位错误');
    expect(creditCodeProblem('123')).toBe('统一社会信用代码应为18位');
  });

  it('folds full-width characters, spaces and case', () => {
    expect(normaliseCreditCode(' ９１３５０１００m000100y43 ')).toBe('91350100M000100Y43');
  });
});
