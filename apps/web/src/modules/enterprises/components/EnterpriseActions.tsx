// Filing from the enterprise page (DESIGN §13): a 约谈 record (on the enterprise or its region, with
// a follow-up case picked from its cases or opened here) and a 信用修复 application (commitment
// letter and rectification evidence), each through the generated client.
import { SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { useAbility } from '@casl/react';
import { isOpenState } from '@ecoloop/workflow';
import { Alert, App, Button, Cascader, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { casesApi } from '../../../api/cases';
import { enterprisesApi, type Enterprise } from '../../../api/enterprises';
import { evidenceRule, PhotoPicker, uploadedIds, type PickedFile } from '../../../components/PhotoPicker';
import { categoryCascaderOptions, stateLabel } from '../../../i18n/labels';
import type { AppAbility } from '../../../lib/ability';
import { dayjs } from '../../../lib/time';
import { useSaving } from '../../../lib/useSaving';
import { newUuid } from '../../../lib/uuid';
import { useUser } from '../../auth/hooks/useSession';
import type { CreateCaseInput } from '../../cases/types';

/** The buttons under the enterprise's card, for the callers who may file each. */
export function EnterpriseActions({ e, onFiled }: { e: Enterprise; onFiled(): void }) {
  const ability = useAbility<AppAbility>();
  const [open, setOpen] = useState<'interview' | 'repair' | null>(null);
  const pending = e.repairs.some((r) => r.state === 'under_review' || r.state === 'publicized');
  const canInterview = ability.can('create', 'Interview');
  const canRepair = ability.can('create', 'CreditRepair');
  if (!canInterview && !canRepair) return null;
  const done = () => {
    setOpen(null);
    onFiled();
  };
  return (
    <div className="enterprise-actions" data-testid="enterprise-actions">
      <Space wrap>
        {canInterview && (
          <Button icon={<TeamOutlined />} onClick={() => setOpen('interview')} data-testid="interview-open">
            登记约谈
          </Button>
        )}
        {canRepair && (
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => setOpen('repair')}
            disabled={e.healthCode === 'green' || pending}
            data-testid="repair-open"
          >
            申请信用修复
          </Button>
        )}
        {canRepair && (e.healthCode === 'green' || pending) && (
          <Typography.Text type="secondary">{pending ? '已有一件正在办理的信用修复申请' : '绿码企业无需信用修复'}</Typography.Text>
        )}
      </Space>
      {open === 'interview' && <InterviewModal e={e} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'repair' && <RepairModal e={e} onClose={() => setOpen(null)} onDone={done} />}
    </div>
  );
}

interface InterviewValues {
  target: 'enterprise' | 'region';
  heldAt: Dayjs;
  interviewer: string;
  attendees: string[];
  demands: string;
  followUp: 'new' | 'existing' | 'none';
  followUpCaseId?: string;
  caseTitle?: string;
  category?: string[];
}

function InterviewModal({ e, onClose, onDone }: { e: Enterprise; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const user = useUser();
  const ability = useAbility<AppAbility>();
  const [form] = Form.useForm<InterviewValues>();
  const { saving: submitting, error, run } = useSaving();
  // One key per opened form: a retried submit opens the follow-up case once.
  const caseKey = useRef(newUuid());
  const followUp = Form.useWatch('followUp', form);
  const canOpenCase = ability.can('create', 'Case');
  const openCases = useMemo(() => e.cases.filter((c) => isOpenState(c.state)), [e.cases]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      let followUpCaseId = v.followUp === 'existing' ? v.followUpCaseId : undefined;
      if (v.followUp === 'new') {
        const created = await casesApi.create(
          {
            title: v.caseTitle!.trim(),
            description: `约谈要求：${v.demands.trim()}`,
            category: v.category!.at(-1)! as CreateCaseInput['category'],
            source: 'enforcement_check',
            severity: 'general',
            regionCode: e.regionCode,
            enterpriseCreditCode: e.creditCode,
            ...(e.lat !== null && e.lng !== null ? { lat: e.lat, lng: e.lng } : {}),
            ...(e.address ? { address: e.address } : {}),
          },
          caseKey.current,
        );
        followUpCaseId = created.id;
      }
      await enterprisesApi.createInterview({
        ...(v.target === 'enterprise' ? { enterpriseCreditCode: e.creditCode } : { regionCode: e.regionCode }),
        heldAt: v.heldAt.toISOString(),
        interviewer: v.interviewer.trim(),
        attendees: v.attendees.map((a) => a.trim()).filter(Boolean),
        demands: v.demands.trim(),
        ...(followUpCaseId ? { followUpCaseId } : {}),
      });
      message.success('约谈记录已登记');
      onDone();
    });
  };

  return (
    <Modal open title="登记约谈" okText="提交" onOk={submit} onCancel={onClose} confirmLoading={submitting} destroyOnHidden width={640}>
      <div data-testid="interview-modal">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="interview-error" />}
        <Form<InterviewValues>
          form={form}
          layout="vertical"
          initialValues={{
            target: 'enterprise',
            heldAt: dayjs().second(0).millisecond(0),
            interviewer: user.unitName ?? user.regionName,
            attendees: [],
            followUp: canOpenCase ? 'new' : openCases.length ? 'existing' : 'none',
            caseTitle: `约谈整改：${e.name}`.slice(0, 200),
          }}
        >
          <Form.Item name="target" label="约谈对象">
            <Radio.Group
              options={[
                { value: 'enterprise', label: `本企业（${e.name}）` },
                { value: 'region', label: `所在区域（${e.regionName}）` },
              ]}
            />
          </Form.Item>
          <Form.Item name="heldAt" label="约谈时间" rules={[{ required: true, message: '请选择约谈时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="interview-held-at" />
          </Form.Item>
          <Form.Item name="interviewer" label="约谈机关 / 约谈人" rules={[{ required: true, whitespace: true, message: '请填写约谈机关或约谈人' }]}>
            <Input maxLength={128} data-testid="interview-interviewer" />
          </Form.Item>
          <Form.Item
            name="attendees"
            label="参加人员"
            extra="输入姓名或职务后按回车，可填多人"
            rules={[{ required: true, type: 'array', min: 1, message: '请填写参加约谈的人员' }]}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ';', '；']} placeholder="如：企业法定代表人、环保负责人" data-testid="interview-attendees" />
          </Form.Item>
          <Form.Item name="demands" label="约谈要求" rules={[{ required: true, whitespace: true, message: '请填写约谈要求' }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount placeholder="整改事项、完成时限、报送要求" data-testid="interview-demands" />
          </Form.Item>
          <Form.Item name="followUp" label="整改跟踪案件">
            <Radio.Group
              options={[
                ...(canOpenCase ? [{ value: 'new', label: '新建整改案件' }] : []),
                { value: 'existing', label: '关联已有案件', disabled: openCases.length === 0 },
                { value: 'none', label: '暂不关联' },
              ]}
              data-testid="interview-follow-up"
            />
          </Form.Item>
          {followUp === 'existing' && (
            <Form.Item name="followUpCaseId" label="关联案件" rules={[{ required: true, message: '请选择案件' }]}>
              <Select
                options={openCases.map((c) => ({ value: c.id, label: `${c.code} ${c.title}（${stateLabel(c.state)}）` }))}
                placeholder="该企业未办结的案件"
                data-testid="interview-case"
              />
            </Form.Item>
          )}
          {followUp === 'new' && (
            <>
              <Form.Item name="caseTitle" label="案件标题" rules={[{ required: true, whitespace: true, message: '请填写案件标题' }]}>
                <Input maxLength={200} data-testid="interview-case-title" />
              </Form.Item>
              <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]} extra="案件以约谈要求为问题描述，登记在企业所在区域，由调度员交办">
                <Cascader options={categoryCascaderOptions()} showSearch placeholder="选择问题类别" data-testid="interview-category" />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}

function RepairModal({ e, onClose, onDone }: { e: Enterprise; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ commitment: string; evidence: PickedFile[] }>();
  const { saving: submitting, error, run } = useSaving();
  const counted = e.healthReasons.filter((r) => r.effect !== 'info');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await run(async () => {
      await enterprisesApi.applyRepair({ creditCode: e.creditCode, commitment: v.commitment.trim(), attachmentIds: uploadedIds(v.evidence) });
      message.success('信用修复申请已提交，待县级审核');
      onDone();
    });
  };

  return (
    <Modal open title="申请信用修复" okText="提交申请" onOk={submit} onCancel={onClose} confirmLoading={submitting} destroyOnHidden width={640}>
      <div data-testid="repair-modal">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="repair-error" />}
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="县级审核通过后公示 7 天，期满无异议方可批准；批准后重新赋码，此前的违法事实不再计入。环境信用评价等级不因修复而改变。"
          description={counted.length ? `当前计入赋码的事实：${counted.map((r) => r.text).join('；')}` : undefined}
        />
        <Form form={form} layout="vertical">
          <Form.Item
            name="commitment"
            label="信用修复承诺书"
            rules={[
              { required: true, whitespace: true, message: '请填写承诺书内容' },
              { min: 10, message: '承诺书至少 10 个字' },
            ]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder="企业已完成的整改、今后的守法承诺，以及违反承诺自愿接受的惩戒" data-testid="repair-commitment" />
          </Form.Item>
          <Form.Item name="evidence" label="整改佐证材料" rules={[evidenceRule(1, '整改佐证材料')]} extra="整改前后照片、第三方检测报告、验收意见等（图片或 PDF）">
            <PhotoPicker accept="image/*,application/pdf" buttonText="上传材料" testId="repair-evidence" max={20} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
