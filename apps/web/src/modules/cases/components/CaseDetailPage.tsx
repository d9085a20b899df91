import { ArrowLeftOutlined, EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaseAction } from '@ecoloop/workflow';
import { useAbility } from '@casl/react';
import { Button, Card, Col, Descriptions, Empty, Grid, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorText } from '../../../api';
import {
  ACTION_LABELS,
  categoryLabel,
  deadlineKindLabel,
  REGION_LEVEL_SHORT,
  severityLabel,
  sourceLabel,
  SUPERVISION_LEVEL_LABELS,
} from '../../../i18n/labels';
import type { AppAbility } from '../../../lib/ability';
import { formatDateTime } from '../../../lib/time';
import { EnterpriseLink } from '../../enterprises/components/HealthCodeBadge';
import { JiaxingMap } from '../../geo/components/JiaxingMap';
import { useCase } from '../hooks/useCase';
import { countyCodeOf } from '../hooks/useRegions';
import { useUnits } from '../hooks/useUnits';
import type { AttachmentMeta, Case } from '../types';
import { ACTION_FORMS, ACTION_ORDER } from '../types/actionForms';
import { ActionModal } from './ActionModal';
import { AttachmentGallery } from './AttachmentGallery';
import { CaseFlags, DueText, StateTag } from './CaseTags';
import { DeadlinePanel } from './DeadlinePanel';
import { EventTimeline } from './EventTimeline';

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const { kase, events, error, loading, reload, setCase } = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const { units } = useUnits(countyCodeOf(kase?.regionCode));
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const attachments: AttachmentMeta[] = useMemo(() => {
    if (kase?.attachments?.length) return kase.attachments;
    const ids = new Set<string>();
    for (const e of events) for (const a of e.attachmentIds ?? []) ids.add(a);
    return [...ids].map((a) => ({ id: a }));
  }, [kase, events]);

  if (error && !kase) {
    const notFound = error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 403);
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? '案件不存在或无权查看' : '加载失败'}
        subTitle={notFound ? undefined : errorText(error)}
        extra={
          <Space>
            <Button onClick={() => navigate(-1)}>返回</Button>
            {!notFound && <Button onClick={reload}>重试</Button>}
          </Space>
        }
        data-testid="case-error"
      />
    );
  }
  if (!kase) return <Skeleton active paragraph={{ rows: 10 }} style={{ padding: 24 }} />;

  const actions = ACTION_ORDER.filter((a) => kase.allowedActions?.includes(a));
  const hasPoint = typeof kase.lat === 'number' && typeof kase.lng === 'number';
  const actionButtons = actions.map((a) => (
    <Button
      key={a}
      type={ACTION_FORMS[a].primary ? 'primary' : 'default'}
      danger={ACTION_FORMS[a].danger}
      onClick={() => setAction(a)}
      data-testid={`action-${a}`}
    >
      {ACTION_LABELS[a]}
    </Button>
  ));

  return (
    <div className={`page case-detail${isPhone && actions.length ? ' has-action-bar' : ''}`} data-testid="page-case-detail">
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
                onClick={reload}
                loading={loading}
                aria-label="刷新"
                title="刷新"
                data-testid="case-reload"
              />
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
            <Card title={`现场照片及材料（${attachments.length}）`} size="small">
              <AttachmentGallery items={attachments} emptyText="暂无附件" />
            </Card>
            <Card title="办理过程" size="small">
              <EventTimeline events={events} unitNames={unitNames} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="办理时限" size="small">
              <DeadlinePanel kase={kase} />
            </Card>
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
                    {kase.lng!.toFixed(5)}E, {kase.lat!.toFixed(5)}N（示意底图，县界为近似）
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
          if (updated && updated.id) setCase((prev) => ({ ...prev, ...updated }));
          void reload();
        }}
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
          label: kase.deadlineKind ? `当前时限（${deadlineKindLabel(kase.deadlineKind)}）` : '当前时限',
          children: <DueText dueAt={kase.dueAt} overdue={kase.overdue} done={['closed', 'rejected', 'merged'].includes(kase.state)} />,
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
