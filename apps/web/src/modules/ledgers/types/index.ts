import type { Dayjs } from 'dayjs';

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
