import type { PetitionAction } from '@ecoloop/workflow';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, errorText } from '../../../api';
import { petitionsApi } from '../../../api/petitions';
import { PhotoPicker, uploadedIds, type PickedFile } from '../../../components/PhotoPicker';
import { dayjs, endOfDayInShanghai, formatDate } from '../../../lib/time';
import type { Case } from '../../cases/types';
import { PETITION_ACTION_FIELDS, PETITION_ACTION_LABELS, SATISFACTION_LABELS } from '../types';

interface Props {
  action: PetitionAction | null;
  kase: Case;
  onClose(): void;
  /** After success (with the updated case) or after a 409 (with null: reload). */
  onDone(updated: Case | null): void;
}

const TEXT_LABELS = { reason: '理由', comment: '处理意见', note: '说明' } as const;

/** The form of one petition action (DESIGN §9): only the fields that action needs. */
export function PetitionActionModal({ action, kase, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!action) return;
    setError(null);
    form.resetFields();
  }, [action, form]);

  if (!action) return null;
  const fields = PETITION_ACTION_FIELDS[action];
  const replyDue = kase.petition?.replyDueAt;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const payload: Record<string, unknown> = {};
    for (const f of fields) {
      const v = values[f];
      if (v === undefined || v === null || v === '') continue;
      if (f === 'newDueAt') payload.newDueAt = endOfDayInShanghai(v as Dayjs);
      else if (f === 'attachments') {
        const ids = uploadedIds(v as PickedFile[]);
        if (ids.length) payload.attachmentIds = ids;
      } else payload[f] = typeof v === 'string' ? v.trim() : v;
    }
    setSubmitting(true);
    setError(null);
    try {
      const updated = await petitionsApi.act(kase.id, action, kase.version, payload);
      message.success(`${PETITION_ACTION_LABELS[action]}成功`);
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.statusCode === 409) {
        message.warning('案件已被他人更新，已为您刷新最新信息');
        onDone(null);
      } else setError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={PETITION_ACTION_LABELS[action]}
      okText="提交"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <div data-testid={`petition-modal-${action}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="petition-action-error" />}
      <Form form={form} layout="vertical">
        {fields.length === 0 && <p>确认受理此信访事项？受理后将开始计算60日答复期限。</p>}
        {fields.includes('newDueAt') && (
          <Form.Item
            name="newDueAt"
            label="延长后的答复期限"
            extra={replyDue ? `原答复期限 ${formatDate(replyDue)}；只能延长一次，最多30日` : '只能延长一次，最多30日'}
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => (replyDue ? d.isBefore(dayjs(replyDue), 'day') || d.isAfter(dayjs(replyDue).add(30, 'day'), 'day') : false)}
            />
          </Form.Item>
        )}
        {fields.includes('satisfaction') && (
          <Form.Item name="satisfaction" label="回访结果" rules={[{ required: true, message: '请选择回访结果' }]}>
            <Radio.Group options={Object.entries(SATISFACTION_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
        {(['reason', 'comment', 'note'] as const)
          .filter((f) => fields.includes(f))
          .map((f) => (
            <Form.Item key={f} name={f} label={TEXT_LABELS[f]} rules={[{ required: true, whitespace: true, message: `请填写${TEXT_LABELS[f]}` }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid={`petition-field-${f}`} />
            </Form.Item>
          ))}
        {fields.includes('attachments') && (
          <Form.Item name="attachments" label="附件（可选）">
            <PhotoPicker accept="image/*,application/pdf" buttonText="上传附件" testId="petition-upload" />
          </Form.Item>
        )}
      </Form>
      </div>
    </Modal>
  );
}
