// 批量交办 / 批量催办 from the case list: the selected cases, one action each through the same action
// endpoint as the case page (each with its own version), and what became of each.
import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { casesApi } from '../../../api/cases';
import { errorText } from '../../../api';
import { ACTION_LABELS } from '../../../i18n/labels';
import { useUser } from '../../auth/hooks/useSession';
import { useAssignableUnits } from '../hooks/useUnits';
import type { Case } from '../types';

export type BatchAction = 'dispatch' | 'remind';

interface Outcome {
  id: string;
  code: string;
  title: string;
  result: 'done' | 'skipped' | 'failed';
  text: string;
}

const RESULT_ICON = {
  done: <CheckCircleOutlined style={{ color: '#1f7a4d' }} />,
  skipped: <MinusCircleOutlined style={{ color: '#999' }} />,
  failed: <CloseCircleOutlined style={{ color: '#e5484d' }} />,
};

/** The toolbar over a selection: how many are chosen and the two batch actions. */
export function BatchBar({ selected, onRun, onClear }: { selected: Case[]; onRun(a: BatchAction): void; onClear(): void }) {
  if (!selected.length) return null;
  const can = (a: BatchAction) => selected.filter((c) => c.allowedActions.includes(a)).length;
  return (
    <div className="batch-bar" data-testid="batch-bar">
      <Typography.Text>
        已选 <strong data-testid="batch-count">{selected.length}</strong> 件
      </Typography.Text>
      <Space wrap>
        <Button type="primary" disabled={!can('dispatch')} onClick={() => onRun('dispatch')} data-testid="batch-dispatch">
          批量交办（{can('dispatch')}）
        </Button>
        <Button disabled={!can('remind')} onClick={() => onRun('remind')} data-testid="batch-remind">
          批量催办（{can('remind')}）
        </Button>
        <Button type="link" onClick={onClear}>
          取消选择
        </Button>
      </Space>
    </div>
  );
}

export function BatchModal({ action, cases, onClose }: { action: BatchAction | null; cases: Case[]; onClose(changed: boolean): void }) {
  const user = useUser();
  const { units, loading: unitsLoading } = useAssignableUnits(action === 'dispatch' ? user.regionCode : undefined);
  const [form] = Form.useForm<{ leadUnitId?: string; comment?: string; note?: string }>();
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const label = action ? ACTION_LABELS[action] : '';
  const eligible = cases.filter((c) => action && c.allowedActions.includes(action));

  const close = () => {
    const changed = outcomes !== null;
    setOutcomes(null);
    setRunning(null);
    form.resetFields();
    onClose(changed);
  };

  const run = async () => {
    if (!action) return;
    const v = await form.validateFields();
    const payload = action === 'dispatch' ? { leadUnitId: v.leadUnitId, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) } : { note: v.note!.trim() };
    const results: Outcome[] = [];
    setRunning({ done: 0, total: cases.length });
    // One at a time: each case is its own write, with its own version and its own answer.
    for (const c of cases) {
      const base = { id: c.id, code: c.code, title: c.title };
      if (!c.allowedActions.includes(action)) {
        results.push({ ...base, result: 'skipped', text: `当前状态不能${label}` });
      } else {
        try {
          await casesApi.act(c.id, action, c.version, payload as never);
          results.push({ ...base, result: 'done', text: `已${label}` });
        } catch (e) {
          results.push({ ...base, result: 'failed', text: errorText(e) });
        }
      }
      setRunning({ done: results.length, total: cases.length });
    }
    setRunning(null);
    setOutcomes(results);
  };

  const done = outcomes?.filter((o) => o.result === 'done').length ?? 0;
  const failed = outcomes?.filter((o) => o.result === 'failed').length ?? 0;
  const skipped = outcomes?.filter((o) => o.result === 'skipped').length ?? 0;

  return (
    <Modal
      open={action !== null}
      title={`批量${label}（${cases.length} 件）`}
      onCancel={close}
      maskClosable={false}
      destroyOnHidden
      width={640}
      footer={
        outcomes ? (
          <Button type="primary" onClick={close} data-testid="batch-close">
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={running !== null} disabled={!eligible.length} onClick={() => void run()} data-testid="batch-submit">
              {running ? `正在${label} ${running.done}/${running.total}` : `${label} ${eligible.length} 件`}
            </Button>
          </Space>
        )
      }
    >
      {outcomes ? (
        <>
          <Alert
            type={failed ? 'warning' : 'success'}
            showIcon
            data-testid="batch-summary"
            title={`${label}成功 ${done} 件${failed ? `，失败 ${failed} 件` : ''}${skipped ? `，跳过 ${skipped} 件` : ''}`}
            style={{ marginBottom: 12 }}
          />
          <Table<Outcome>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={outcomes}
            scroll={{ y: 320 }}
            columns={[
              { title: '案件', key: 'code', width: 150, render: (_, o) => <Link to={`/cases/${o.id}`}>{o.code}</Link> },
              { title: '标题', dataIndex: 'title', ellipsis: true },
              {
                title: '结果',
                key: 'result',
                width: 200,
                render: (_, o) => (
                  <span data-testid="batch-result" data-code={o.code} data-result={o.result}>
                    {RESULT_ICON[o.result]} {o.text}
                  </span>
                ),
              },
            ]}
          />
        </>
      ) : (
        <Form form={form} layout="vertical" disabled={running !== null} initialValues={{ note: '请抓紧办理，按时反馈。' }}>
          {eligible.length < cases.length && (
            <Alert type="info" showIcon title={`所选 ${cases.length} 件中 ${cases.length - eligible.length} 件当前不能${label}，将跳过`} style={{ marginBottom: 12 }} />
          )}
          {action === 'dispatch' ? (
            <>
              <Form.Item name="leadUnitId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]} extra="办理时限按时限策略自动计算">
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={unitsLoading}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                  placeholder="选择牵头单位"
                  data-testid="batch-field-leadUnitId"
                />
              </Form.Item>
              <Form.Item name="comment" label="交办意见">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="note" label="催办内容" rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="batch-field-note" />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
