import { ArrowLeftOutlined, DownloadOutlined, EnvironmentOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { isOpenState, type CaseAction } from '@ecoloop/workflow';
import { useAbility } from '@casl/react';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Grid, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { casesApi } from '../../../api/cases';
import { useDownload } from '../../../lib/useDownload';
import { LoadError } from '../../../components/LoadError';
import { usePageTitle } from '../../../components/usePageTitle';
import { backTarget } from '../../layout/components/nav';
import { useSession } from '../../auth/hooks/useSession';
import { primaryAction, shownActions } from '../shownActions';
import { ACTION_FORMS } from '../types/actionForms';
import {
  ACTION_LABELS,
  categoryLabel,
  REGION_LEVEL_SHORT,
  severityLabel,
  sourceLabel,
  SUPERVISION_LEVEL_LABELS,
} from '../../../i18n/labels';
import type { AppAbility } from '../../../lib/ability';
import { formatDateTime } from '../../../lib/time';
import { EnterpriseLink } from '../../enterprises/components/HealthCodeBadge';
import { PetitionPanel } from '../../petitions/components/PetitionPanel';
import { JiaxingMap } from '../../geo/components/JiaxingMap';
import { useCase } from '../hooks/useCase';
import { countyCodeOf } from '../hooks/useRegions';
import { useUnits } from '../hooks/useUnits';
import type { AttachmentLike, Case } from '../types';
import { ActionModal } from './ActionModal';
import { AttachmentGallery } from './AttachmentGallery';
import { BeforeAfter, beforeAfter } from './BeforeAfter';
import { CaseFlags, DueText, StateTag, useNow } from './CaseTags';
import { DeadlinePanel } from './DeadlinePanel';
import { EventTimeline } from './EventTimeline';
import { CaseAlertsCard, MACHINE_CASE_SOURCES } from '../../alerts/components/CaseAlertsCard';

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const { kase, events, error, loading, reload, setCase } = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const location = useLocation();
  const { user } = useSession();
  const from = backTarget((location.state as { from?: string } | null)?.from, user?.roles ?? []);
  usePageTitle(kase ? `${kase.code} 案件详情` : '案件详情');
  const now = useNow(60_000);
  const { units } = useUnits(countyCodeOf(kase?.regionCode));
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const attachments: AttachmentLike[] = useMemo(() => {
    if (kase?.attachments?.length) return kase.attachments;
    const ids = new Set<string>();
    for (const e of events) for (const a of e.attachmentIds ?? []) ids.add(a);
    return [...ids].map((a) => ({ id: a }));
  }, [kase, events]);

  const compare = useMemo(() => (kase ? beforeAfter(kase, events) : { before: [], after: [], completed: false }), [kase, events]);
  const { busy: zipping, download } = useDownload();
  const downloadAll = async () => {
    if (kase) await download(() => casesApi.attachmentsZip(kase.id), `${kase.code}-附件.zip`);
  };

  if (error && !kase) {
    const notFound = error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 403);
    if (!notFound) return <LoadError error={error} onRetry={() => void reload()} />;
    return (
      <Result
        status="404"
        title="案件不存在或无权查看"
        extra={<Button onClick={() => navigate(from.path)}>返回{from.label}</Button>}
        data-testid="case-error"
      />
    );
  }
  if (!kase) return <Skeleton active paragraph={{ rows: 10 }} style={{ padding: 24 }} data-testid="case-skeleton" />;

  const actions = shownActions(kase, now);
  const primary = primaryAction(actions);
  const hasPoint = typeof kase.lat === 'number' && typeof kase.lng === 'number';
  const actionButtons = actions.map((a) => (
    <Button
      key={a}
      type={a === primary ? 'primary' : 'default'}
      danger={ACTION_FORMS[a].danger}
      onClick={() => setAction(a)}
      data-testid={`action-${a}`}
    >
      {ACTION_LABELS[a]}
    </Button>
  ));

  return (
    <div className={`page case-detail${isPhone && actions.length ? ' has-action-bar' : ''}`} data-testid="page-case-detail">
      <Breadcrumb
        className="page-breadcrumb"
        items={[{ title: <Link to={from.path}>{from.label}</Link> }, { title: `${kase.code} 案件详情` }]}
        data-testid="case-breadcrumb"
      />
      <div className="page-head">
        <Space align="start" size={8} style={{ minWidth: 0 }}>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label="返回" />
          <div style={{ minWidth: 0 }}>
            <Space size={8} wrap>
              <Typography.Text type="secondary" copyable data-testid="case-code">
                {kase.code}
              </Typography.Text>
              <StateTag state={kase.state} testId="case-state" />
              <CaseFlags c={kase} />
              <Button
                size="small"
                type="text"
                icon={<ReloadOutlined />}
                onClick={() => void reload()}
                loading={loading}
                aria-label="刷新"
                title="刷新"
                data-testid="case-reload"
              />
              {events.some((e) => e.action === 'dispatch' || e.action === 'reassign') && (
                <Link to={`/cases/${kase.id}/print/dispatch`} data-testid="print-dispatch">
                  <PrinterOutlined /> 交办单
                </Link>
              )}
              {kase.supervisionLevel && (
                <Link to={`/cases/${kase.id}/print/supervision`} data-testid="print-supervision">
                  <PrinterOutlined /> 督办单
                </Link>
              )}
            </Space>
            <Typography.Title level={4} className="page-title" style={{ marginTop: 4 }} data-testid="case-title">
              {kase.title}
            </Typography.Title>
          </div>
        </Space>
        {!isPhone && actionButtons.length > 0 && (
          <Space wrap data-testid="case-actions">
            {actionButtons}
          </Space>
        )}
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="问题信息" size="small">
              <CaseFacts kase={kase} unitNames={unitNames} />
            </Card>
            {compare.completed && (
              <Card title="整改前后对比" size="small">
                <BeforeAfter before={compare.before} after={compare.after} />
              </Card>
            )}
            <Card
              title={`现场照片及材料（${attachments.length}）`}
              size="small"
              extra={
                attachments.length > 0 && (
                  <Button size="small" type="link" icon={<DownloadOutlined />} loading={zipping} onClick={() => void downloadAll()} data-testid="attachments-zip">
                    全部下载
                  </Button>
                )
              }
            >
              <AttachmentGallery items={attachments} emptyText="暂无附件" />
            </Card>
            <Card title="办理过程" size="small">
              <EventTimeline events={events} unitNames={unitNames} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {kase.petition && (
              <Card title="信访办理" size="small">
                <PetitionPanel
                  kase={kase}
                  onChanged={(updated) => {
                    if (updated) setCase(updated);
                    void reload();
                  }}
                />
              </Card>
            )}
            <Card title="办理时限" size="small">
              <DeadlinePanel kase={kase} />
            </Card>
            {MACHINE_CASE_SOURCES.includes(kase.source) && <CaseAlertsCard caseId={kase.id} />}
            <Card
              title={
                <span>
                  <EnvironmentOutlined /> 位置
                </span>
              }
              size="small"
            >
              {hasPoint ? (
                <>
                  <JiaxingMap
                    height={240}
                    focus={{ lng: kase.lng!, lat: kase.lat! }}
                    points={[{ name: kase.title, lng: kase.lng!, lat: kase.lat!, alert: kase.overdue }]}
                    testId="case-map"
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {kase.lng!.toFixed(5)}E, {kase.lat!.toFixed(5)}N（嘉兴市县界）
                  </Typography.Text>
                </>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未提供坐标" />
              )}
              {kase.address && <div style={{ marginTop: 8 }}>{kase.address}</div>}
            </Card>
          </Space>
        </Col>
      </Row>

      {isPhone && actions.length > 0 && (
        <div className="mobile-action-bar" data-testid="mobile-action-bar">
          {actionButtons}
        </div>
      )}

      <ActionModal
        action={action}
        kase={kase}
        onClose={() => setAction(null)}
        onDone={(updated) => {
          setAction(null);
          setCase(updated);
        }}
        onConflict={reload}
        events={events}
      />
    </div>
  );
}

