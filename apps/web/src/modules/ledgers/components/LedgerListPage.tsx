import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Can } from '@casl/react';
import { App, Button, Card, Empty, Grid, Pagination, Progress, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../../api';
import { ledgersApi, type Ledger } from '../../../api/ledgers';
import { sourceLabel } from '../../../i18n/labels';
import { useDownload } from '../../../lib/useDownload';
import { formatDate } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { LEDGER_KIND_LABELS, percent } from '../types';
import { CreateLedgerModal } from './CreateLedgerModal';

export function LedgerListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useAsync(['ledgers'], () => ledgersApi.list());
  const [creating, setCreating] = useState(false);
  const isPhone = !Grid.useBreakpoint().md;
  const [phonePage, setPhonePage] = useState(1);

  const { download } = useDownload();
  const downloadTemplate = () => download(() => ledgersApi.template(), '台账导入模板.xlsx');
  const exportOne = (l: Ledger) => download(() => ledgersApi.export(l.id), `${l.title}.xlsx`, '导出失败');

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
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ledger-create">
              新建台账
            </Button>
          </Can>
        </Space>
      </div>
      <Card size="small">
        {list.error ? (
          <Result status="warning" title="加载失败" subTitle={errorText(list.error)} extra={<Button onClick={list.reload}>重试</Button>} />
        ) : (
          isPhone ? (
            <LedgerCards ledgers={list.data?.items ?? []} loading={list.loading} page={phonePage} onPage={setPhonePage} onExport={exportOne} />
          ) : (
          <Table<Ledger>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            tableLayout="fixed"
            scroll={{ x: 1100 }}
            locale={{
              emptyText: <Empty description="暂无台账" />,
            }}
            pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个台账` }}
            data-testid="ledger-table"
            columns={[
              {
                title: '台账名称',
                dataIndex: 'title',
                ellipsis: { showTitle: false },
                render: (t: string, l) => (
                  <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
                    <Link to={`/ledgers/${l.id}`} data-testid={`ledger-link-${l.id}`}>
                      {t}
                    </Link>
                  </Typography.Text>
                ),
              },
              { title: '类型', dataIndex: 'kind', width: 124, ellipsis: true, render: (k?: string) => (k ? (LEDGER_KIND_LABELS[k] ?? '其他') : '—') },
              { title: '来源', dataIndex: 'source', width: 140, ellipsis: { showTitle: false }, render: (s?: string) => <Typography.Text ellipsis={{ tooltip: s ? sourceLabel(s) : undefined }}>{s ? sourceLabel(s) : '—'}</Typography.Text> },
              { title: '交办单位', dataIndex: 'issuer', width: 150, ellipsis: { showTitle: false }, render: (s?: string) => <Typography.Text ellipsis={{ tooltip: s }}>{s ?? '—'}</Typography.Text> },
              { title: '交办日期', dataIndex: 'issuedDate', width: 104, render: (d?: string) => d ?? '—' },
              { title: '交账时限', dataIndex: 'dueDate', width: 104, render: (d?: string) => d ?? formatDate(undefined) },
              {
                title: '销号进度',
                key: 'progress',
                width: 200,
                render: (_, l) => <LedgerProgress l={l} />,
              },
              {
                title: '操作',
                key: 'op',
                width: 104,
                fixed: 'right',
                render: (_, l) => (
                  <Space size={12}>
                    <Link to={`/ledgers/${l.id}`}>查看</Link>
                    <a onClick={() => exportOne(l)}>导出</a>
                  </Space>
                ),
              },
            ]}
          />
          )
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

function LedgerProgress({ l }: { l: Ledger }) {
  const whole = l.cases ?? l.items ?? 0;
  if (!whole) return <Typography.Text type="secondary">待导入</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid="ledger-progress">
      <Progress percent={percent(l.signedOff ?? 0, whole)} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {l.items ?? 0} 项 / {l.cases ?? 0} 件，已销号 {l.signedOff ?? 0}
        {l.overdue ? <Typography.Text type="danger">，超期 {l.overdue}</Typography.Text> : null}
      </Typography.Text>
    </Space>
  );
}

const PHONE_PAGE = 10;

/** The ledger list as cards on a phone: name, dates, progress and the two actions, no sideways scrolling. */
function LedgerCards({ ledgers, loading, page, onPage, onExport }: { ledgers: Ledger[]; loading: boolean; page: number; onPage(p: number): void; onExport(l: Ledger): void }) {
  if (!ledgers.length) return loading ? <Card loading size="small" /> : <Empty description="暂无台账" />;
  const shown = ledgers.slice((page - 1) * PHONE_PAGE, page * PHONE_PAGE);
  return (
    <div data-testid="ledger-cards">
      {shown.map((l) => (
        <Card key={l.id} size="small" className="case-card" data-testid="ledger-card">
          <div className="case-card-head">
            <Link to={`/ledgers/${l.id}`} data-testid={`ledger-link-${l.id}`} style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text strong ellipsis style={{ color: 'inherit' }}>
                {l.title}
              </Typography.Text>
            </Link>
          </div>
          <div className="case-card-meta">
            <span>{l.kind ? (LEDGER_KIND_LABELS[l.kind] ?? '其他') : '—'}</span>
            {l.source && <span>{sourceLabel(l.source)}</span>}
            {l.dueDate && <span>交账时限 {l.dueDate}</span>}
          </div>
          <LedgerProgress l={l} />
          <Space size={16} style={{ marginTop: 4 }}>
            <Link to={`/ledgers/${l.id}`}>查看</Link>
            <a onClick={() => onExport(l)}>导出</a>
          </Space>
        </Card>
      ))}
      {ledgers.length > PHONE_PAGE && (
        <Pagination simple current={page} pageSize={PHONE_PAGE} total={ledgers.length} onChange={onPage} style={{ textAlign: 'center', marginTop: 12 }} />
      )}
    </div>
  );
}
