import { isOpenState, type CaseAction } from '@ecoloop/workflow';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Spin, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorText } from '../../../api';
import { casesApi } from '../../../api/cases';
import { evidenceRule, PhotoPicker, uploadedIds, type PickedFile } from '../../../components/PhotoPicker';
import { ACTION_LABELS, stateLabel } from '../../../i18n/labels';
import { dayjs, endOfDayInShanghai, formatDateTime } from '../../../lib/time';
import { countyCodeOf } from '../hooks/useRegions';
import { useAssignableUnits } from '../hooks/useUnits';
import { useUser } from '../../auth/hooks/useSession';
import { UNIT_KIND_LABELS } from '../../../i18n/labels';
import { UNIT_KINDS } from '../../../api/admin';
import type { ActionPayload, Case, CaseEvent } from '../types';
import { BeforeAfter, beforeAfter } from './BeforeAfter';
import { ACTION_FORMS, type FieldSpec } from '../types/actionForms';
import type { Dayjs } from 'dayjs';

interface Props {
  action: CaseAction | null;
  kase: Case;
  onClose(): void;
  /** After success, with the updated case. */
  onDone(updated: Case): void;
  /** After a 409: reload the case behind the dialog; resolves to the fresh case (null if it could not be read). */
  onConflict(): Promise<Case | null>;
  /** The case's events (for 整改前后对比 on completion and sign-off). */
  events?: CaseEvent[];
}

/** Actions that show the report's photos beside the completion's. */
const COMPARE_ACTIONS: CaseAction[] = ['submit_completion', 'approve', 'reject_completion'];

type Values = Record<string, unknown>;

