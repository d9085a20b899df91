import { Empty, Tag, Typography } from 'antd';
import { deadlineKindLabel, deadlineStatusLabel } from '../../../i18n/labels';
import { countdownText, formatDateTime } from '../../../lib/time';
import type { Case, CaseDeadline } from '../types';
import { useNow } from './CaseTags';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', met: 'success', overdue: 'error', cancelled: 'default' };

/** Deadlines of a case with a live countdown; falls back to the case's current dueAt. */
export function DeadlinePanel({ kase }: { kase: Case }) {
  const now = useNow(15_000);
  const list: CaseDeadline[] =
    kase.deadlines && kase.deadlines.length
      ? kase.deadlines
      : kase.dueAt && kase.deadlineKind
        ? [{ kind: kase.deadlineKind, dueAt: kase.dueAt, status: kase.overdue ? 'overdue' : 'pending' }]
        : [];
  if (!list.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前无计时" />;
  const order = { pending: 0, overdue: 1, met: 2, cancelled: 3 } as Record<string, number>;
  const sorted = [...list].sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || a.dueAt.localeCompare(b.dueAt));
  return (
    <div className="deadline-list" data-testid="case-deadlines">
      {sorted.map((d, i) => {
        const cd = countdownText(d.dueAt, now);
        const live = d.status === 'pending' || d.status === 'overdue';
        const late = d.status === 'overdue' || (d.status === 'pending' && cd.overdue);
        return (
          <div key={d.id ?? `${d.kind}-${i}`} className="deadline-item" data-testid="deadline-item" data-kind={d.kind} data-status={d.status}>
            <div style={{ width: '100%' }}>
              <div className="deadline-head">
                <Typography.Text strong>{deadlineKindLabel(d.kind)}</Typography.Text>
                <Tag color={late ? 'error' : STATUS_COLOR[d.status]}>{late ? '已超期' : deadlineStatusLabel(d.status)}</Tag>
              </div>
              <div className="deadline-body">
                <span>截止 {formatDateTime(d.dueAt)}</span>
                {d.originalDueAt && d.originalDueAt !== d.dueAt && (
                  <Typography.Text type="secondary" delete style={{ marginInlineStart: 8 }}>
                    原 {formatDateTime(d.originalDueAt)}
                  </Typography.Text>
                )}
              </div>
              {live && (
                <Typography.Text type={late ? 'danger' : 'warning'} strong data-testid="deadline-countdown">
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
