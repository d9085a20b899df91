import type { Dayjs } from 'dayjs';
import type { ImportRowError } from '../../../api/ledgers';

export const LEDGER_KIND_LABELS: Record<string, string> = {
  inspection_feedback: '督察反馈问题',
  petition_batch: '信访件批次',
  task_plan: '任务清单',
};

export const ITEM_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  dispatched: { label: '已交办', color: 'blue' },
  rectifying: { label: '整改中', color: 'orange' },
  overdue: { label: '已超期', color: 'red' },
  signed_off: { label: '已销号', color: 'green' },
};

/** Row errors of a refused import (`details` of the 4xx: [{row, column, message}]). */
export function rowErrorsFrom(source: unknown): ImportRowError[] {
  if (!source) return [];
  if (Array.isArray(source)) return source.filter((e) => e && typeof e === 'object' && 'message' in e) as ImportRowError[];
  if (typeof source === 'object') {
    const s = source as Record<string, unknown>;
    for (const k of ['errors', 'rows', 'rowErrors']) if (Array.isArray(s[k])) return rowErrorsFrom(s[k]);
  }
  return [];
}

export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** How often a unit reports progress (序时进展). */
export type Granularity = 'month' | 'quarter' | 'half' | 'year';

export const GRANULARITIES: { value: Granularity; label: string }[] = [
  { value: 'month', label: '月度' },
  { value: 'quarter', label: '季度' },
  { value: 'half', label: '半年' },
  { value: 'year', label: '年度' },
];

/** The API's period format: 2026-11, 2026-Q4, 2026-H2 or 2026. */
export function toPeriod(g: Granularity, d: Dayjs, half: 1 | 2): string {
  if (g === 'month') return d.format('YYYY-MM');
  if (g === 'quarter') return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
  if (g === 'half') return `${d.year()}-H${half}`;
  return String(d.year());
}
