import { DatePicker, Form, Input, Segmented, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, errorText } from '../../../api';
import { ledgersApi, type LedgerItem, type LedgerProgress } from '../../../api/ledgers';
import { dayjs, inShanghai } from '../../../lib/time';
import { useSaving } from '../../../lib/useSaving';
import { GRANULARITIES, toPeriod, type Granularity } from '../types';
import { ReportHistoryModal } from './ReportHistoryModal';

interface Values {
  granularity: Granularity;
  date: Dayjs;
  half: 1 | 2;
  note: string;
}

/** 序时进展 of one ledger item: its reports so far and, for its lead unit or a co-unit, a new one. */
export function ItemProgressModal({
  ledgerId,
  item,
  canReport,
  onClose,
  onReported,
}: {
  ledgerId: string;
  item: LedgerItem;
  canReport: boolean;
  onClose(): void;
  onReported(p: LedgerProgress): void;
}) {
  const [form] = Form.useForm<Values>();
  const granularity = Form.useWatch('granularity', form) ?? 'month';
  const [added, setAdded] = useState<LedgerProgress[]>([]);
  const now = inShanghai(Date.now());
  // what the ledger reload already brought back is not shown twice
  const known = new Set((item.progress ?? []).map((p) => p.id));
  const history = [...(item.progress ?? []), ...added.filter((p) => !known.has(p.id))].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const { saving, error, run } = useSaving((e) =>
    e instanceof ApiError && e.code === 'item_signed_off'
      ? '该问题已销号，不能再报送进展'
      : e instanceof ApiError && e.statusCode === 403
        ? '只有该问题的牵头单位或配合单位可以报送进展'
        : errorText(e),
  );

  const submit = async () => {
    // the form shows what is missing; nothing to send
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      const p = await ledgersApi.addProgress(ledgerId, item.id, { period: toPeriod(v.granularity, v.date, v.half), note: v.note.trim() });
      setAdded((a) => [...a, p]);
      form.setFieldValue('note', '');
      onReported(p);
    });
  };

  return (
    <ReportHistoryModal
      testId="progress"
      title={`序时进展 · 序号 ${item.seq}`}
      okText="报送进展"
      width={620}
      rowTitle={item.title}
      history={history}
      emptyText="尚未报送序时进展"
      formTitle="报送本期进展"
      canReport={canReport}
      saving={saving}
      error={error}
      onOk={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ granularity: 'month', date: now, half: now.month() < 6 ? 1 : 2 }}>
        <Form.Item label="报送期间" required style={{ marginBottom: 8 }}>
          <Space wrap>
            <Form.Item name="granularity" noStyle>
              <Segmented options={GRANULARITIES} data-testid="progress-granularity" />
            </Form.Item>
            <Form.Item name="date" noStyle rules={[{ required: true, message: '请选择期间' }]}>
              <DatePicker
                picker={granularity === 'half' ? 'year' : granularity}
                allowClear={false}
                disabledDate={(d) => d.isAfter(dayjs().endOf('year'))}
                style={{ width: 130 }}
                data-testid="progress-period"
              />
            </Form.Item>
            {granularity === 'half' && (
              <Form.Item name="half" noStyle>
                <Select
                  style={{ width: 100 }}
                  options={[
                    { value: 1, label: '上半年' },
                    { value: 2, label: '下半年' },
                  ]}
                />
              </Form.Item>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="note" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="本期整改措施、完成情况及下一步计划" data-testid="progress-note" />
        </Form.Item>
      </Form>
    </ReportHistoryModal>
  );
}
