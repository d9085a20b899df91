import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Can } from '@casl/react';
import { App, Button, Card, Empty, Progress, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import { ledgersApi, type Ledger } from '../../../api/ledgers';
import { sourceLabel } from '../../../i18n/labels';
import { saveBlob } from '../../../lib/download';
import { formatDate } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { LEDGER_KIND_LABELS, percent } from '../types';
import { CreateLedgerModal } from './CreateLedgerModal';

export function LedgerListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useAsync(() => ledgersApi.list(), []);
  const [creating, setCreating] = useState(false);
  const missing = list.error instanceof ApiError && list.error.isNotFound;

  const downloadTemplate = async () => {
    try {
      const { blob, fileName } = await ledgersApi.template();
      saveBlob(blob, fileName ?? '台账导入模板.xlsx');
    } catch (e) {
      message.error(e instanceof ApiError && e.isNotFound ? '模板暂未提供' : `下载失败：${errorText(e)}`);
    }
  };

  const exportOne = async (l: Ledger) => {
    try {
      const { blob, fileName } = await ledgersApi.export(l.id);
      saveBlob(blob, fileName ?? `${l.title}.xlsx`);
    } catch (e) {
      message.error(`导出失败：${errorText(e)}`);
    }
  };

  return (
    <div className="page" data-testid="page-ledgers">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          台账管理
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="ledger-template">
            下载导入模板
          </Button>
          <Can I="create" a="Ledger">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={missing} data-testid="ledger-create">
              新建台账
            </Button>
          </Can>
        </Space>
      </div>
      <Card size="small">
        {list.error && !missing ? (
          <Result status="warning" title="加载失败" subTitle={errorText(list.error)} extra={<Button onClick={list.reload}>重试</Button>} />
        ) : (
          <Table<Ledger>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: <Empty description={missing ? '台账功能暂未开放' : '暂无台账'} />,
            }}
            pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个台账` }}
            columns={[
              {
                title: '台账名称',
                dataIndex: 'title',
                width: 300,
                render: (t: string, l) => (
                  <Link to={`/ledgers/${l.id}`} data-testid={`ledger-link-${l.id}`}>
                    {t}
                  </Link>
                ),
              },
              { title: '类型', dataIndex: 'kind', width: 120, render: (k?: string) => (k ? (LEDGER_KIND_LABELS[k] ?? k) : '—') },
              { title: '来源', dataIndex: 'source', width: 190, render: (s?: string) => (s ? sourceLabel(s) : '—') },
              { title: '交办单位', dataIndex: 'issuer', width: 180, ellipsis: true, render: (s?: string) => s ?? '—' },
              { title: '交办日期', dataIndex: 'issuedDate', width: 110, render: (d?: string) => d ?? '—' },
              { title: '交账时限', dataIndex: 'dueDate', width: 110, render: (d?: string) => d ?? formatDate(undefined) },
              {
                title: '销号进度',
                key: 'progress',
                width: 200,
                render: (_, l) => {
                  const whole = l.cases ?? l.items ?? 0;
                  if (!whole) return <Typography.Text type="secondary">待导入</Typography.Text>;
                  return (
                    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                      <Progress percent={percent(l.signedOff ?? 0, whole)} size="small" />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {l.items ?? 0} 项 / {l.cases ?? 0} 件，已销号 {l.signedOff ?? 0}
                        {l.overdue ? <Typography.Text type="danger">，超期 {l.overdue}</Typography.Text> : null}
                      </Typography.Text>
                    </Space>
                  );
                },
              },
              {
                title: '操作',
                key: 'op',
                width: 110,
                render: (_, l) => (
                  <Space>
                    <Link to={`/ledgers/${l.id}`}>查看</Link>
                    <a onClick={() => exportOne(l)}>导出</a>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <CreateLedgerModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(l) => {
          setCreating(false);
          message.success('台账已创建，请导入问题清单');
          navigate(`/ledgers/${l.id}`);
        }}
      />
    </div>
  );
}
