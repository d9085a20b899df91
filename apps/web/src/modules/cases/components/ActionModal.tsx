import type { CaseAction } from '@ecoloop/workflow';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '../../../api';
import { casesApi } from '../../../api/cases';
import { evidenceRule, PhotoPicker, uploadedIds, type PickedFile } from '../../../components/PhotoPicker';
import { ACTION_LABELS, stateLabel } from '../../../i18n/labels';
import { dayjs, endOfDayInShanghai } from '../../../lib/time';
import { countyCodeOf } from '../hooks/useRegions';
import { useUnits } from '../hooks/useUnits';
import type { ActionPayload, Case } from '../types';
import { ACTION_FORMS, type FieldSpec } from '../types/actionForms';
import type { Dayjs } from 'dayjs';

interface Props {
  action: CaseAction | null;
  kase: Case;
  onClose(): void;
  /** After success (with the updated case) or after a 409 (with null: reload). */
  onDone(updated: Case | null): void;
}

type Values = Record<string, unknown>;

export function ActionModal({ action, kase, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const spec = action ? ACTION_FORMS[action] : null;

  useEffect(() => {
    if (!action) return;
    setError(null);
    form.resetFields();
    const initial: Values = {};
    for (const f of ACTION_FORMS[action].fields) if (f.initial !== undefined) initial[f.kind] = f.initial;
    form.setFieldsValue(initial);
  }, [action, form]);

  if (!action || !spec) return null;

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const payload: ActionPayload = {};
    for (const f of spec.fields) {
      const v = values[f.kind];
      if (v === undefined || v === null || v === '') continue;
      switch (f.kind) {
        case 'dueAt':
        case 'newDueAt':
          payload[f.kind] = endOfDayInShanghai(v as Dayjs);
          break;
        case 'evidence': {
          const ids = uploadedIds(v as PickedFile[]);
          if (ids.length) payload.attachmentIds = ids;
          break;
        }
        case 'coUnitIds':
          if ((v as string[]).length) payload.coUnitIds = v as string[];
          break;
        case 'approve':
          payload.approve = Boolean(v);
          break;
        default:
          (payload as Record<string, unknown>)[f.kind] = typeof v === 'string' ? v.trim() : v;
      }
    }
    setSubmitting(true);
    setError(null);
    try {
      const updated = await casesApi.act(kase.id, action, kase.version, payload);
      message.success(`${ACTION_LABELS[action]}成功`);
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 409) {
        message.warning('案件已被他人更新，已为您刷新最新信息');
        onDone(null);
      } else {
        setError(errorText(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={`${ACTION_LABELS[action]} · ${kase.code}`}
      okText={`确认${ACTION_LABELS[action]}`}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger, loading: submitting, 'data-testid': 'action-submit' } as never}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid={`action-modal-${action}`}
    >
      {spec.hint && <Alert type="info" showIcon title={spec.hint} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Form form={form} layout="vertical" requiredMark>
        {spec.fields.map((f) => (
          <ActionField key={f.kind} spec={f} kase={kase} />
        ))}
      </Form>
    </Modal>
  );
}

function ActionField({ spec, kase }: { spec: FieldSpec; kase: Case }) {
  const required = spec.required ? [{ required: true, message: `请填写${spec.label}` }] : [];
  switch (spec.kind) {
    case 'reason':
    case 'comment':
    case 'note':
    case 'measures':
      return (
        <Form.Item name={spec.kind} label={spec.label} rules={[...required, { max: 2000, message: '不超过 2000 字' }]}>
          <Input.TextArea
            autoSize={{ minRows: spec.kind === 'measures' ? 4 : 2, maxRows: 8 }}
            placeholder={spec.placeholder ?? `请输入${spec.label}`}
            data-testid={`field-${spec.kind}`}
          />
        </Form.Item>
      );
    case 'leadUnitId':
    case 'coUnitIds':
      return (
        <Form.Item
          name={spec.kind}
          label={spec.label}
          rules={spec.required ? [{ required: true, message: `请选择${spec.label}` }] : []}
        >
          <UnitSelect regionCode={countyCodeOf(kase.regionCode)} multiple={spec.kind === 'coUnitIds'} testId={`field-${spec.kind}`} />
        </Form.Item>
      );
    case 'dueAt':
    case 'newDueAt':
      return (
        <Form.Item
          name={spec.kind}
          label={spec.label}
          rules={spec.required ? [{ required: true, message: `请选择${spec.label}` }] : []}
          extra="按所选日期当天 24 时（北京时间）计"
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
            placeholder="选择日期"
            data-testid={`field-${spec.kind}`}
          />
        </Form.Item>
      );
    case 'approve':
      return (
        <Form.Item name="approve" label={spec.label} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: '同意延期' },
              { value: false, label: '不同意' },
            ]}
            data-testid="field-approve"
          />
        </Form.Item>
      );
    case 'targetCaseId':
      return (
        <Form.Item name="targetCaseId" label={spec.label} rules={[{ required: true, message: '请选择要并入的案件' }]}>
          <CaseSelect kase={kase} />
        </Form.Item>
      );
    case 'evidence':
      return (
        <Form.Item
          name="evidence"
          label={spec.label}
          rules={[evidenceRule(spec.min ?? 0)]}
          required={spec.required}
          valuePropName="value"
        >
          <PhotoPicker accept="image/*,application/pdf" buttonText="上传材料" testId="evidence-upload" />
        </Form.Item>
      );
  }
}

