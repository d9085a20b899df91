import { describe, expect, it } from '@jest/globals';
import { deadlineStatusText, summarizeDeadlines } from '../deadlineText';
import { shownActions, primaryAction, REVIEW_WINDOW_MS } from '../shownActions';

const now = Date.parse('2026-12-02T06:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('deadline text (issue 19 item 1)', () => {
  it('names the missed 交办 deadline and by how long beside the future 督办 deadline', () => {
    const s = summarizeDeadlines(
      {
        overdue: true,
        deadlineKind: 'supervision',
        dueAt: '2026-12-09T10:00:00Z',
        missedDeadline: { kind: 'dispatch', dueAt: iso(now - 8 * 60_000), settledAt: null, status: 'overdue' },
      },
      now,
    );
    expect(s).toEqual({ missed: '交办超期8分', current: '督办限12-09 18:00', countdown: '剩余 7天4小时', currentLate: false });
  });

  it('writes the year only when the deadline is in another year than now (in Shanghai)', () => {
    const newYear = Date.parse('2026-12-31T16:30:00Z'); // 00:30 on 1 January 2027 in Shanghai
    expect(summarizeDeadlines({ overdue: false, deadlineKind: 'rectify', dueAt: '2027-01-05T10:00:00Z', missedDeadline: null }, newYear).current).toBe('整改限01-05 18:00');
    expect(summarizeDeadlines({ overdue: false, deadlineKind: 'rectify', dueAt: '2026-12-31T10:00:00Z', missedDeadline: null }, newYear).current).toBe('整改限2026-12-31 18:00');
  });

  it('measures a deadline settled late up to its settlement, and does not repeat the current one', () => {
    const late = { kind: 'rectify' as const, dueAt: '2026-12-01T00:00:00Z', settledAt: '2026-12-01T02:30:00Z', status: 'late' as const };
    expect(summarizeDeadlines({ overdue: true, deadlineKind: 'verify', dueAt: iso(now + 3_600_000), missedDeadline: late }, now).missed).toBe('整改超期2小时30分');
    const running = { kind: 'sign_for' as const, dueAt: iso(now - 60_000), settledAt: null, status: 'overdue' as const };
    expect(summarizeDeadlines({ overdue: true, deadlineKind: 'sign_for', dueAt: running.dueAt, missedDeadline: running }, now)).toMatchObject({
      missed: null,
      currentLate: true,
      countdown: '已超期 1分',
    });
  });

  it('tags each deadline of the panel consistently with the list', () => {
    expect(deadlineStatusText({ status: 'overdue', dueAt: iso(now - 8 * 60_000), settledAt: null }, now)).toEqual({ text: '已超期 8分', tone: 'error' });
    expect(deadlineStatusText({ status: 'pending', dueAt: iso(now + 1), settledAt: null }, now).text).toBe('进行中');
    expect(deadlineStatusText({ status: 'late', dueAt: iso(now - 3_600_000), settledAt: iso(now) }, now).text).toBe('超期1小时0分后完成');
    expect(deadlineStatusText({ status: 'met', dueAt: iso(now), settledAt: iso(now - 1) }, now).text).toBe('按期完成');
  });
});

describe('shown actions (issue 19 item 12)', () => {
  const review = (dueAt: number) => [{ id: 'r', kind: 'review' as const, dueAt: iso(dueAt), originalDueAt: iso(dueAt), level: null, status: 'pending' as const }];

  it('offers 催办 only after dispatch and one primary action', () => {
    const before = shownActions({ state: 'pending_dispatch', allowedActions: ['dispatch', 'remind', 'reject', 'accept'], deadlines: [] }, now);
    expect(before).toEqual(['accept', 'dispatch', 'reject']);
    expect(primaryAction(before)).toBe('accept');
    expect(shownActions({ state: 'rectifying', allowedActions: ['remind'], deadlines: [] }, now)).toEqual(['remind']);
  });

  it('offers 回头看 only when it is due', () => {
    const c = { state: 'closed' as const, allowedActions: ['review_pass' as const, 'review_fail' as const] };
    expect(shownActions({ ...c, deadlines: review(now + 30 * 86_400_000) }, now)).toEqual([]);
    expect(shownActions({ ...c, deadlines: review(now + REVIEW_WINDOW_MS - 1) }, now)).toEqual(['review_pass', 'review_fail']);
  });
});
