import { AlertOutlined, CheckCircleOutlined, FieldTimeOutlined, FileTextOutlined, FlagOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Card, Col, DatePicker, Empty, Grid, Row, Space, Spin, Statistic, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { CASE_STATES } from '@ecoloop/workflow';
import { CATEGORY_LABELS, categoryLabel, STATE_LABELS, stateLabel } from '../../../i18n/labels';
import { TZ, dayjs, inShanghai } from '../../../lib/time';
import { useUser } from '../../auth/hooks/useSession';
import { toTreeOptions, useRegions } from '../../cases/hooks/useRegions';
import { EChart, type EChartOption } from '../../geo/components/EChart';
import { JiaxingMap } from '../../geo/components/JiaxingMap';
import { PetitionStatsCard } from '../../petitions/components/PetitionStatsCard';
import { useDashboardData } from '../hooks/useDashboardData';
import { SpotChecksCard } from './SpotChecksCard';
import type { Overview } from '../types';
import { FastTrackCard } from '../../alerts/components/FastTrackCard';
import { LeaderAttentionCard, RiskMapCard, TrendCard, useOnTimeRate } from './LeaderCards';
import { PageHeading } from '../../../components/PageHeading';

const GREEN = '#1f7a4d';

export function DashboardPage() {
  const user = useUser();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const { tree } = useRegions();
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const q = {
    regionCode,
    from: range?.[0] ? dayjs.tz(range[0].format('YYYY-MM-DD'), TZ).startOf('day').toISOString() : undefined,
    to: range?.[1] ? dayjs.tz(range[1].format('YYYY-MM-DD'), TZ).endOf('day').toISOString() : undefined,
  };
  const data = useDashboardData(q);
  const onTime = useOnTimeRate();
  const { overview, error, loading } = data;

  const points = useMemo(
    () =>
      data.points.map((p) => ({
        id: p.id,
        name: [categoryLabel(p.category), stateLabel(p.state), p.overdue ? '超期' : null].filter(Boolean).join(' · '),
        lng: p.lng,
        lat: p.lat,
        alert: Boolean(p.overdue),
      })),
    [data.points],
  );
  const countyValues = useMemo(
    () => Object.fromEntries((overview?.byCounty ?? []).map((c) => [c.regionCode, c.total])),
    [overview],
  );

  return (
    <div className="page dashboard" data-testid="page-dashboard">
      <div className="page-head">
        <PageHeading title="领导驾驶舱" subtitle={<>{user.regionName ?? user.regionCode} 生态环境问题闭环总览</>} />
        <Space wrap>
          <TreeSelect
            allowClear
            placeholder="全部区域"
            value={regionCode}
            onChange={(v) => setRegionCode(v as string | undefined)}
            treeData={toTreeOptions(tree, 'county')}
            style={{ minWidth: 160 }}
            data-testid="dashboard-region"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
            allowEmpty={[true, true]}
            style={{ width: isPhone ? '100%' : 260 }}
            data-testid="dashboard-range"
          />
        </Space>
      </div>

      {error && <Alert type="warning" showIcon title={`统计数据加载失败：${error}`} style={{ marginBottom: 12 }} />}

      <Spin spinning={loading}>
        {!overview && !loading ? (
          <Card>
            <Empty description="暂无统计数据" data-testid="dashboard-empty" />
          </Card>
        ) : (
          <>
            <Kpis o={overview} onTime={onTime} />
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24} xl={12}>
                <RiskMapCard height={isPhone ? 300 : 380} compact={isPhone} />
              </Col>
              <Col xs={24} xl={12}>
                <LeaderAttentionCard />
              </Col>
              <Col xs={24}>
                <TrendCard o={overview} />
              </Col>
              <Col xs={24} xl={14}>
                <Card size="small" title="案件分布（嘉兴市）">
                  <JiaxingMap
                    height={isPhone ? 320 : 440}
                    countyValues={countyValues}
                    points={points}
                    onPointClick={(p) => p.id && navigate(`/cases/${p.id}`)}
                    onCountyClick={(code) => navigate(`/cases?regionCode=${code}`)}
                    testId="dashboard-map"
                    compact={isPhone}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    蓝点：案件位置（最近 {points.length} 件有坐标的案件）；红色闪烁：超期案件。点击案件点查看详情，点击县区查看该县案件。
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card size="small" title="各县（市、区）和功能区案件">
                  <CountyBars o={overview} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title="按状态">
                  <StateBars o={overview} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title="按类别">
                  <CategoryPie o={overview} compact={isPhone} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <SpotChecksCard o={overview} />
              </Col>
              <Col xs={24}>
                <PetitionStatsCard
                  regionCode={regionCode}
                  from={range?.[0]?.format('YYYY-MM') ?? dayjs().tz(TZ).startOf('year').format('YYYY-MM')}
                  to={range?.[1]?.format('YYYY-MM')}
                />
              </Col>
              <Col xs={24}>
                <FastTrackCard month={inShanghai(Date.now()).format('YYYY-MM')} quietOnError />
              </Col>
            </Row>
          </>
        )}
      </Spin>
    </div>
  );
}

