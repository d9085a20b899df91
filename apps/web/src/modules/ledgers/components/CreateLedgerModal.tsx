import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ledgersApi, type CreateLedgerInput, type LedgerDetail } from '../../../api/ledgers';
import { sourceOptions } from '../../../i18n/labels';
import { useSaving } from '../../../lib/useSaving';
import { LEDGER_KIND_LABELS } from '../types';

interface Values {
  title: string;
  kind: CreateLedgerInput['kind'];
  source: CreateLedgerInput['source'];
  issuer: string;
  issuedDate: Dayjs;
  dueDate: Dayjs;
}

/** 新建台账: the batch first, then its rows by Excel import. */
export function CreateLedgerModal({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(l: LedgerDetail): void }) {
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSaving();

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      const l = await ledgersApi.create({
        title: v.title.trim(),
        kind: v.kind,
        source: v.source,
        issuer: v.issuer.trim(),
        issuedDate: v.issuedDate.format('YYYY-MM-DD'),
        dueDate: v.dueDate.format('YYYY-MM-DD'),
      });
      form.resetFields();
      onCreated(l);
    });
  };

  return (
    <Modal
      open={open}
      title="新建台账"
      okText="创建"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ loading: saving, 'data-testid': 'ledger-create-submit' } as never}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'inspection_feedback', source: 'central_inspection' }}>
        <Form.Item name="title" label="台账名称" rules={[{ required: true, whitespace: true, message: '请填写台账名称' }]}>
          <Input placeholder="如：第三轮中央生态环境保护督察交办问题整改台账" maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={Object.entries(LEDGER_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="source" label="问题来源" rules={[{ required: true }]}>
          <Select options={sourceOptions()} />
        </Form.Item>
        <Form.Item name="issuer" label="交办单位" rules={[{ required: true, whitespace: true, message: '请填写交办单位' }]}>
          <Input placeholder="如：中央第三生态环境保护督察组" maxLength={128} />
        </Form.Item>
        <div className="latlng-row">
          <Form.Item name="issuedDate" label="交办日期" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="dueDate" label="交账时限" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