function CaseFacts({ kase, unitNames }: { kase: Case; unitNames: Map<string, string> }) {
  const ability = useAbility<AppAbility>();
  const lead = kase.leadUnitName ?? (kase.leadUnitId ? (unitNames.get(kase.leadUnitId) ?? kase.leadUnitId) : null);
  const co = (kase.coUnitIds ?? []).map((u) => unitNames.get(u) ?? u);
  const steps = kase.signoffSteps ?? [];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 2 }}
      data-testid="case-facts"
      items={[
        { key: 'category', label: '问题类别', children: categoryLabel(kase.category) },
        { key: 'source', label: '问题来源', children: sourceLabel(kase.source) },
        {
          key: 'severity',
          label: '严重程度',
          children: kase.severity === 'major' ? <Tag color="magenta">重大</Tag> : severityLabel(kase.severity),
        },
        { key: 'region', label: '所属区域', children: kase.regionName ?? kase.regionCode },
        { key: 'lead', label: '牵头单位', children: lead ?? '—' },
        ...(co.length ? [{ key: 'co', label: '配合单位', children: co.join('、') }] : []),
        {
          key: 'due',
          label: '当前环节时限',
          children: <DueText c={kase} done={!isOpenState(kase.state)} />,
        },
        ...(kase.pendingExtension
          ? [
              {
                key: 'ext',
                label: '延期申请（待审批）',
                children: (
                  <span data-testid="pending-extension">
                    申请延期至 {formatDateTime(kase.pendingExtension.newDueAt)}；理由：{kase.pendingExtension.reason}
                  </span>
                ),
              },
            ]
          : []),
        ...(kase.takenByName ? [{ key: 'taken', label: '包案领导', children: <span data-testid="taken-by">{kase.takenByName}</span> }] : []),
        ...(kase.supervisionLevel
          ? [{ key: 'sup', label: '督办', children: SUPERVISION_LEVEL_LABELS[kase.supervisionLevel] ?? kase.supervisionLevel }]
          : []),
        ...(steps.length
          ? [
              {
                key: 'signoff',
                label: '销号流程',
                children: (
                  <Space size={4} wrap>
                    {steps.map((s, i) => (
                      <Tag
                        key={`${s}-${i}`}
                        color={
                          kase.state === 'closed' || i < (kase.signoffIndex ?? 0)
                            ? 'green'
                            : i === kase.signoffIndex && kase.state === 'pending_verification'
                              ? 'blue'
                              : 'default'
                        }
                      >
                        {(REGION_LEVEL_SHORT as Record<string, string>)[s] ?? s}核查
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...((kase.reworkCount ?? 0) > 0 ? [{ key: 'rework', label: '返工次数', children: kase.reworkCount }] : []),
        ...((kase.reopenCount ?? 0) > 0 ? [{ key: 'reopen', label: '反弹次数', children: kase.reopenCount }] : []),
        ...(kase.enterpriseCreditCode
          ? [
              {
                key: 'ent',
                label: '涉及企业',
                children: ability.can('read', 'Enterprise') ? (
                  <EnterpriseLink creditCode={kase.enterpriseCreditCode} />
                ) : (
                  kase.enterpriseCreditCode
                ),
              },
            ]
          : []),
        ...(kase.ledgerId
          ? [{ key: 'ledger', label: '所属台账', children: <Link to={`/ledgers/${kase.ledgerId}`}>查看台账</Link> }]
          : []),
        ...(kase.duplicateOfId
          ? [{ key: 'dup', label: '已并入', children: <Link to={`/cases/${kase.duplicateOfId}`}>查看主案件</Link> }]
          : []),
        ...(kase.reporterName || kase.reporterPhone
          ? [
              {
                key: 'reporter',
                label: '举报人',
                children: [kase.reporterName, kase.reporterPhone].filter(Boolean).join(' '),
              },
            ]
          : []),
        { key: 'created', label: '上报时间', children: formatDateTime(kase.createdAt) },
        { key: 'updated', label: '更新时间', children: formatDateTime(kase.updatedAt) },
        ...(kase.closedAt ? [{ key: 'closed', label: '销号时间', children: formatDateTime(kase.closedAt) }] : []),
        {
          key: 'desc',
          label: '问题描述',
          span: 'filled' as const,
          children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{kase.description || '—'}</Typography.Paragraph>,
        },
      ]}
    />
  );
}
