import { Alert, Card, Col, DatePicker, Empty, Grid, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { EXTERNAL_SOURCES, type CaseSource } from '@ecoloop/workflow';
import { errorText } from '../../../api';
import { statsApi, type Discovery, type DiscoveryLevel } from '../../../api/stats';
import { sourceLabel } from '../../../i18n/labels';
import { dayjs, inShanghai } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { EChart, type EChartOption } from '../../geo/components/EChart';
import { PageHeading } from '../../../components/PageHeading';

const SELF = '#1f7a4d';
const OUTSIDE = '#fa8c16';
const LEVELS: { value: DiscoveryLevel; label: string; title: string }[] = [
  { value: 'county', label: '县（市、区）', title: '县（市、区）' },
  { value: 'town', label: '镇（街道）', title: '镇（街道）' },
  { value: 'grid', label: '网格', title: '网格' },
];
const isOutside = (s: string) => (EXTERNAL_SOURCES as readonly string[]).includes(s as CaseSource);
const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);

/** 问题发现综合评价 (三大十招, DESIGN §12): self- vs outside-found per county, town or grid, by source and month. */
export function DiscoveryPage() {
  const isPhone = !Grid.useBreakpoint().md;
  const [level, setLevel] = useState<DiscoveryLevel>('county');
  const [month, setMonth] = useState<string | undefined>(undefined);
  const res = useAsync(['stats', 'discovery', level, month ?? ''], () => statsApi.discovery(level, month));
  const rows = useMemo(() => [...(res.data ?? [])].sort((a, b) => b.self + b.external - (a.self + a.external) || a.regionCode.localeCompare(b.regionCode)), [res.data]);
  const totals = useMemo(() => {
    const self = rows.reduce((n, r) => n + r.self, 0);
    const external = rows.reduce((n, r) => n + r.external, 0);
    return { self, external, rate: self + external ? (self / (self + external)) * 100 : null };
  }, [rows]);
  const title = LEVELS.find((l) => l.value === level)!.title;
  const period = month ? dayjs(`${month}-01`).format('YYYY年M月') : '近十二个月';

  return (
    <div className="page" data-testid="page-discovery">
      <div className="page-head">
        <PageHeading title="问题发现综合评价" subtitle="自主发现（网格巡查、在线监测、走航、无人机、远红外、卫星遥感、企业自巡查、执法检查）与外部发现（督察交办、警示片、媒体曝光、12345/12369、信访）对比" />
        <Space wrap>
          <Segmented value={level} onChange={(v) => setLevel(v as DiscoveryLevel)} options={LEVELS.map((l) => ({ value: l.value, label: l.label }))} data-testid="discovery-level" />
          <DatePicker
            picker="month"
            allowClear
            placeholder="近十二个月"
            value={month ? dayjs(`${month}-01`) : null}
            format="YYYY年M月"
            disabledDate={(d) => d.format('YYYY-MM') > inShanghai(Date.now()).format('YYYY-MM')}
            onChange={(d) => setMonth(d ? d.format('YYYY-MM') : undefined)}
            style={{ width: 140 }}
            data-testid="discovery-month"
          />
        </Space>
      </div>
      {res.error && <Alert type="error" showIcon title={`加载失败：${errorText(res.error)}`} style={{ marginBottom: 12 }} />}

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={8}>
          <Card size="small" data-testid="discovery-self">
            <Statistic title="自主发现" value={totals.self} suffix="件" styles={{ content: { color: SELF } }} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" data-testid="discovery-external">
            <Statistic title="外部发现" value={totals.external} suffix="件" styles={{ content: { color: OUTSIDE } }} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small" data-testid="discovery-rate">
            <Statistic title="自主发现率" value={pct(totals.rate)} />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={`${period}自主发现与外部发现（按月）`}>
            <MonthTrend rows={rows} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={`${period}发现来源`}>
            <SourceBars rows={rows} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={`各${title}发现情况（${period}）`}>
            {level !== 'grid' && rows.length > 0 && <RegionBars rows={rows} compact={isPhone} />}
            <Table<Discovery>
              rowKey="regionCode"
              size="small"
              loading={res.loading}
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              data-testid="discovery-table"
              scroll={isPhone ? undefined : { x: 760 }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> }}
              columns={[
                {
                  title: title,
                  dataIndex: 'regionName',
                  render: (n: string, r) => (
                    <Link to={`/cases?regionCode=${r.regionCode}`} data-testid={`discovery-row-${r.regionCode}`}>
                      {n}
                    </Link>
                  ),
                },
                { title: '自主发现', dataIndex: 'self', width: 90, sorter: (a, b) => a.self - b.self },
                { title: '外部发现', dataIndex: 'external', width: 90, sorter: (a, b) => a.external - b.external },
                {
                  title: '自主发现率',
                  dataIndex: 'selfRate',
                  width: 110,
                  sorter: (a, b) => (a.selfRate ?? -1) - (b.selfRate ?? -1),
                  render: (v: number | null) => (v === null ? <Typography.Text type="secondary">无数据</Typography.Text> : <strong style={{ color: v >= 60 ? SELF : v >= 40 ? '#ad8b00' : '#cf1322' }}>{pct(v)}</strong>),
                },
                {
                  title: '主要来源',
                  key: 'sources',
                  responsive: ['md'],
                  render: (_, r) =>
                    [...r.bySource]
                      .sort((a, b) => b.count - a.count)
                      .slice(0, 3)
                      .map((s) => `${sourceLabel(s.source)} ${s.count}`)
                      .join('、') || '—',
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function MonthTrend({ rows }: { rows: Discovery[] }) {
  const option = useMemo<EChartOption>(() => {
    const byMonth = new Map<string, { self: number; external: number }>();
    for (const r of rows) {
      for (const m of r.byMonth) {
        const cur = byMonth.get(m.month) ?? { self: 0, external: 0 };
        cur.self += m.self;
        cur.external += m.external;
        byMonth.set(m.month, cur);
      }
    }
    const months = [...byMonth.keys()].sort();
    const data = months.map((m) => byMonth.get(m)!);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['自主发现', '外部发现', '自主发现率'], top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => dayjs(`${m}-01`).format('YY年M月')) },
      yAxis: [
        { type: 'value', name: '件' },
        { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        { name: '自主发现', type: 'bar', stack: 'n', data: data.map((d) => d.self), itemStyle: { color: SELF } },
        { name: '外部发现', type: 'bar', stack: 'n', data: data.map((d) => d.external), itemStyle: { color: OUTSIDE } },
        {
          name: '自主发现率',
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          data: data.map((d) => (d.self + d.external ? Math.round((d.self / (d.self + d.external)) * 1000) / 10 : null)),
          itemStyle: { color: '#1677ff' },
        },
      ],
    };
  }, [rows]);
  if (!rows.some((r) => r.byMonth.length)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  return <EChart option={option} style={{ height: 300 }} testId="discovery-trend" />;
}

function SourceBars({ rows }: { rows: Discovery[] }) {
  const option = useMemo<EChartOption>(() => {
    const bySource = new Map<string, number>();
    for (const r of rows) for (const s of r.bySource) bySource.set(s.source, (bySource.get(s.source) ?? 0) + s.count);
    const sorted = [...bySource].sort((a, b) => b[1] - a[1]);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: sorted.map(([s]) => sourceLabel(s)), axisLabel: { fontSize: 11, interval: 0 } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          data: sorted.map(([s, n]) => ({ value: n, itemStyle: { color: isOutside(s) ? OUTSIDE : SELF } })),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [rows]);
  const sources = new Set(rows.flatMap((r) => r.bySource.map((s) => s.source))).size;
  if (!sources) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  return (
    <>
      <EChart option={option} style={{ height: Math.max(300, sources * 20 + 30) }} testId="discovery-sources" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        绿色：自主发现；橙色：外部发现
      </Typography.Text>
    </>
  );
}

function RegionBars({ rows, compact }: { rows: Discovery[]; compact: boolean }) {
  const shown = rows.slice(0, 20);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: ['自主发现', '外部发现'], top: 0 },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.regionName), axisLabel: { fontSize: compact ? 10 : 12 } },
      series: [
        { name: '自主发现', type: 'bar', stack: 'n', data: shown.map((r) => r.self), itemStyle: { color: SELF } },
        { name: '外部发现', type: 'bar', stack: 'n', data: shown.map((r) => r.external), itemStyle: { color: OUTSIDE } },
      ],
    }),
    [shown, compact],
  );
  return <EChart option={option} style={{ height: Math.max(220, shown.length * 28 + 50), marginBottom: 12 }} testId="discovery-regions" />;
}
