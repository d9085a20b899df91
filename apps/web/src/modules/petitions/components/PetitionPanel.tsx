import { PrinterOutlined } from '@ant-design/icons';
import type { PetitionAction } from '@ecoloop/workflow';
import { PETITION_ACTIONS } from '@ecoloop/workflow';
import { App, Button, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../api';
import { petitionsApi } from '../../../api/petitions';
import { countdownText, formatDate, formatDateTime } from '../../../lib/time';
import type { Case } from '../../cases/types';
import { CHANNEL_LABELS, GRADE_LABELS, PETITION_ACTION_LABELS, PETITION_DOCUMENTS, PETITION_STATE_LABELS, SATISFACTION_LABELS } from '../types';
import { PetitionActionModal } from './PetitionActionModal';

const CLOCK_LABELS: Record<string, string> = {
  petition_accept: '受理告知',
  petition_reply: '答复',
  petition_review: '复查',
  petition_recheck: '复核',
};

/** Which documents can be printed in a petition state. */
function printable(kase: Case): (typeof PETITION_DOCUMENTS)[number][] {
  const p = kase.petition!;
  return PETITION_DOCUMENTS.filter((d) =>
    d.key === 'acceptance-notice' ? p.acceptedAt !== null : d.key === 'non-acceptance-notice' ? p.state === 'declined' : p.replyCount > 0,
  );
}

/** The petition (信访) of a case: its limits with countdowns, petitioners for the desk, its actions and documents. */
export function PetitionPanel({ kase, onChanged }: { kase: Case; onChanged(updated: Case | null): void }) {
  const { message } = App.useApp();
  const [action, setAction] = useState<PetitionAction | null>(null);
  const p = kase.petition;
  if (!p) return null;
  const actions = PETITION_ACTIONS.filter((a) => kase.allowedActions?.includes(a));
  const clocks = (kase.deadlines ?? []).filter((d) => d.kind.startsWith('petition_') && d.status === 'pending');

  const print = async (doc: Parameters<typeof petitionsApi.document>[1]) => {
    const win = window.open('', '_blank');
    try {
      const blob = await petitionsApi.document(kase.id, doc);
      const url = URL.createObjectURL(blob);
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (e) {
      win?.close();
      message.error(`无法生成文书：${errorText(e)}`);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="petition-panel">
      <Space wrap>
        <Tag color="blue" data-testid="petition-state">{PETITION_STATE_LABELS[p.state]}</Tag>
        <Tag>{CHANNEL_LABELS[p.channel]}</Tag>
        {p.grade !== 'general' && <Tag color="orange">{GRADE_LABELS[p.grade]}</Tag>}
        {p.extensionUsed && <Tag color="gold">已延期</Tag>}
        {p.satisfaction && <Tag color={p.satisfaction === 'dissatisfied' ? 'red' : 'green'}>回访：{SATISFACTION_LABELS[p.satisfaction]}</Tag>}
      </Space>
      {clocks.map((d) => {
        const c = countdownText(d.dueAt);
        return (
          <div key={d.id ?? d.kind} data-testid={`petition-clock-${d.kind}`}>
            {CLOCK_LABELS[d.kind] ?? d.kind}期限 {formatDateTime(d.dueAt)}{' '}
            <Typography.Text type={c.overdue ? 'danger' : 'secondary'}>{c.text}</Typography.Text>
          </div>
        );
      })}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'received', label: '收件时间', children: formatDateTime(p.receivedAt) },
          ...(p.acceptedAt ? [{ key: 'accepted', label: '受理时间', children: formatDateTime(p.acceptedAt) }] : []),
          ...(p.repliedAt ? [{ key: 'replied', label: `答复时间（第${p.replyCount}次）`, children: formatDateTime(p.repliedAt) }] : []),
          ...(p.reviewWindowEndsAt ? [{ key: 'window', label: '可申请复查/复核至', children: formatDate(p.reviewWindowEndsAt) }] : []),
          { key: 'request', label: '信访请求', children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.request}</span> },
          {
            key: 'petitioners',
            label: `信访人（${p.petitionerCount}）`,
            children: p.petitioners ? (
              <List
                size="small"
                dataSource={p.petitioners}
                data-testid="petitioners"
                renderItem={(x) => (
                  <List.Item>
                    {x.anonymous ? '匿名' : x.name} {x.phone ?? ''} {x.idNumber ?? ''}
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">信访人信息仅本辖区信访受理人员可见</Typography.Text>
            ),
          },
        ]}
      />
      {actions.length > 0 && (
        <Space wrap data-testid="petition-actions">
          {actions.map((a) => (
            <Button key={a} type={a === 'reply' || a === 'accept_petition' ? 'primary' : 'default'} onClick={() => setAction(a)} data-testid={`petition-action-${a}`}>
              {PETITION_ACTION_LABELS[a]}
            </Button>
          ))}
        </Space>
      )}
      {p.petitioners && printable(kase).length > 0 && (
        <Space wrap>
          {printable(kase).map((d) => (
            <Button key={d.key} size="small" icon={<PrinterOutlined />} onClick={() => void print(d.key)} data-testid={`petition-print-${d.key}`}>
              {d.label}
            </Button>
          ))}
        </Space>
      )}
      <PetitionActionModal
        action={action}
        kase={kase}
        onClose={() => setAction(null)}
        onDone={(updated) => {
          setAction(null);
          onChanged(updated);
        }}
      />
    </Space>
  );
}
