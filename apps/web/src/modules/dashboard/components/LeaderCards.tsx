// The dashboard's monthly parts (DESIGN §12, §13): the risk-coloured map of last month's warnings,
// twelve months of trends with the on-time rate, and the cases a leader acts on (督办, red counties).
import { Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { OPEN_STATES } from '@ecoloop/workflow';
import { Link, useNavigate } from 'react-router-dom';
import { casesApi } from '../../../api/cases';
import { riskWarningsApi, type RiskWarning } from '../../../api/riskWarnings';
import { assessmentApi, type Overview } from '../../../api/stats';
import { RISK_LEVEL_META, stateLabel } from '../../../i18n/labels';
import { dayjs, inShanghai } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { EChart, type EChartOption } from '../../geo/components/EChart';
import { JiaxingMap } from '../../geo/components/JiaxingMap';

const GREEN = '#1f7a4d';
export const lastMonth = () => inShanghai(Date.now()).subtract(1, 'month').format('YYYY-MM');

const levelText = (w: RiskWarning) => (w.level === 'no_data' ? '无数据' : `${RISK_LEVEL_META[w.level].label}色`);

/** Last month's warnings: the map coloured by level (no_data grey), and every county and zone listed. */
export function RiskMapCard({ height, compact }: { height: number; compact: boolean }) {
  const navigate = useNavigate();
  const month = lastMonth();
  const res = useAsync(['risk-warnings', month], () => riskWarningsApi.list(month));
  const rows = useMemo(() => [...(res.data ?? [])].sort((a, b) => a.regionCode.localeCompare(b.regionCode)), [res.data]);
  const colors = useMemo(() => Object.fromEntries(rows.map((w) => [w.regionCode, { color: RISK_LEVEL_META[w.level].color, label: `${levelText(w)}${w.score === null ? '' : `，风险分 ${w.score.toFixed(1)}`}` }])), [rows]);
  return (
    <Card size="small" title={`${dayjs(`${month}-01`).format('YYYY年M月')}风险预警`} extra={<Link to={`/risk-warnings?month=${month}`}>预警详情</Link>} data-testid="dashboard-risk">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={res.loading ? '加载中…' : '暂无预警数据'} />
      ) : (
        <>
          <JiaxingMap height={height} countyColors={colors} onCountyClick={(code) => navigate(`/cases?regionCode=${code}`)} testId="dashboard-risk-map" compact={compact} />
          <Space size={[4, 6]} wrap style={{ marginTop: 8 }}>
            {rows.map((w) => (
              <Tag key={w.regionCode} color={RISK_LEVEL_META[w.level].tag} data-testid={`risk-area-${w.regionCode}`} data-level={w.level}>
                {w.regionName} · {levelText(w)}
              </Tag>
            ))}
          </Space>
        </>
      )}
    </Card>
  );
}

/** Twelve months: cases reported and closed (the rollup), and the on-time completion rate (the scorecards). */
export function TrendCard({ o }: { o: Overview | null }) {
  const trend = useAsync(['assessment', 'trend', 'county', lastMonth()], () => assessmentApi.trend('county', lastMonth()));
  const months = useMemo(() => {
    const now = inShanghai(Date.now()).startOf('month');
    return Array.from({ length: 12 }, (_, i) => now.subtract(11 - i, 'month').format('YYYY-MM'));
  }, []);
  const onTime = useMemo(() => {
    const byMonth = new Map<string, { settled: number; met: number }>();
    for (const s of trend.data?.series ?? []) {
      for (const p of s.points) {
        const cur = byMonth.get(p.month) ?? { settled: 0, met: 0 };
        cur.settled += p.figures.rectifySettled;
        cur.met += p.figures.rectifyOnTime;
        byMonth.set(p.month, cur);
      }
    }
    return byMonth;
  }, [trend.data]);
  const option = useMemo<EChartOption>(() => {
    const byMonth = new Map((o?.byMonth ?? []).map((m) => [m.month, m]));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['新增问题', '已销号', '外部发现', '按期办结率'], top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => dayjs(`${m}-01`).format('YY年M月')) },
      yAxis: [
        { type: 'value', name: '件' },
        { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        { name: '新增问题', type: 'bar', data: months.map((m) => byMonth.get(m)?.total ?? 0), itemStyle: { color: '#91caff' } },
        { name: '已销号', type: 'bar', data: months.map((m) => byMonth.get(m)?.closed ?? 0), itemStyle: { color: GREEN } },
        { name: '外部发现', type: 'line', data: months.map((m) => byMonth.get(m)?.external ?? 0), itemStyle: { color: '#fa8c16' } },
        {
          name: '按期办结率',
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          itemStyle: { color: '#1677ff' },
          data: months.map((m) => {
            const t = onTime.get(m);
            return t && t.settled ? Math.round((t.met / t.settled) * 1000) / 10 : null;
          }),
        },
      ],
    };
  }, [o, months, onTime]);
  return (
    <Card size="small" title="近十二个月趋势" data-testid="dashboard-trend">
      <EChart option={option} style={{ height: 300 }} testId="chart-trend" />
    </Card>
  );
}

