import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText } from '../../../api';
import { assessmentApi, type Scorecard, type ScorecardLevel, type ScorecardTrend } from '../../../api/stats';
import { useDownload } from '../../../lib/useDownload';
import { dayjs, inShanghai } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { EChart, type EChartOption } from '../../geo/components/EChart';
import { PageHeading } from '../../../components/PageHeading';

const LEVELS: { value: ScorecardLevel; label: string }[] = [
  { value: 'county', label: '县（市、区）' },
  { value: 'town', label: '镇（街道）' },
  { value: 'unit', label: '责任单位' },
  { value: 'grid', label: '网格员' },
];
const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)}%`);
const scoreColor = (s: number | null) => (s === null ? undefined : s >= 85 ? '#237804' : s >= 70 ? '#ad8b00' : '#cf1322');

/** 考核排名 (DESIGN §12): scorecards per county, town, unit and grid inspector, the monthly 通报 and twelve months' trend. */
export function ScorecardsPage() {
  const isPhone = !Grid.useBreakpoint().md;
  const lastMonth = inShanghai(Date.now()).subtract(1, 'month').format('YYYY-MM');
  const [level, setLevel] = useState<ScorecardLevel>('county');
  const [month, setMonth] = useState(lastMonth);
  const cards = useAsync(['assessment', 'scorecards', level, month], () => assessmentApi.scorecards(level, month));
  const trend = useAsync(['assessment', 'trend', level, month], () => assessmentApi.trend(level, month));
  const { busy: downloading, download } = useDownload();
  // Units and grid inspectors without cases in the month are listed after the scored ones.
  const rows = useMemo(() => (cards.data ?? []).filter((r) => level === 'county' || r.score !== null), [cards.data, level]);
  const unscored = (cards.data?.length ?? 0) - rows.length;
  const bulletin = () => download(() => assessmentApi.bulletin(level, month), `${month}考核通报.xlsx`);

  return (
    <div className="page" data-testid="page-scorecards">
      <div className="page-head">
        <PageHeading title="考核排名" subtitle="自主发现率、按期签收、按期办结、一次性验收通过、返工、反弹、超期与督办、信访满意度，按月评分排名并通报" />
        <Space wrap>
          <Segmented value={level} onChange={(v) => setLevel(v as ScorecardLevel)} options={LEVELS} data-testid="scorecard-level" />
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            format="YYYY年M月"
            disabledDate={(d) => d.format('YYYY-MM') > lastMonth}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            style={{ width: 140 }}
            data-testid="scorecard-month"
          />
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void bulletin()} data-testid="scorecard-xlsx">
            下载月度通报
          </Button>
        </Space>
      </div>
      {cards.error && <Alert type="error" showIcon title={`加载失败：${errorText(cards.error)}`} style={{ marginBottom: 12 }} />}

      <Card size="small" title={`${dayjs(`${month}-01`).format('YYYY年M月')}${LEVELS.find((l) => l.value === level)!.label}排名`} style={{ marginBottom: 16 }}>
        <Table<Scorecard>
          rowKey="subjectId"
          size="small"
          loading={cards.loading}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={isPhone ? { x: 520 } : { x: 1100 }}
          data-testid="scorecard-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月暂无考核数据" /> }}
          footer={unscored > 0 ? () => <Typography.Text type="secondary">另有 {unscored} 个对象本月无案件，不参与排名</Typography.Text> : undefined}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 56, fixed: 'left', render: (r: number | null) => (r === null ? '—' : r) },
            {
              title: '考核对象',
              dataIndex: 'subjectName',
              width: isPhone ? 110 : 170,
              fixed: 'left',
              render: (n: string, r) => (
                <span data-testid={`scorecard-row-${r.subjectId}`}>
                  {n}
                  {r.score === null && level === 'county' && (
                    <Tag style={{ marginLeft: 6 }} data-testid="scorecard-nodata">
                      无数据
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: '得分', dataIndex: 'score', width: 70, render: (s: number | null) => <strong style={{ color: scoreColor(s) }}>{s === null ? '—' : s.toFixed(1)}</strong> },
            { title: '案件', key: 'total', width: 60, render: (_, r) => r.figures.total },
            { title: '自主发现率', key: 'self', width: 96, render: (_, r) => pct(r.figures.selfDiscoveryRate) },
            { title: '按期签收率', key: 'signFor', width: 96, render: (_, r) => pct(r.figures.onTimeSignForRate) },
            { title: '按期办结率', key: 'onTime', width: 96, render: (_, r) => pct(r.figures.onTimeCompletionRate) },
            { title: '一次通过率', key: 'firstPass', width: 96, render: (_, r) => pct(r.figures.firstPassRate) },
            { title: '返工', key: 'reworked', width: 56, render: (_, r) => r.figures.reworked },
            { title: '反弹', key: 'relapsed', width: 56, render: (_, r) => r.figures.relapsed },
            { title: '超期', key: 'overdue', width: 56, render: (_, r) => (r.figures.overdue ? <Typography.Text type="danger">{r.figures.overdue}</Typography.Text> : 0) },
            { title: '督办', key: 'supervised', width: 56, render: (_, r) => r.figures.supervised },
            { title: '信访满意率', key: 'petition', width: 96, render: (_, r) => pct(r.figures.petitionSatisfactionRate) },
          ]}
        />
      </Card>
      <Card size="small" title="近十二个月得分走势">
        {trend.data ? <TrendChart trend={trend.data} level={level} compact={isPhone} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={trend.loading ? '加载中…' : '暂无数据'} />}
      </Card>
    </div>
  );
}

/** Scores month by month; beyond counties, the eight subjects with the most cases. */
function TrendChart({ trend, level, compact }: { trend: ScorecardTrend; level: ScorecardLevel; compact: boolean }) {
  const option = useMemo<EChartOption>(() => {
    const volume = (s: ScorecardTrend['series'][number]) => s.points.reduce((n, p) => n + p.figures.total, 0);
    const series = trend.series.filter((s) => volume(s) > 0 || level === 'county').sort((a, b) => volume(b) - volume(a)).slice(0, level === 'county' ? 20 : 8);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '无数据' : Number(v).toFixed(1)) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: compact ? 56 : 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trend.months.map((m) => dayjs(`${m}-01`).format('YY年M月')) },
      yAxis: { type: 'value', min: 0, max: 100, name: '得分' },
      series: series.map((s) => ({ name: s.subjectName, type: 'line', connectNulls: false, data: s.points.map((p) => p.score) })),
    };
  }, [trend, level, compact]);
  return <EChart option={option} style={{ height: compact ? 340 : 360 }} testId="scorecard-trend" />;
}