function UnitSelect({
  regionCode,
  multiple,
  value,
  onChange,
  testId,
}: {
  regionCode?: string;
  multiple?: boolean;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  testId: string;
}) {
  const { units, loading, error } = useUnits(regionCode);
  return (
    <>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        mode={multiple ? 'multiple' : undefined}
        loading={loading}
        value={value}
        onChange={onChange}
        placeholder={loading ? '加载单位…' : '选择单位'}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        notFoundContent={loading ? <Spin size="small" /> : '无可选单位'}
        data-testid={testId}
      />
      {error && <Alert type="warning" title={`单位列表加载失败：${error}`} style={{ marginTop: 4 }} />}
    </>
  );
}

/** 120 → 相距 120 米; 1450 → 相距 1.5 公里; null (no coordinates) → 同一区域. */
export function distanceText(m: number | null | undefined): string {
  if (m === null || m === undefined) return '同一区域';
  return m < 1000 ? `相距 ${Math.round(m)} 米` : `相距 ${(m / 1000).toFixed(1)} 公里`;
}

type Dup = Case & { distanceM: number | null };
const OPEN = (c: Case) => !['closed', 'rejected', 'merged'].includes(c.state);

/**
 * The merge target: first the likely duplicates of this case (GET /cases/:id/duplicates, nearest
 * first), then whatever the search finds among the open cases.
 */
function CaseSelect({ kase, value, onChange }: { kase: Case; value?: string; onChange?: (v: string) => void }) {
  const [dups, setDups] = useState<Dup[] | null>(null);
  const [found, setFound] = useState<Case[]>([]);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  const search = async (text: string) => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const res = await casesApi.list({ q: text || undefined, page: 1, pageSize: 20, sort: '-createdAt' });
      if (mine === seq.current) setFound(res.items.filter((c) => c.id !== kase.id && OPEN(c)));
    } catch {
      if (mine === seq.current) setFound([]);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };

  useEffect(() => {
    let alive = true;
    casesApi
      .duplicates(kase.id)
      .then((list) => {
        if (!alive) return;
        const sorted = (Array.isArray(list) ? list : [])
          .filter((c) => c.id !== kase.id)
          .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
        setDups(sorted);
        if (!sorted.length) void search('');
      })
      .catch(() => {
        if (!alive) return;
        setDups([]);
        void search('');
      });
    return () => {
      alive = false;
      window.clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kase.id]);

  const onSearch = (text: string) => {
    setQ(text);
    window.clearTimeout(timer.current);
    if (!text.trim()) {
      if (dups?.length) setFound([]);
      else void search('');
      return;
    }
    timer.current = window.setTimeout(() => void search(text.trim()), 250);
  };

  const term = q.trim();
  const shownDups = (dups ?? []).filter((c) => !term || c.code.includes(term) || c.title.includes(term));
  const dupIds = new Set(shownDups.map((c) => c.id));
  const others = found.filter((c) => !dupIds.has(c.id));
  const option = (c: Case, extra?: string) => ({
    value: c.id,
    title: `${c.code} ${c.title}`,
    label: (
      <div className="merge-option" data-testid={extra ? 'merge-duplicate-option' : 'merge-search-option'}>
        <div className="merge-option-title">
          {c.code} {c.title}
        </div>
        <div className="merge-option-meta">
          {[extra, stateLabel(c.state), c.regionName ?? c.regionCode].filter(Boolean).join(' · ')}
        </div>
      </div>
    ),
  });
  const options = [
    ...(shownDups.length ? [{ label: `附近疑似重复（${shownDups.length}）`, options: shownDups.map((c) => option(c, distanceText(c.distanceM))) }] : []),
    ...(others.length ? [{ label: term ? '搜索结果' : '其他未办结案件', options: others.map((c) => option(c)) }] : []),
  ];
  const busy = dups === null || loading;

  return (
    <>
      <Select
        showSearch={{ filterOption: false, onSearch }}
        value={value}
        onChange={onChange}
        loading={busy}
        options={options}
        optionLabelProp="title"
        placeholder={dups?.length ? '选择附近疑似重复案件，或输入编号、标题搜索' : '输入编号或标题搜索'}
        notFoundContent={busy ? <Spin size="small" /> : '无匹配的未办结案件'}
        popupMatchSelectWidth
        data-testid="field-targetCaseId"
      />
      {dups !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="merge-duplicates-hint">
          {dups.length ? `发现 ${dups.length} 件附近的疑似重复案件，已列在最前` : '未发现附近的疑似重复案件，可按编号或标题搜索'}
        </Typography.Text>
      )}
    </>
  );
}
