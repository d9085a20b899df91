// What a case's clocks say in a few words: the missed deadline and by how long, then the current one
// ("交办超期8分 · 督办限12-09 18:00"). Pure, so the list, the cards and the detail say the same.
import { deadlineKindLabel } from '../../i18n/labels';
import { countdownText, durationText, formatShort } from '../../lib/time';
import type { Case, CaseDeadline } from './types';

export type MissedDeadline = NonNullable<Case['missedDeadline']>;

/** "交办时限" → "交办"; "回头看" stays. */
export function kindShort(kind: string | null | undefined): string {
  return deadlineKindLabel(kind).replace(/时限$/, '');
}

/** "交办超期8分" (settled late, or still running); the length runs to now while it is still overdue. */
export function missedText(m: Pick<MissedDeadline, 'kind' | 'dueAt' | 'settledAt'>, now: number): string {
  const end = m.settledAt ? new Date(m.settledAt).getTime() : now;
  return `${kindShort(m.kind)}超期${durationText(end - new Date(m.dueAt).getTime())}`;
}

export interface DeadlineSummary {
  /** The missed deadline, when it is not the current one. */
  missed: string | null;
  /** "督办限12-09 18:00" */
  current: string | null;
  /** "剩余 3天4小时" / "已超期 2小时" for the current deadline. */
  countdown: string | null;
  /** The current deadline has passed. */
  currentLate: boolean;
}

export function summarizeDeadlines(c: Pick<Case, 'dueAt' | 'deadlineKind' | 'overdue' | 'missedDeadline'>, now: number): DeadlineSummary {
  const cd = c.dueAt ? countdownText(c.dueAt, now) : null;
  const m = c.missedDeadline ?? null;
  const sameAsCurrent = m !== null && !m.settledAt && m.kind === c.deadlineKind && m.dueAt === c.dueAt;
  return {
    missed: m && !sameAsCurrent ? missedText(m, now) : c.overdue && !m && !cd?.overdue ? '前序环节已超期' : null,
    current: c.dueAt ? `${c.deadlineKind ? kindShort(c.deadlineKind) : ''}限${formatShort(c.dueAt, now)}` : null,
    countdown: cd?.text ?? null,
    currentLate: cd?.overdue ?? false,
  };
}

/** The status tag of one deadline in the detail's panel: 进行中 / 已超期 / 按期完成 / 超期X后完成 / 已停止. */
export function deadlineStatusText(d: Pick<CaseDeadline, 'status' | 'dueAt' | 'settledAt'>, now: number): { text: string; tone: 'processing' | 'error' | 'success' | 'warning' | 'default' } {
  const dueMs = new Date(d.dueAt).getTime();
  if (d.status === 'pending') return dueMs < now ? { text: '已超期', tone: 'error' } : { text: '进行中', tone: 'processing' };
  if (d.status === 'overdue' && !d.settledAt) return { text: `已超期 ${durationText(now - dueMs)}`, tone: 'error' };
  if (d.status === 'late' || d.status === 'overdue') {
    const late = d.settledAt ? `超期${durationText(new Date(d.settledAt).getTime() - dueMs)}后完成` : '逾期完成';
    return { text: late, tone: 'warning' };
  }
  if (d.status === 'met') return { text: '按期完成', tone: 'success' };
  return { text: '已停止计时', tone: 'default' };
}
