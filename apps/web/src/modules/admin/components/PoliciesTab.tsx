import {
  CATEGORIES,
  DEADLINE_KINDS,
  DEADLINE_UNITS,
  SEVERITIES,
  SUB_CATEGORIES,
  type CaseSource,
  type DeadlineKind,
  type DeadlineUnit,
  type Severity,
} from '@ecoloop/workflow';
import { Alert, App, Button, Cascader, Form, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { deadlinePoliciesApi, type DeadlinePolicy, type DeadlinePolicyInput } from '../../../api/admin';
import {
  CATEGORY_LABELS,
  categoryLabel,
  DEADLINE_KIND_LABELS,
  DEADLINE_UNIT_LABELS,
  deadlineKindLabel,
  deadlineUnitLabel,
  SEVERITY_LABELS,
  severityLabel,
  SUB_CATEGORY_LABELS,
  sourceLabel,
  sourceOptions,
} from '../../../i18n/labels';
import { useAsync } from '../../../lib/useAsync';
import { errorText } from '../../../api';
import { leadText } from '../types';
import { useSaving } from '../../../lib/useSaving';
import { AdminFormModal } from './AdminFormModal';
import { AdminToolbar } from './AdminToolbar';

const ANY = <Typography.Text type="secondary">不限</Typography.Text>;
const isCatchAll = (p: Pick<DeadlinePolicy, 'source' | 'category' | 'severity'>) => p.source === null && p.category === null && p.severity === null;
/** How narrow a policy is: catch-alls first within a kind. */
const specificity = (p: DeadlinePolicy) => (p.source ? 4 : 0) + (p.category ? (p.category.includes('.') ? 2 : 1) : 0) + (p.severity ? 1 : 0);

/** 来源 · 类别 · 程度, or 不限. */
function scopeText(p: DeadlinePolicy): string {
  const parts = [p.source ? sourceLabel(p.source) : null, p.category ? categoryLabel(p.category) : null, p.severity ? severityLabel(p.severity) : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : '不限来源、类别、程度';
}


const categoryOptions = CATEGORIES.map((top) => {
  const subs = SUB_CATEGORIES.filter((s) => s.startsWith(`${top}.`));
  return {
    value: top,
    label: CATEGORY_LABELS[top],
    children: subs.length ? subs.map((s) => ({ value: s, label: SUB_CATEGORY_LABELS[s] })) : undefined,
  };
});

export function PoliciesTab({ isPhone }: { isPhone: boolean }) {
  const { message } = App.useApp();
  const list = useAsync(['deadline-policies'], () => deadlinePoliciesApi.list());
  const [editing, setEditing] = useState<DeadlinePolicy | 'new' | null>(null);
  const rows = [...(list.data ?? [])].sort(
    (a, b) => DEADLINE_KINDS.indexOf(a.kind) - DEADLINE_KINDS.indexOf(b.kind) || specificity(a) - specificity(b),
  );

  const remove = async (p: DeadlinePolicy) => {
    try {
      await deadlinePoliciesApi.remove(p.id);
      message.success('已删除时限规则');
      void list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <div data-testid="admin-policies">
      <AdminToolbar createText="新增规则" createTestId="policy-create" onCreate={() => setEditing('new')} onReload={list.reload} error={list.error}>
        <Typography.Text type="secondary" className="admin-hint">
          案件按来源、类别、程度匹配最具体的一条规则计算各环节时限；“不限”的兜底规则只能修改时长。
        </Typography.Text>
      </AdminToolbar>
      <Table<DeadlinePolicy>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        scroll={{ x: isPhone ? undefined : 860 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, size: isPhone ? 'small' : undefined }}
        data-testid="policy-table"
        columns={[
          {
            hidden: !isPhone,
            title: '规则',
            key: 'rule',
            render: (_, p) => (
              <div>
                <Space size={4} wrap>
                  <strong>{deadlineKindLabel(p.kind)}</strong>
                  {isCatchAll(p) && <Tag color="blue">兜底</Tag>}
                </Space>
                <div className="policy-scope">{scopeText(p)}</div>
              </div>
            ),
          },
          {
            hidden: !isPhone,
            title: '时限',
            key: 'amountPhone',
            width: 96,
            render: (_, p) => (
              <div>
                <strong data-testid="policy-amount">
                  {p.amount} {deadlineUnitLabel(p.unit)}
                </strong>
                <div className="policy-scope">{p.reminderLeadMinutes ? `提前${leadText(p.reminderLeadMinutes)}提醒` : '不提醒'}</div>
              </div>
            ),
          },
          {
            hidden: isPhone,
            title: '办理环节',
            dataIndex: 'kind',
            width: 110,
            fixed: 'left',
            filters: DEADLINE_KINDS.map((k) => ({ text: DEADLINE_KIND_LABELS[k], value: k })),
            onFilter: (v, p) => p.kind === v,
            render: (k: string, p) => (
              <Space size={4} wrap>
                {deadlineKindLabel(k)}
                {isCatchAll(p) && <Tag color="blue">兜底</Tag>}
              </Space>
            ),
          },
          { hidden: isPhone, title: '问题来源', dataIndex: 'source', width: 170, render: (s: string | null) => (s ? sourceLabel(s) : ANY) },
          { hidden: isPhone, title: '问题类别', dataIndex: 'category', width: 170, render: (c: string | null) => (c ? categoryLabel(c) : ANY) },
          { hidden: isPhone, title: '严重程度', dataIndex: 'severity', width: 90, render: (s: string | null) => (s ? severityLabel(s) : ANY) },
          {
            hidden: isPhone,
            title: '时限',
            key: 'amount',
            width: 110,
            sorter: (a, b) => a.amount - b.amount,
            render: (_, p) => (
              <strong data-testid="policy-amount">
                {p.amount} {deadlineUnitLabel(p.unit)}
              </strong>
            ),
          },
          { hidden: isPhone, title: '提前提醒', dataIndex: 'reminderLeadMinutes', width: 100, render: (m: number) => leadText(m) },
          {
            title: '操作',
            key: 'op',
            width: isPhone ? 64 : 110,
            render: (_, p) => (
              <Space size={4} wrap>
                <Button type="link" size="small" onClick={() => setEditing(p)} data-testid="policy-edit">
                  编辑
                </Button>
                {isCatchAll(p) ? (
                  <Tooltip title="兜底规则不能删除">
                    <Button type="link" size="small" danger disabled>
                      删除
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm title="删除这条时限规则？" description="之后的案件改按更宽的规则计算时限。" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(p)}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <PolicyModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            message.success(created ? '已新增时限规则' : '已保存时限规则');
            void list.reload();
          }}
        />
      )}
    </div>
  );
}

const LEAD_UNITS = [
  { value: 1, label: '分钟' },
  { value: 60, label: '小时' },
  { value: 1440, label: '天' },
];

interface PolicyForm {
  kind: DeadlineKind;
  source?: CaseSource;
  category?: string[];
  severity?: Severity;
  amount: number;
  unit: DeadlineUnit;
  lead: number;
  leadUnit: number;
}

function PolicyModal({ editing, onClose, onSaved }: { editing: DeadlinePolicy | 'new'; onClose(): void; onSaved(created: boolean): void }) {
  const [form] = Form.useForm<PolicyForm>();
  const { saving, error, run } = useSaving();
  const creating = editing === 'new';
  const locked = !creating && isCatchAll(editing);

  const initial: Partial<PolicyForm> = creating
    ? { kind: 'rectify', unit: 'days', amount: 15, lead: 1, leadUnit: 1440 }
    : (() => {
        const m = editing.reminderLeadMinutes;
        const leadUnit = m && m % 1440 === 0 ? 1440 : m && m % 60 === 0 ? 60 : 1;
        return {
          kind: editing.kind,
          source: editing.source ?? undefined,
          category: editing.category ? (editing.category.includes('.') ? [editing.category.split('.')[0], editing.category] : [editing.category]) : undefined,
          severity: editing.severity ?? undefined,
          amount: editing.amount,
          unit: editing.unit,
          lead: m / leadUnit,
          leadUnit,
        };
      })();

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input: DeadlinePolicyInput = {
      kind: v.kind,
      source: v.source ?? null,
      category: v.category?.length ? v.category[v.category.length - 1] : null,
      severity: v.severity ?? null,
      amount: v.amount,
      unit: v.unit,
      reminderLeadMinutes: (v.lead ?? 0) * v.leadUnit,
    };
    await run(async () => {
      if (creating) await deadlinePoliciesApi.create(input);
      else await deadlinePoliciesApi.update(editing.id, locked ? { amount: input.amount, unit: input.unit, reminderLeadMinutes: input.reminderLeadMinutes } : input);
      onSaved(creating);
    });
  };

  return (
    <AdminFormModal
      title={creating ? '新增时限规则' : '编辑时限规则'}
      okText={creating ? '新增' : '保存'}
      testId="policy"
      saving={saving}
      error={error}
      onOk={submit}
      onCancel={onClose}
      notice={locked && <Alert type="info" showIcon title="兜底规则：适用范围不能修改，只能调整时长和提醒。" style={{ marginBottom: 12 }} />}
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="kind" label="办理环节" rules={[{ required: true, message: '请选择办理环节' }]}>
          <Select disabled={locked} options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} data-testid="policy-field-kind" />
        </Form.Item>
        <Form.Item name="source" label="问题来源">
          <Select disabled={locked} allowClear placeholder="不限" showSearch={{ optionFilterProp: 'label' }} options={sourceOptions()} />
        </Form.Item>
        <Form.Item name="category" label="问题类别" extra="只选一级类别时适用于其下所有二级类别">
          <Cascader disabled={locked} allowClear placeholder="不限" options={categoryOptions} changeOnSelect />
        </Form.Item>
        <Form.Item name="severity" label="严重程度">
          <Select disabled={locked} allowClear placeholder="不限" options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} />
        </Form.Item>
        <div className="form-pair">
          <Form.Item name="amount" label="时限" rules={[{ required: true, message: '请填写时限' }]}>
            <InputNumber min={0.001} max={100000} style={{ width: '100%' }} data-testid="policy-field-amount" />
          </Form.Item>
          <Form.Item name="unit" label="单位" rules={[{ required: true }]}>
            <Select options={DEADLINE_UNITS.map((u) => ({ value: u, label: DEADLINE_UNIT_LABELS[u] }))} data-testid="policy-field-unit" />
          </Form.Item>
        </div>
        <div className="form-pair">
          <Form.Item name="lead" label="到期前提醒" extra="0 为不提醒">
            <InputNumber min={0} max={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="leadUnit" label="单位">
            <Select options={LEAD_UNITS} />
          </Form.Item>
        </div>
      </Form>
    </AdminFormModal>
  );
}