/** The twelve months' on-time completion rate (rectification deadlines met / settled), or null. */
export function useOnTimeRate(): number | null {
  const trend = useAsync(['assessment', 'trend', 'county', lastMonth()], () => assessmentApi.trend('county', lastMonth()));
  return useMemo(() => {
    let settled = 0;
    let met = 0;
    for (const s of trend.data?.series ?? []) for (const p of s.points) {
      settled += p.figures.rectifySettled;
      met += p.figures.rectifyOnTime;
    }
    return settled ? Math.round((met / settled) * 1000) / 10 : null;
  }, [trend.data]);
}

/** What a leader acts on: open cases under 督办, and the open overdue cases of last month's red counties. */
export function LeaderAttentionCard() {
  const month = lastMonth();
  const warnings = useAsync(['risk-warnings', month], () => riskWarningsApi.list(month));
  const red = (warnings.data ?? []).filter((w) => w.level === 'red');
  const supervised = useAsync(['dashboard', 'supervised'], () => casesApi.listInStates([...OPEN_STATES], { supervised: true, sort: '-updatedAt', page: 1, pageSize: 8 }));
  const redCases = useAsync(['dashboard', 'red', red.map((w) => w.regionCode).join()], () =>
    red.length ? casesApi.listInStates([...OPEN_STATES], { regionCode: red[0].regionCode, overdue: true, sort: '-updatedAt', page: 1, pageSize: 8 }) : Promise.resolve(null),
  );
  const item = (c: { id: string; code: string; title: string; state: string; regionName?: string | null; takenByName?: string | null }) => (
    <List.Item key={c.id} extra={<Link to={`/cases/${c.id}`} state={{ from: '/dashboard' }}>批示 / 包案</Link>}>
      <List.Item.Meta
        title={
          <Link to={`/cases/${c.id}`} state={{ from: '/dashboard' }} data-testid="attention-case">
            {c.title}
          </Link>
        }
        description={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.code} · {c.regionName ?? ''} · {stateLabel(c.state)}
            {c.takenByName ? ` · ${c.takenByName}包案` : ''}
          </Typography.Text>
        }
      />
    </List.Item>
  );
  return (
    <Card size="small" title="领导关注" extra={<Link to="/cases?takenBy=me">我的包案</Link>} data-testid="dashboard-attention">
      <Tabs
        size="small"
        items={[
          {
            key: 'supervised',
            label: `督办案件（${supervised.data?.total ?? 0}）`,
            children: <List size="small" dataSource={supervised.data?.items ?? []} renderItem={item} locale={{ emptyText: '暂无督办案件' }} />,
          },
          {
            key: 'red',
            label: red.length ? `${red.map((w) => w.regionName).join('、')}红色预警超期案件（${redCases.data?.total ?? 0}）` : '红色预警地区',
            children: red.length ? (
              <List size="small" dataSource={redCases.data?.items ?? []} renderItem={item} locale={{ emptyText: '暂无超期案件' }} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="上月无红色预警地区" />
            ),
          },
        ]}
      />
    </Card>
  );
}
