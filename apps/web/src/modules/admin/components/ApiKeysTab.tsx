import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { apiKeysApi, type ApiKey } from '../../../api/alerts';
import { errorText } from '../../../api';
import { formatDateTime } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';

const SOURCES: { value: ApiKey['source']; label: string }[] = [
  { value: 'online_monitoring', label: '在线监测' },
  { value: 'mobile_survey', label: '走航监测' },
  { value: 'camera', label: '高位瞭望' },
  { value: 'drone', label: '无人机' },
  { value: 'satellite', label: '卫星火点' },
  { value: 'open311', label: 'Open311 客户端' },
];
const sourceLabel = (s: string) => SOURCES.find((x) => x.value === s)?.label ?? s;

/** 设备密钥: keys of device sources (POST /alerts) and Open311 clients; a new key is shown once. */
export function ApiKeysTab() {
  const keys = useAsync(['admin', 'api-keys'], () => apiKeysApi.list());
  const [form] = Form.useForm<{ name: string; source: ApiKey['source'] }>();
  const [issued, setIssued] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const res = await apiKeysApi.issue(values);
      setIssued(res.key);
      form.resetFields();
      await keys.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="api-keys">
      <Form form={form} layout="inline" style={{ margin: '12px 0' }}>
        <Form.Item name="name" rules={[{ required: true, message: '请输入名称' }]}>
          <Input placeholder="名称，如：凤桥水站" maxLength={64} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="source" rules={[{ required: true, message: '请选择来源' }]}>
          <Select placeholder="来源" options={SOURCES} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={issue}>
          签发密钥
        </Button>
      </Form>
      {keys.error && <Alert type="error" showIcon title={`加载失败：${errorText(keys.error)}`} />}
      <Table<ApiKey>
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '来源', dataIndex: 'source', render: sourceLabel },
          { title: '密钥前缀', dataIndex: 'keyPrefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: '签发时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          {
            title: '状态',
            render: (_: unknown, k) =>
              k.revokedAt ? (
                <Tag>已吊销</Tag>
              ) : (
                <Space>
                  <Tag color="green">有效</Tag>
                  <Popconfirm title="吊销后使用该密钥的设备将无法上报，确定吊销？" onConfirm={() => apiKeysApi.revoke(k.id).then(keys.reload, (e) => message.error(errorText(e)))}>
                    <Button size="small" danger>
                      吊销
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal open={issued !== null} title="新密钥（仅显示这一次）" onOk={() => setIssued(null)} onCancel={() => setIssued(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>请立即复制并配置到设备（请求头 X-Api-Key）。关闭后无法再次查看。</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="issued-key">
          {issued}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
