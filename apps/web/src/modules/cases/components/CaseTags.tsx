import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { STATE_COLORS, SUPERVISION_LEVEL_LABELS, severityLabel, stateLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../lib/time';
import { summarizeDeadlines } from '../deadlineText';
import type { Case } from '../types';

export function StateTag({ state, testId }: { state: string; testId?: string }) {
  const color = (STATE_COLORS as Record<string, string>)[state] ?? 'default';
  return (
    <Tag color={color} data-testid={testId} data-state={state}>
      {stateLabel(state)}
    </Tag>
  );
}

export function CaseFlags({ c }: { c: Pick<Case, 'overdue' | 'supervisionLevel' | 'severity' | 'reworkCount'> }) {
  if (!c.overdue && !c.supervisionLevel && c.severity !== 'major' && !(c.reworkCount ?? 0)) return null;
  return (
    <Space size={4} wrap>
      {c.overdue && (
        <Tag color="red" data-testid="flag-overdue">
          超期
        </Tag>
      )}
      {c.supervisionLevel && (
        <Tag color="volcano">{SUPERVISION_LEVEL_LABELS[c.supervisionLevel] ?? '督办'}</Tag>
      )}
      {c.severity === 'major' && <Tag color="magenta">{severityLabel('major')}</Tag>}
      {(c.reworkCount ?? 0) > 0 && <Tag color="gold">返工 {c.reworkCount}</Tag>}
    </Space>
  );
}

/** Re-renders every `ms` so countdowns stay current. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}

/**
 * The current stage's deadline with its countdown, and before it the missed deadline the overdue
 * flag is about ("交办超期8分 · 督办限12-09 18:00"), so 已超期 never stands beside a future date.
 */
export function DueText({
  c,
  done,
  inline,
}: {
  c: Pick<Case, 'dueAt' | 'deadlineKind' | 'overdue' | 'missedDeadline'>;
  done?: boolean;
  inline?: boolean;
}) {
  const now = useNow();
  const s = summarizeDeadlines(c, now);
  if (done) return c.dueAt ? <span>{formatDateTime(c.dueAt)}</span> : <Typography.Text type="secondary">—</Typography.Text>;
  if (!s.current && !s.missed) return <Typography.Text type="secondary">—</Typography.Text>;
  const missed = s.missed && (
    <Typography.Text type="danger" strong style={{ fontSize: 12 }} data-testid="due-missed">
      {s.missed}
    </Typography.Text>
  );
  const current = s.current && (
    <span data-testid="due-current">
      {s.current}
      {!inline && s.countdown && (
        <Typography.Text type={s.currentLate ? 'danger' : s.countdown.includes('天') ? 'secondary' : 'warning'} style={{ fontSize: 12, marginInlineStart: 6 }}>
          {s.countdown}
        </Typography.Text>
      )}
    </span>
  );
  if (inline)
    return (
      <span className="due-text-inline" data-testid="due-text">
        {missed}
        {missed && current && ' · '}
        {current}
      </span>
    );
  return (
    <Tooltip title={c.dueAt ? `当前环节时限：${formatDateTime(c.dueAt)}` : undefined}>
      <div className="due-text" data-testid="due-text">
        {missed && <div>{missed}</div>}
        {current && <div>{current}</div>}
      </div>
    </Tooltip>
  );
}
