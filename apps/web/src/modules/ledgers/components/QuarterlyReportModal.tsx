import { Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { ApiError, errorText } from '../../../api';
import { ledgersApi, type LedgerProgress, type TaskRow } from '../../../api/ledgers';
import { evidenceRule, PhotoPicker, uploadedIds, type PickedFile } from '../../../components/PhotoPicker';
import { periodLabel } from '../../../i18n/labels';
import { useSaving } from '../../../lib/useSaving';
import { ReportHistoryModal } from './ReportHistoryModal';

interface Values {
  quarter: string;
  note: string;
  percent?: number | null;
  files?: PickedFile[];
}

/** 季度报告 of one 主要任务: the reports so far and, for a unit of the task, the form for a quarter's report. */
export function QuarterlyReportModal({
  ledgerId,
  task,
  actionTitle,
  leadOffice,
  quarters,
  quarter,
  onClose,
  onReported,
}: {
  ledgerId: string;
  task: TaskRow;
  actionTitle?: string;
  /** The action's lead unit: the office the report goes to. */
  leadOffice?: string;
  /** The quarters the unit may report on (newest last). */
  quarters: string[];
  quarter: string;
  onClose(): void;
  onReported(p: LedgerProgress): void;
}) {
  const [form] = Form.useForm<Values>();
  const history = [...task.reports].sort((a, b) => b.period.localeCompare(a.period) || b.createdAt.localeCompare(a.createdAt));
  const canReport = task.canReport;

  const { saving, error, run } = useSaving((e) => (e instanceof ApiError && e.statusCode === 403 ? '只有该任务的责任单位可以报送季度报告' : errorText(e)));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      const p = await ledgersApi.addQuarterlyReport(ledgerId, task.id, {
        quarter: v.quarter,
        note: v.note.trim(),
        ...(typeof v.percent === 'number' ? { percent: v.percent } : {}),
        ...(uploadedIds(v.files).length ? { attachmentIds: uploadedIds(v.files) } : {}),
      });
      onReported(p);
    });
  };

  return (
    <ReportHistoryModal
      testId="quarterly"
      title={`季度报告 · 任务 ${task.seq}`}
      okText="报送季度报告"
      width={640}
      rowTitle={task.title}
      rowDetail={
        <>
          {actionTitle ? `专项行动：${actionTitle}` : '未归入专项行动'}
          {leadOffice ? `；报送 ${leadOffice}` : ''}；责任单位：{task.leadUnits.map((u) => u.name).join('、')}
          {task.coUnits.length ? `（配合：${task.coUnits.map((u) => u.name).join('、')}）` : ''}
        </>
      }
      history={history}
      entryTags={(p) => (
        <>
          {p.percent !== null && <Tag color="blue">完成 {p.percent}%</Tag>}
          {p.attachmentIds.length > 0 && <Tag>附件 {p.attachmentIds.length}</Tag>}
        </>
      )}
      emptyText="尚未报送季度报告"
      formTitle="报送季度报告"
      canReport={canReport}
      saving={saving}
      error={error}
      onOk={submit}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ quarter, files: [] }}>
        <Space wrap align="start">
          <Form.Item name="quarter" label="报送季度" rules={[{ required: true, message: '请选择季度' }]}>
            <Select style={{ width: 180 }} options={[...quarters].reverse().map((q) => ({ value: q, label: periodLabel(q) }))} data-testid="quarterly-quarter" />
          </Form.Item>
          <Form.Item name="percent" label="累计完成比例（%）">
            <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} placeholder="0–100" data-testid="quarterly-percent" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="工作进展" rules={[{ required: true, whitespace: true, message: '请填写本季度工作进展' }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="本季度主要工作、完成情况、存在问题及下一步计划" data-testid="quarterly-note" />
        </Form.Item>
        <Form.Item name="files" label="附件（可选）" rules={[evidenceRule(0, '附件')]}>
          <PhotoPicker accept="image/*,application/pdf" buttonText="上传附件" testId="quarterly-files" />
        </Form.Item>
      </Form>
    </ReportHistoryModal>
  );
}
