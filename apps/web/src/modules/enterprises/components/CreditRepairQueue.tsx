import { Alert, App, Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../../api';
import { enterprisesApi, type CreditRepair, type CreditRepairAction, type CreditRepairState } from '../../../api/enterprises';
import { formatDateTime } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';

export const REPAIR_STATE_TAGS: Record<CreditRepairState, { label: string; color: string }> = {
  under_review: { label: '县级审核中', color: 'processing' },
  publicized: { label: '公示中', color: 'gold' },
  approved: { label: '已修复', color: 'green' },
  refused: { label: '不予修复', color: 'default' },
};

const ACTION_LABELS: Record<CreditRepairAction, string> = { review_pass: '审核通过并公示', approve: '批准修复', refuse: '不予修复' };

/** 信用修复 queue: applications by state; reviewers pass them to the 7-day 公示, then approve or refuse. */
export function CreditRepairQueue() {
  const { message } = App.useApp();
  const [state, setState] = useState<CreditRepairState>('under_review');
  const repairs = useAsync(['credit-repairs', state], () => enterprisesApi.repairs({ state }));
  const [acting, setActing] = useState<{ repair: CreditRepair; action: CreditRepairAction } | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!acting) return;
    try {
      await enterprisesApi.actOnRepair(acting.repair.id, acting.action, comment.trim() || undefined);
      message.success(`${ACTION_LABELS[acting.action]}成功`);
      setActing(null);
      repairs.reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="page" data-testid="page-credit-repairs">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          信用修复
        </Typography.Title>
      </div>
      <Card size="small">
        <Segmented<CreditRepairState>
          value={state}
          onChange={setState}
          options={(Object.keys(REPAIR_STATE_TAGS) as CreditRepairState[]).map((s) => ({ value: s, label: REPAIR_STATE_TAGS[s].label }))}
          style={{ marginBottom: 12 }}
        />
        <Table<CreditRepair>
          rowKey="id"
          size="small"
          loading={repairs.loading}
          dataSource={repairs.data ?? []}
          pagination={false}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName', render: (n: string, r) => <Link to={`/enterprises/${r.creditCode}`}>{n}</Link> },
            { title: '区域', dataIndex: 'regionName', width: 100 },
            { title: '承诺书', dataIndex: 'commitment', ellipsis: true },
            { title: '申请时间', dataIndex: 'createdAt', width: 150, render: formatDateTime },
            {
              title: '公示期',
              key: 'publicity',
              width: 200,
              render: (_: unknown, r) => (r.publicityEndsAt ? `${formatDateTime(r.publicityStartsAt)} 至 ${formatDateTime(r.publicityEndsAt)}` : '—'),
            },
            { title: '状态', dataIndex: 'state', width: 100, render: (s: CreditRepairState) => <Tag color={REPAIR_STATE_TAGS[s].color}>{REPAIR_STATE_TAGS[s].label}</Tag> },
            {
              title: '操作',
              key: 'actions',
              width: 220,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {r.allowedActions.map((a) => (
                    <Button
                      key={a}
                      size="small"
                      danger={a === 'refuse'}
                      type={a === 'refuse' ? 'default' : 'primary'}
                      onClick={() => {
                        setActing({ repair: r, action: a });
                        setComment('');
                        setError(null);
                      }}
                      data-testid={`repair-${a}`}
                    >
                      {ACTION_LABELS[a]}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={!!acting} title={acting ? `${ACTION_LABELS[acting.action]} · ${acting.repair.enterpriseName}` : ''} onOk={submit} onCancel={() => setActing(null)} okText="确认" cancelText="取消" destroyOnHidden>
        {acting?.action === 'review_pass' && <Alert type="info" showIcon title="审核通过后进入 7 天公示，公示期满方可批准修复。" style={{ marginBottom: 12 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Input.TextArea
          value={comment}
          onChange={(ev) => setComment(ev.target.value)}
          autoSize={{ minRows: 3 }}
          placeholder={acting?.action === 'refuse' ? '请填写不予修复的理由（必填）' : '审核意见'}
          data-testid="repair-comment"
        />
      </Modal>
    </div>
  );
}
