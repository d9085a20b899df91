// Calendar months (YYYY-MM) in Asia/Shanghai (UTC+8 all year), for monthly figures and warnings.

/** The month of an instant in Asia/Shanghai. */
export function shanghaiMonth(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** 00:00 on the first of the month in Asia/Shanghai, as an ISO instant. */
export const monthStart = (month: string) => `${month}-01T00:00:00+08:00`;

/** The month moved by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

export const previousMonth = (month: string) => addMonths(month, -1);

/** The months from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The twelve months up to and including `last`. */
export const twelveMonthsTo = (last: string) => monthsBetween(addMonths(last, -11), last);
