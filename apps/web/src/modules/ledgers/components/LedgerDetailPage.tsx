import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useAbility } from '@casl/react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import { ledgersApi, type ImportRowError, type LedgerItem, type ReportBackView } from '../../../api/ledgers';
import { categoryLabel, periodLabel, sourceLabel } from '../../../i18n/labels';
import type { AppAbility } from '../../../lib/ability';
import { useDownload } from '../../../lib/useDownload';
import { formatDateTime } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { useUser } from '../../auth/hooks/useSession';
import { StateTag } from '../../cases/components/CaseTags';
import { ITEM_STATUS_LABELS, LEDGER_KIND_LABELS, percent } from '../types';
import { CountyTable } from './CountyTable';
import { ItemProgressModal } from './ItemProgressModal';
import { ReportBackModal } from './ReportBackModal';
import { TaskTableCard } from './TaskTableCard';

export function LedgerDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { download } = useDownload();
  const ledger = useAsync(['ledger', id], () => ledgersApi.get(id));
  const [importing, setImporting] = useState(false);
  const [importErrors, setImportErrors] = useState<ImportRowError[] | null>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  const [reportBack, setReportBack] = useState(false);
  const [progressItem, setProgressItem] = useState<string | null>(null);
  const user = useUser();
  const ability = useAbility<AppAbility>();
  const isPhone = !Grid.useBreakpoint().md;
  /** The lead unit or a co-unit of an item not yet signed off may report its progress (the server decides). */
  const canReport = (it: LedgerItem) =>
    Boolean(user.unitId) &&
    ability.can('report_progress', 'Case') &&
    !it.signedOff &&
    Boolean(
      it.leadUnits?.some((u) => u.id === user.unitId) ||
        it.coUnits?.some((u) => u.id === user.unitId) ||
        it.cases?.some((c) => c.leadUnitId === user.unitId),
    );

  if (ledger.error) {
    const nf = ledger.error instanceof ApiError && ledger.error.isNotFound;
    return (
      <Result
        status={nf ? '404' : 'warning'}
        title={nf ? '台账不存在或无权查看' : '加载失败'}
        subTitle={nf ? undefined : errorText(ledger.error)}
        extra={<Button onClick={() => navigate('/ledgers')}>返回台账列表</Button>}
      />
    );
  }
  if (!ledger.data) return <Skeleton active style={{ padding: 24 }} />;
  const l = ledger.data;
  const may = (a: string) => !l.allowedActions || l.allowedActions.includes(a);
  const items = l.items ?? [];
  const p = l.progress;

  const doImport = async (file: File) => {
    setImporting(true);
    setImportErrors(null);
    setImportNote(null);
    try {
      const res = await ledgersApi.import(l.id, file);
      setImportNote(`导入成功：${res?.items ?? 0} 项问题，生成 ${res?.cases ?? 0} 件案件`);
      message.success('导入成功');
      void ledger.reload();
    } catch (e) {
      const errs = e instanceof ApiError ? (e.details ?? []) : [];
      if (errs.length) setImportErrors(errs);
      else message.error(`导入失败：${errorText(e)}`);
    } finally {
      setImporting(false);
    }
  };

  const doExport = () => download(() => ledgersApi.export(l.id), `${l.title}.xlsx`, '导出失败');

  return (
    <div className="page" data-testid="page-ledger-detail">
      <div className="page-head">
        <Space align="center" style={{ minWidth: 0 }}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/ledgers')} aria-label="返回" />
          <Typography.Title level={4} className="page-title">
            {l.title}
          </Typography.Title>
        </Space>
        <Space wrap>
          {may('import') && (
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void doImport(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing} data-testid="ledger-import">
                导入 Excel
              </Button>
            </Upload>
          )}
          {may('export') && (
            <Button icon={<DownloadOutlined />} onClick={doExport} data-testid="ledger-export">
              导出 Excel
            </Button>
          )}
          {l.allowedActions?.includes('report_back') && (
            <Button icon={<SendOutlined />} onClick={() => setReportBack(true)} data-testid="ledger-report-back">
              交账
            </Button>
          )}
        </Space>
      </div>

      {importNote && <Alert type="success" showIcon title={importNote} closable style={{ marginBottom: 12 }} />}
      {importErrors && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors(null)}
          style={{ marginBottom: 12 }}
          title={`导入未成功：发现 ${importErrors.length} 处错误，整表未导入，请修改后重新导入`}
          description={
            <Table<ImportRowError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column ?? e.field}-${e.message}`}
              pagination={false}
              scroll={{ y: 240 }}
              dataSource={importErrors}
              data-testid="ledger-import-errors"
              columns={[
                { title: '行号', width: 70, render: (_, e) => e.row ?? '—' },
                { title: '列', width: 120, render: (_, e) => e.column ?? e.field ?? '—' },
                { title: '错误', dataIndex: 'message' },
              ]}
            />
          }
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title="台账信息">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'kind', label: '类型', children: l.kind ? (LEDGER_KIND_LABELS[l.kind] ?? l.kind) : '—' },
                { key: 'src', label: '来源', children: l.source ? sourceLabel(l.source) : '—' },
                { key: 'iss', label: '交办单位', children: l.issuer ?? '—' },
                { key: 'date', label: '交办日期', children: l.issuedDate ?? '—' },
                { key: 'due', label: '交账时限', children: l.dueDate ?? '—' },
                { key: 'region', label: '下达区域', children: l.regionName ?? l.regionCode ?? '—' },
                {
                  key: 'prog',
                  label: '销号进度',
                  children: p && p.cases ? (
                    <div style={{ width: '100%' }}>
                      <Progress percent={percent(p.signedOff, p.cases)} format={() => `${p.signedOff}/${p.cases}`} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        问题 {p.items} 项（已销号 {p.itemsSignedOff}），案件 {p.cases} 件：已交办 {p.dispatched}、整改中 {p.rectifying}、
                        <Typography.Text type="danger">超期 {p.overdue}</Typography.Text>、已销号 {p.signedOff}
                      </Typography.Text>
                    </div>
                  ) : (
                    '待导入'
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title="各县（市、区）进度">
            <CountyTable rows={l.counties ?? []} />
          </Card>
        </Col>
      </Row>

      {l.kind === 'task_plan' && <TaskTableCard ledgerId={l.id} compact={isPhone} onChanged={() => void ledger.reload()} />}

      <Card size="small" title={l.kind === 'task_plan' ? `任务明细（${items.length} 项）` : `问题清单（${items.length} 项）`} style={{ marginTop: 16 }}>
        <ItemsTable items={items} canReport={canReport} onProgress={(it) => setProgressItem(it.id)} compact={isPhone} />
      </Card>

      {(l.reportBacks?.length ?? 0) > 0 && (
        <Card size="small" title="交账记录" style={{ marginTop: 16 }}>
          <Table<ReportBackView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={l.reportBacks}
            scroll={{ x: 640 }}
            data-testid="ledger-report-backs"
            expandable={{
              rowExpandable: (r) => Boolean(r.explanations?.length),
              expandedRowRender: (r) => (
                <div>
                  <Typography.Text strong>未销号问题说明：</Typography.Text>
                  <ul className="plain-list">
                    {(r.explanations ?? []).map((e) => (
                      <li key={e.itemId}>
                        序号 {e.seq}：{e.note}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            }}
            columns={[
              { title: '县（市、区）', dataIndex: 'regionName', width: 110 },
              {
                title: '已销号',
                dataIndex: 'signedOffItems',
                width: 110,
                render: (n: number, r) => (
                  <span>
                    {n} 项{r.explanations?.length ? <Typography.Text type="warning">，说明 {r.explanations.length} 项</Typography.Text> : null}
                  </span>
                ),
              },
              { title: '交账说明', dataIndex: 'comment' },
              { title: '交账人', dataIndex: 'actorName', width: 130 },
              { title: '时间', dataIndex: 'at', width: 150, render: formatDateTime },
            ]}
          />
        </Card>
      )}

      {reportBack && (
        <ReportBackModal
          ledger={l}
          onClose={() => setReportBack(false)}
          onDone={(r) => {
            setReportBack(false);
            message.success(`${r.regionName}已交账`);
            void ledger.reload();
          }}
        />
      )}
      {progressItem && items.some((it) => it.id === progressItem) && (
        <ItemProgressModal
          ledgerId={l.id}
          item={items.find((it) => it.id === progressItem)!}
          canReport={canReport(items.find((it) => it.id === progressItem)!)}
          onClose={() => setProgressItem(null)}
          onReported={() => {
            message.success('已报送序时进展');
            void ledger.reload();
          }}
        />
      )}
    </div>
  );
}

/** 序时滞后 (yellow / red) and the sign-off stage of an inspection row (公示 with its end date). */
function ItemLagTags({ item }: { item: LedgerItem }) {
  return (
    <>
      {item.lagLevel && (
        <Tag color={item.lagLevel === 'red' ? 'red' : 'gold'} title={item.lagMilestone ? `序时节点 ${item.lagMilestone} 未达计划进度` : undefined}>
          序时滞后
        </Tag>
      )}
      {item.signoffStage === 'accepted' && <Tag color="cyan">已验收</Tag>}
      {item.signoffStage === 'notice' && <Tag color="purple">公示至 {item.noticeEndsOn}</Tag>}
      {item.signoffStage === 'signed_off' && <Tag color="green">已复核销号</Tag>}
    </>
  );
}

function ItemStatusTag({ status }: { status?: string }) {
  const st = status ? ITEM_STATUS_LABELS[status] : undefined;
  return st ? <Tag color={st.color}>{st.label}</Tag> : <>—</>;
}

function ItemsTable({
  items,
  canReport,
  onProgress,
  compact,
}: {
  items: LedgerItem[];
  canReport(it: LedgerItem): boolean;
  onProgress(it: LedgerItem): void;
  compact: boolean;
}) {
  return (
    <Table<LedgerItem>
      rowKey="id"
      size="small"
      dataSource={items}
      scroll={compact ? undefined : { x: 1180 }}
      tableLayout={compact ? undefined : 'fixed'}
      pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
      data-testid="ledger-items"
      locale={{ emptyText: <Empty description="台账暂无问题，请下载模板填写后导入 Excel" /> }}
      expandable={{
        columnWidth: compact ? 32 : undefined,
        rowExpandable: (it) => Boolean(it.description || it.progress?.length || it.milestones?.length),
        expandedRowRender: (it) => (
          <div style={{ whiteSpace: 'pre-wrap' }}>
            {it.description && <p>{it.description}</p>}
            {it.target && <p>整改目标：{it.target}</p>}
            {it.milestones?.length ? <p>阶段节点：{it.milestones.join('；')}</p> : null}
            {it.progress?.map((pr) => (
              <div key={pr.id}>
                <Tag>{periodLabel(pr.period)}</Tag>
                {pr.note}
                <Typography.Text type="secondary">
                  {' '}
                  — {pr.unitName} {pr.authorName}，{formatDateTime(pr.createdAt)}
                </Typography.Text>
              </div>
            ))}
          </div>
        ),
      }}
      columns={[
        { hidden: compact, title: '序号', dataIndex: 'seq', width: 56 },
        {
          title: '问题',
          dataIndex: 'title',
          width: compact ? undefined : 200,
          ellipsis: compact ? undefined : { showTitle: false },
          render: (t: string, it) =>
            compact ? (
              <div className="item-compact">
                <div>
                  {it.seq}. {t}
                </div>
                <Space size={4} wrap className="item-compact-meta">
                  <ItemStatusTag status={it.status} />
                  <span>{(it.leadUnits ?? []).map((u) => u.name).join('、')}</span>
                  <span>时限 {it.dueDate}</span>
                </Space>
                <Space size={[8, 0]} wrap>
                  {(it.cases ?? []).map((c) => (
                    <Link key={c.id} to={`/cases/${c.id}`} style={{ fontSize: 12 }}>
                      {c.code}
                    </Link>
                  ))}
                </Space>
              </div>
            ) : (
              <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
                {t}
              </Typography.Text>
            ),
        },
        { hidden: compact, title: '类别', dataIndex: 'category', width: 110, ellipsis: true, render: (c?: string) => (c ? categoryLabel(c) : '—') },
        {
          hidden: compact,
          title: '责任区域',
          key: 'counties',
          width: 100,
          ellipsis: true,
          render: (_, it) => (it.counties ?? []).map((c) => c.name).join('、') || '—',
        },
        {
          hidden: compact,
          title: '牵头单位',
          key: 'lead',
          width: 120,
          ellipsis: true,
          render: (_, it) => (it.leadUnits ?? []).map((u) => u.name).join('、') || '—',
        },
        {
          hidden: compact,
          title: '整改时限',
          dataIndex: 'dueDate',
          width: 96,
          render: (d: string, it) => (it.rectifyType === 'long_term' ? '长期坚持' : d),
        },
        {
          hidden: compact,
          title: '状态',
          dataIndex: 'status',
          width: 110,
          render: (s: string | undefined, it) => (
            <>
              <ItemStatusTag status={s} />
              <ItemLagTags item={it} />
            </>
          ),
        },
        {
          title: '序时进展',
          key: 'progress',
          width: compact ? 128 : 180,
          render: (_, it) => {
            const latest = [...(it.progress ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
            const may = canReport(it);
            return (
              <div className="item-progress" data-testid={`item-progress-${it.seq}`}>
                {latest ? (
                  <a onClick={() => onProgress(it)} className="item-progress-latest" title={latest.note}>
                    <Tag color="green">{periodLabel(latest.period)}</Tag>
                    {latest.note}
                  </a>
                ) : (
                  <Typography.Text type="secondary">暂无</Typography.Text>
                )}
                <Space size={8}>
                  {(it.progress?.length ?? 0) > 1 && <a onClick={() => onProgress(it)}>共 {it.progress.length} 条</a>}
                  {may && (
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onProgress(it)} data-testid={`item-progress-add-${it.seq}`}>
                      报送进展
                    </Button>
                  )}
                </Space>
              </div>
            );
          },
        },
        {
          hidden: compact,
          title: '案件',
          key: 'cases',
          width: 196,
          fixed: 'right',
          render: (_, it) => (
            <Space orientation="vertical" size={2} data-testid={`item-cases-${it.seq}`}>
              {(it.cases ?? []).map((c) => (
                <Space key={c.id} size={4} wrap={false} style={{ whiteSpace: 'nowrap' }}>
                  <Link to={`/cases/${c.id}`}>{c.code}</Link>
                  <StateTag state={c.state} />
                  {c.overdue && c.state !== 'closed' && <Tag color="red">超期</Tag>}
                </Space>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
