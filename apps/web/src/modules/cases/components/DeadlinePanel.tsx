import { Empty, Tag, Typography } from 'antd';
import { deadlineKindLabel } from '../../../i18n/labels';
import { countdownText, formatDateTime } from '../../../lib/time';
import { deadlineStatusText } from '../deadlineText';
import type { Case, CaseDeadline } from '../types';
import { useNow } from './CaseTags';

const ORDER: Record<string, number> = { pending: 0, overdue: 1, late: 2, met: 3, cancelled: 4 };

/**
 * Deadlines of a case with a live countdown; falls back to the case's current dueAt. The tag says
 * the same as the list: a deadline missed earlier shows how late it was, the running one its countdown.
 */
export function DeadlinePanel({ kase }: { kase: Case }) {
  const now = useNow(15_000);
  const list: CaseDeadline[] =
    kase.deadlines && kase.deadlines.length
      ? kase.deadlines
      : kase.dueAt && kase.deadlineKind
        ? [{ id: 'current', kind: kase.deadlineKind, dueAt: kase.dueAt, originalDueAt: kase.dueAt, level: null, status: 'pending', settledAt: null }]
        : [];
  if (!list.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前无计时" />;
  const running = (d: CaseDeadline) => d.status === 'pending' || (d.status === 'overdue' && !d.settledAt);
  const sorted = [...list].sort(
    (a, b) => Number(running(b)) - Number(running(a)) || (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || b.dueAt.localeCompare(a.dueAt),
  );
  return (
    <div className="deadline-list" data-testid="case-deadlines">
      {sorted.map((d, i) => {
        const live = running(d);
        const status = deadlineStatusText(d, now);
        const cd = countdownText(d.dueAt, now);
        const current = d.kind === kase.deadlineKind && d.dueAt === kase.dueAt && d.status === 'pending';
        return (
          <div key={d.id ?? `${d.kind}-${i}`} className="deadline-item" data-testid="deadline-item" data-kind={d.kind} data-status={d.status}>
            <div style={{ width: '100%' }}>
              <div className="deadline-head">
                <Typography.Text strong>
                  {deadlineKindLabel(d.kind)}
                  {current && <Typography.Text type="secondary">（当前环节）</Typography.Text>}
                </Typography.Text>
                <Tag color={status.tone} data-testid="deadline-status">
                  {status.text}
                </Tag>
              </div>
              <div className="deadline-body">
                <span>截止 {formatDateTime(d.dueAt)}</span>
                {d.originalDueAt && d.originalDueAt !== d.dueAt && (
                  <Typography.Text type="secondary" delete style={{ marginInlineStart: 8 }}>
                    原 {formatDateTime(d.originalDueAt)}
                  </Typography.Text>
                )}
                {!live && d.settledAt && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {d.status === 'cancelled' ? '停止于' : '完成于'} {formatDateTime(d.settledAt)}
                  </Typography.Text>
                )}
              </div>
              {d.status === 'pending' && (
                <Typography.Text type={cd.overdue ? 'danger' : 'warning'} strong data-testid="deadline-countdown">
                  {cd.text}
                </Typography.Text>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
