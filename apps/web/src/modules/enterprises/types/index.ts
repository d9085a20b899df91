/** Unified social credit code (统一社会信用代码): 18 digits or capital letters. */
export const CREDIT_CODE_PATTERN = /^[0-9A-Z]{18}$/;

export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

const RECENT_KEY = 'ecoloop.enterprises.recent';

/** The last codes looked up on this device (newest first). */
export function recentCodes(): { creditCode: string; name: string }[] {
  try {
    const v = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x) => x && typeof x.creditCode === 'string').slice(0, 6) : [];
  } catch {
    return [];
  }
}

export function rememberCode(creditCode: string, name: string): void {
  try {
    const next = [{ creditCode, name }, ...recentCodes().filter((r) => r.creditCode !== creditCode)].slice(0, 6);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    /* private mode: no history */
  }
}
