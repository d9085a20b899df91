import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PETITION_CHANNELS, PETITION_GRADES, SUB_CATEGORIES } from '@ecoloop/workflow';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../../api';
import { petitionsApi } from '../../../api/petitions';
import { categoryOptions, SUB_CATEGORY_LABELS } from '../../../i18n/labels';
import { dayjs } from '../../../lib/time';
import { toTreeOptions, useRegions } from '../../cases/hooks/useRegions';
import { CHANNEL_LABELS, GRADE_LABELS, type CreatePetitionInput, type PetitionerInput } from '../types';

interface Values {
  channel: CreatePetitionInput['channel'];
  grade: CreatePetitionInput['grade'];
  receivedAt: Dayjs;
  content: string;
  request: string;
  category: string;
  regionCode: string;
  address?: string;
  petitioners: PetitionerInput[];
}

const CATEGORY_CHOICES = [...categoryOptions(), ...SUB_CATEGORIES.map((s) => ({ value: s, label: SUB_CATEGORY_LABELS[s] }))];

/** The 来信/来访 desk: registers a petition (DESIGN §9) and opens its case. */
export function PetitionRegisterPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { tree } = useRegions();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const created = await petitionsApi.create({
        channel: v.channel,
        grade: v.grade,
        receivedAt: v.receivedAt.toISOString(),
        content: v.content.trim(),
        request: v.request.trim(),
        category: v.category,
        regionCode: v.regionCode,
        address: v.address?.trim() || undefined,
        petitioners: v.petitioners.map((p) =>
          p.anonymous
            ? { anonymous: true, phone: p.phone?.trim() || undefined }
            : { anonymous: false, name: p.name?.trim(), phone: p.phone?.trim() || undefined, idNumber: p.idNumber?.trim() || undefined },
        ),
      });
      message.success(`已登记信访件 ${created.code}`);
      navigate(`/cases/${created.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="page" data-testid="page-petition-register">
      <Typography.Title level={4} className="page-title">
        信访登记
      </Typography.Title>
      <Card size="small">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="petition-register-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ channel: 'letter', grade: 'general', receivedAt: dayjs(), petitioners: [{}] }}
          style={{ maxWidth: 760 }}
        >
          <Space wrap size={16}>
            <Form.Item name="channel" label="信访形式" rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={PETITION_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} data-testid="petition-channel" />
            </Form.Item>
            <Form.Item name="grade" label="类别" rules={[{ required: true }]}>
              <Radio.Group options={PETITION_GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} />
            </Form.Item>
            <Form.Item name="receivedAt" label="收件时间" rules={[{ required: true, message: '请选择收件时间' }]} extra="受理告知期限自收件之日起计算15日">
              <DatePicker showTime disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item name="content" label="信访内容" rules={[{ required: true, whitespace: true, message: '请填写信访内容' }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount data-testid="petition-content" />
          </Form.Item>
          <Form.Item name="request" label="信访请求" rules={[{ required: true, whitespace: true, message: '请填写信访请求' }]}>
            <Input.TextArea rows={2} maxLength={2000} showCount data-testid="petition-request" />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select style={{ width: 200 }} options={CATEGORY_CHOICES} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="regionCode" label="所属区域" rules={[{ required: true, message: '请选择区域' }]}>
              <TreeSelect style={{ width: 260 }} showSearch={{ treeNodeFilterProp: 'title' }} treeData={toTreeOptions(tree, 'grid')} data-testid="petition-region" />
            </Form.Item>
          </Space>
          <Form.Item name="address" label="地点">
            <Input maxLength={255} />
          </Form.Item>
          <Typography.Text strong>信访人（仅本辖区信访受理人员可见）</Typography.Text>
          <Form.List name="petitioners">
            {(items, { add, remove }) => (
              <>
                {items.map(({ key, name }) => (
                  <Space key={key} align="baseline" wrap style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[name, 'anonymous']} valuePropName="checked">
                      <Checkbox>匿名</Checkbox>
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const anonymous = form.getFieldValue(['petitioners', name, 'anonymous']);
                        return (
                          <Space wrap align="baseline">
                            <Form.Item name={[name, 'name']} rules={[{ required: !anonymous, whitespace: true, message: '请填写姓名' }]}>
                              <Input placeholder="姓名" disabled={anonymous} maxLength={64} />
                            </Form.Item>
                            <Form.Item name={[name, 'phone']} rules={[{ pattern: /^[0-9+\- ]{5,32}$/, message: '电话格式不正确' }]}>
                              <Input placeholder="联系电话" maxLength={32} />
                            </Form.Item>
                            <Form.Item name={[name, 'idNumber']} rules={[{ pattern: /^\d{17}[\dXx]$/, message: '身份证号码格式不正确' }]}>
                              <Input placeholder="身份证号码" disabled={anonymous} maxLength={18} />
                            </Form.Item>
                          </Space>
                        );
                      }}
                    </Form.Item>
                    {items.length > 1 && <MinusCircleOutlined onClick={() => remove(name)} aria-label="删除信访人" />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                  添加信访人
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="petition-submit">
              登记
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