export function ActionModal({ action, kase, onClose, onDone, onConflict, events = [] }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What changed under the dialog (a 409), and whether the action can still be taken. */
  const [conflict, setConflict] = useState<{ text: string; stillAllowed: boolean } | null>(null);
  const spec = action ? ACTION_FORMS[action] : null;

  useEffect(() => {
    if (!action) return;
    setError(null);
    setConflict(null);
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
      setConflict(null);
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 409) {
        // Keep the dialog and everything in it (text, uploaded evidence); show the case as it is now.
        const fresh = await onConflict().catch(() => null);
        setConflict(describeConflict(kase, fresh, action));
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
      cancelText="取消"
      okText={conflict?.stillAllowed ? `按最新信息重新提交` : `确认${ACTION_LABELS[action]}`}
      okButtonProps={{ danger: spec.danger, loading: submitting, disabled: conflict !== null && !conflict.stillAllowed, 'data-testid': 'action-submit' } as never}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid={`action-modal-${action}`}
    >
      {spec.hint && <Alert type="info" showIcon title={spec.hint} style={{ marginBottom: 12 }} />}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title="案件已被他人更新"
          description={conflict.text}
          style={{ marginBottom: 12 }}
          data-testid="action-conflict"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Form form={form} layout="vertical" requiredMark>
        {COMPARE_ACTIONS.includes(action) && action !== 'submit_completion' && <BeforeAfter {...beforeAfter(kase, events)} />}
        {spec.fields.map((f) =>
          action === 'submit_completion' && f.kind === 'evidence' ? (
            // The report's photos beside the upload, so that the after-photos can be taken from the same spot.
            <BeforeAfter key={f.kind} before={beforeAfter(kase, events).before} afterNode={<ActionField spec={{ ...f, label: '整改后照片及材料' }} kase={kase} />} />
          ) : (
            <ActionField key={f.kind} spec={f} kase={kase} />
          ),
        )}
      </Form>
    </Modal>
  );
}

/** What a 409 means for the person in the dialog: what changed, and whether they can still go on. */
export function describeConflict(before: Case, after: Case | null, action: CaseAction): { text: string; stillAllowed: boolean } {
  if (!after) return { text: '无法读取最新信息，请稍后重试；已填写的内容已保留。', stillAllowed: true };
  const changes: string[] = [];
  if (after.state !== before.state) changes.push(`状态由“${stateLabel(before.state)}”变为“${stateLabel(after.state)}”`);
  if ((after.leadUnitName ?? null) !== (before.leadUnitName ?? null) && after.leadUnitName) changes.push(`牵头单位为${after.leadUnitName}`);
  if (after.dueAt !== before.dueAt && after.dueAt) changes.push(`时限变为 ${formatDateTime(after.dueAt)}`);
  if (after.supervisionLevel !== before.supervisionLevel && after.supervisionLevel) changes.push('已被督办');
  const what = changes.length ? `${changes.join('，')}。` : '案件信息有更新（如进展、催办）。';
  const stillAllowed = (after.allowedActions as string[]).includes(action);
  return {
    text: stillAllowed
      ? `${what}页面已刷新为最新信息，已填写的内容和上传的材料均已保留，核对后可重新提交。`
      : `${what}当前已无法${ACTION_LABELS[action]}，已填写的内容仍保留在此，可复制后关闭。`,
    stillAllowed,
  };
}

function ActionField({ spec, kase }: { spec: FieldSpec; kase: Case }) {
  const me = useUser();
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
          <UnitSelect regionCode={unitRegionOf(kase.regionCode, me.regionCode)} multiple={spec.kind === 'coUnitIds'} testId={`field-${spec.kind}`} />
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
              { value: true, label: spec.choices?.yes ?? '同意延期' },
              { value: false, label: spec.choices?.no ?? '不同意' },
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
    case 'caseNumber':
    case 'penaltyDecisionNo':
      return (
        <Form.Item name={spec.kind} label={spec.label} rules={[...required, { max: 64, message: '不超过 64 字' }]}>
          <Input placeholder={spec.kind === 'caseNumber' ? '如：嘉环（南）立字〔2026〕18号' : '如：嘉环（南）罚字〔2026〕18号'} data-testid={`field-${spec.kind}`} />
        </Form.Item>
      );
    case 'fine':
      return (
        <Form.Item name="fine" label={spec.label} dependencies={['penaltyDecisionNo']}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="field-fine" />
        </Form.Item>
      );
    case 'policeReferral':
      return (
        <Form.Item name="policeReferral" label={spec.label} valuePropName="checked">
          <Switch data-testid="field-policeReferral" />
        </Form.Item>
      );
    case 'finding':
      return (
        <Form.Item name="finding" label={spec.label} extra="确认属实的违法问题在销号后计入企业环境健康码">
          <Radio.Group
            options={[
              { value: 'confirmed', label: '问题属实' },
              { value: 'unfounded', label: '问题不属实' },
            ]}
            data-testid="field-finding"
          />
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
  const { units, loading, error } = useAssignableUnits(regionCode);
  // Grouped by kind (生态环境局, 生态办, 职能部门, 外部单位, 企业), in the order of UNIT_KINDS.
  const groups = UNIT_KINDS.map((kind) => ({
    label: UNIT_KIND_LABELS[kind],
    title: UNIT_KIND_LABELS[kind],
    options: units.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: u.name })),
  })).filter((g) => g.options.length > 0);
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
        options={groups}
        notFoundContent={loading ? <Spin size="small" /> : '无可选单位'}
        data-testid={testId}
      />
      {error && <Alert type="warning" title={`单位列表加载失败：${error}`} style={{ marginTop: 4 }} />}
    </>
  );
}

/**
 * Where a dispatcher picks units from: their own town when they work below the county (a town
 * dispatches within the town, §11), otherwise the case's county.
 */
export function unitRegionOf(caseRegionCode: string, userRegionCode: string): string | undefined {
  if (userRegionCode.length > 6 && caseRegionCode.startsWith(userRegionCode)) return userRegionCode;
  return countyCodeOf(caseRegionCode);
}

/** 120 → 相距 120 米; 1450 → 相距 1.5 公里; null (no coordinates) → 同一区域. */
export function distanceText(m: number | null | undefined): string {
  if (m === null || m === undefined) return '同一区域';
  return m < 1000 ? `相距 ${Math.round(m)} 米` : `相距 ${(m / 1000).toFixed(1)} 公里`;
}

type Dup = Case & { distanceM: number | null };

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
      if (mine === seq.current) setFound(res.items.filter((c) => c.id !== kase.id && isOpenState(c.state)));
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
    // Once per case: the search and the timer are this effect's own.
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