function Kpis({ o, onTime }: { o: Overview | null; onTime: number | null }) {
  const rate = o && o.total ? Math.round((o.closed / o.total) * 1000) / 10 : 0;
  const items = [
    { key: 'total', title: '案件总数', value: o?.total ?? 0, icon: <FileTextOutlined />, color: undefined },
    { key: 'open', title: '办理中', value: o?.open ?? 0, icon: <SyncOutlined />, color: '#1677ff' },
    { key: 'closed', title: '已销号', value: o?.closed ?? 0, icon: <CheckCircleOutlined />, color: GREEN },
    { key: 'overdue', title: '超期', value: o?.overdue ?? 0, icon: <AlertOutlined />, color: '#e5484d' },
    { key: 'supervised', title: '督办', value: o?.supervised ?? 0, icon: <FlagOutlined />, color: '#d4380d' },
    { key: 'rate', title: '销号率', value: rate, suffix: '%', icon: <CheckCircleOutlined />, color: GREEN },
    { key: 'ontime', title: '按期办结率', value: onTime ?? '—', suffix: onTime === null ? undefined : '%', icon: <FieldTimeOutlined />, color: '#1677ff' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map((i) => (
        <Col key={i.key} xs={12} sm={8} lg={6} xl={{ flex: '1 1 0' }}>
          <Card size="small" className="kpi-card" data-testid={`kpi-${i.key}`}>
            <Statistic
              title={
                <span>
                  {i.icon} {i.title}
                </span>
              }
              value={i.value}
              suffix={i.suffix}
              styles={{ content: { color: i.color } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function CountyBars({ o }: { o: Overview | null }) {
  const option = useMemo<EChartOption>(() => {
    const rows = [...(o?.byCounty ?? [])].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['案件数', '已销号', '超期'], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.regionName), inverse: true },
      series: [
        { name: '案件数', type: 'bar', data: rows.map((r) => r.total), itemStyle: { color: '#91caff' } },
        { name: '已销号', type: 'bar', data: rows.map((r) => r.closed), itemStyle: { color: GREEN } },
        { name: '超期', type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#e5484d' } },
      ],
    };
  }, [o]);
  if (!o?.byCounty.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  return <EChart option={option} style={{ height: Math.max(300, o.byCounty.length * 44 + 40) }} testId="chart-county" />;
}

function StateBars({ o }: { o: Overview | null }) {
  const option = useMemo<EChartOption>(() => {
    const states = CASE_STATES.filter((s) => (o?.byState[s] ?? 0) > 0 || ['reported', 'rectifying', 'closed'].includes(s));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: states.map((s) => STATE_LABELS[s]), axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          data: states.map((s) => ({ value: o?.byState[s] ?? 0, itemStyle: { color: s === 'closed' ? GREEN : '#4096ff' } })),
          label: { show: true, position: 'top' },
          barMaxWidth: 36,
        },
      ],
    };
  }, [o]);
  if (!o || !Object.keys(o.byState).length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  return <EChart option={option} style={{ height: 280 }} testId="chart-state" />;
}

function CategoryPie({ o, compact }: { o: Overview | null; compact?: boolean }) {
  const option = useMemo<EChartOption>(() => {
    const byTop: Record<string, number> = {};
    for (const { category, count } of o?.byCategory ?? []) {
      const top = category.split('.')[0];
      byTop[top] = (byTop[top] ?? 0) + count;
    }
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: compact ? ['35%', '60%'] : ['40%', '68%'],
          center: ['50%', '45%'],
          data: Object.entries(byTop).map(([k, v]) => ({ name: (CATEGORY_LABELS as Record<string, string>)[k] ?? k, value: v })),
          label: compact ? { position: 'inside', formatter: '{c}', color: '#fff' } : { formatter: '{b} {c}' },
        },
      ],
    };
  }, [o, compact]);
  if (!o || !o.byCategory.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  return <EChart option={option} style={{ height: 280 }} testId="chart-category" />;
}
