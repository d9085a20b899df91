import { Empty, Tag, Timeline, Typography } from 'antd';
import { PETITION_STATE_LABELS } from '@ecoloop/workflow';
import { actionLabel, roleLabel, stateLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../lib/time';
import type { CaseEvent } from '../types';
import { AttachmentGallery } from './AttachmentGallery';

const COLOR: Record<string, string> = {
  reject: 'red',
  return: 'red',
  reject_completion: 'red',
  review_fail: 'red',
  overdue: 'red',
  auto_supervise: 'red',
  supervise: 'orange',
  remind: 'orange',
  reminder_sent: 'gray',
  approve: 'green',
  review_pass: 'green',
  resolve_on_spot: 'green',
};

/** Payload fields worth showing, in reading order, with their labels. */
const PAYLOAD_FIELDS: [string, string][] = [
  ['reason', '理由'],
  ['note', '说明'],
  ['measures', '整改措施'],
  ['leadUnitName', '牵头单位'],
  ['coUnitNames', '配合单位'],
  ['dueAt', '时限'],
  ['newDueAt', '申请延期至'],
  ['approve', '审批结果'],
  ['targetCaseCode', '并入案件'],
  ['finding', '核查结论'],
  ['caseNumber', '立案号'],
  ['penaltyDecisionNo', '处罚决定书'],
  ['fine', '罚款（元）'],
  ['policeReferral', '移送公安'],
];

function payloadLines(e: CaseEvent, unitNames: Map<string, string>): [string, string][] {
  const p: Record<string, unknown> = { ...e.payload };
  if (!p.leadUnitName && typeof p.leadUnitId === 'string') p.leadUnitName = unitNames.get(p.leadUnitId) ?? undefined;
  if (!p.coUnitNames && Array.isArray(p.coUnitIds) && p.coUnitIds.length)
    p.coUnitNames = p.coUnitIds.map((id) => (typeof id === 'string' ? (unitNames.get(id) ?? id) : String(id))).join('、');
  const lines: [string, string][] = [];
  for (const [key, label] of PAYLOAD_FIELDS) {
    const v = p[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string' && v === e.comment) continue; // already shown as the comment
    let text: string;
    if (key === 'approve') text = v ? '同意' : '不同意';
    else if (key === 'policeReferral') text = v ? '是' : '否';
    else if (key === 'finding') text = v === 'confirmed' ? '问题属实' : '问题不属实';
    else if (key === 'dueAt' || key === 'newDueAt') text = formatDateTime(String(v));
    else text = Array.isArray(v) ? v.join('、') : String(v);
    lines.push([label, text]);
  }
  return lines;
}

export function EventTimeline({ events, unitNames }: { events: CaseEvent[]; unitNames: Map<string, string> }) {
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      data-testid="case-timeline"
      items={sorted.map((e) => ({
        key: e.seq,
        color: COLOR[e.action] ?? 'blue',
        content: (
          <div className="timeline-item" data-testid="timeline-item" data-action={e.action}>
            <div className="timeline-head">
              <span>
                <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                {e.fromState && e.toState && e.fromState !== e.toState && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {stateLabel(e.fromState)} → {stateLabel(e.toState)}
                  </Typography.Text>
                )}
                {petitionStep(e.payload) && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    信访：{petitionStep(e.payload)}
                  </Typography.Text>
                )}
              </span>
              <span className="timeline-time">{formatDateTime(e.at)}</span>
            </div>
            <div className="timeline-actor">
              {e.actorRole === 'system' || e.actorId === 'system' ? (
                <Tag>系统</Tag>
              ) : (
                <>
                  {e.actorName ?? '—'}
                  {e.actorRole && <Tag style={{ marginInlineStart: 6 }}>{roleLabel(e.actorRole)}</Tag>}
                </>
              )}
            </div>
            {e.comment && <div className="timeline-comment">{e.comment}</div>}
            {payloadLines(e, unitNames).map(([label, text]) => (
              <div key={label} className="timeline-payload">
                <Typography.Text type="secondary">{label}：</Typography.Text>
                {text}
              </div>
            ))}
            {e.attachmentIds && e.attachmentIds.length > 0 && (
              <div style={{ marginTop: 6 }}>
                <AttachmentGallery items={e.attachmentIds.map((id) => ({ id }))} size={64} />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** `登记 → 已受理` for a petition action's event (its payload carries the petition's states). */
function petitionStep(payload: Record<string, unknown> | null | undefined): string | null {
  const from = payload?.petitionFrom as keyof typeof PETITION_STATE_LABELS | undefined;
  const to = payload?.petitionTo as keyof typeof PETITION_STATE_LABELS | undefined;
  if (!from || !to || from === to) return null;
  return `${PETITION_STATE_LABELS[from] ?? from} → ${PETITION_STATE_LABELS[to] ?? to}`;
}
