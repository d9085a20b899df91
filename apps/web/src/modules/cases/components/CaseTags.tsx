import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { STATE_COLORS, SUPERVISION_LEVEL_LABELS, severityLabel, stateLabel } from '../../../i18n/labels';
import { countdownText, formatDateTime } from '../../../lib/time';
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

/** A due date with its countdown; red when overdue. */
export function DueText({ dueAt, overdue, done }: { dueAt?: string | null; overdue?: boolean; done?: boolean }) {
  const now = useNow();
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const cd = countdownText(dueAt, now);
  const late = overdue || (!done && cd.overdue);
  return (
    <Tooltip title={`时限：${formatDateTime(dueAt)}`}>
      <div className="due-text">
        <div>{formatDateTime(dueAt)}</div>
        {!done && (
          <Typography.Text type={late ? 'danger' : cd.text.includes('天') ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
            {late && !cd.overdue ? '已超期' : cd.text}
          </Typography.Text>
        )}
      </div>
    </Tooltip>
  );
}
