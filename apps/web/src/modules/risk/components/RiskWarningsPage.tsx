import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, DatePicker, Empty, Grid, Popover, Progress, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { riskWarningsApi, type RiskLevel, type RiskWarning } from '../../../api/riskWarnings';
import { errorText } from '../../../api';
import { RISK_LEVEL_META } from '../../../i18n/labels';
import { dayjs, inShanghai } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { EChart, type EChartOption } from '../../geo/components/EChart';

const LEVELS: RiskLevel[] = ['red', 'orange', 'yellow', 'green'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const meta = RISK_LEVEL_META[level];
  return (
    <Tag color={meta.tag} className="risk-tag" data-testid="risk-level" data-level={level}>
      {meta.label}色预警
    </Tag>
  );
}

/** 风险预警: per county, monthly, from the problems found outside, overdue and reworked. */
export function RiskWarningsPage() {
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const thisMonth = inShanghai(Date.now()).format('YYYY-MM');
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const list = useAsync(() => riskWarningsApi.list(month), [month]);
  const rows = useMemo(() => [...(list.data ?? [])].sort((a, b) => b.score - a.score || a.regionCode.localeCompare(b.regionCode)), [list.data]);
  const counts = useMemo(() => Object.fromEntries(LEVELS.map((l) => [l, rows.filter((r) => r.level === l).length])) as Record<RiskLevel, number>, [rows]);

  return (
    <div className="page" data-testid="page-risk">
      <div className="page-head">
        <div>
          <Typography.Title level={4} className="page-title">
            风险预警
          </Typography.Title>
          <Typography.Text type="secondary">按月对各县（市、区）问题发现与整改情况进行风险评估</Typography.Text>
        </div>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          format="YYYY年M月"
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
          onChange={(d) => d && setParams({ month: d.format('YYYY-MM') }, { replace: true })}
          style={{ width: 140 }}
          data-testid="risk-month"
        />
      </div>

      {list.error && <Alert type="error" showIcon title={`加载失败：${errorText(list.error)}`} style={{ marginBottom: 12 }} />}

      <Row gutter={isPhone ? [8, 8] : [12, 12]} style={{ marginBottom: isPhone ? 8 : 12 }}>
        {LEVELS.map((l) => (
          <Col key={l} span={6}>
            <Card size="small" className={`risk-count risk-count-${l}`} data-testid={`risk-count-${l}`} styles={{ body: { padding: isPhone ? '8px 4px' : 12 } }}>
              <div className="risk-count-value" style={{ color: RISK_LEVEL_META[l].ink }}>
                {list.loading && !list.data ? '–' : counts[l]}
              </div>
              <div className="risk-count-label">
                <span className="risk-dot" style={{ background: RISK_LEVEL_META[l].color }} />
                {RISK_LEVEL_META[l].label}色{isPhone ? '' : '预警（个）'}
              </div>
            </Card>
          </Col>
        ))}
      </Row>

      <Card size="small" title={`${dayjs(`${month}-01`).format('YYYY年M月')}各县（市、区）风险分`} style={{ marginBottom: 16 }}>
        {rows.length ? (
          <ScoreChart rows={rows} compact={isPhone} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.loading ? '加载中…' : '本月暂无预警数据'} />
        )}
      </Card>
      <Card
        size="small"
        title="预警明细"
        styles={{ body: { padding: isPhone ? 8 : 12 } }}
        extra={
          <Popover
            trigger={['hover', 'click']}
            placement="bottomRight"
            content={
              <div style={{ maxWidth: 320 }}>
                风险分 = 40×外部发现占比 + 30×超期占比 + 30×返工或反弹占比（0–100）。
                <br />
                低于 25 为绿色，低于 50 为黄色，低于 75 为橙色，75 及以上为红色。
                <br />
                管控力指数 = 本地自主发现问题的占比，越高说明发现问题越主动。
              </div>
            }
          >
            <Typography.Link data-testid="risk-method">
              <InfoCircleOutlined /> 计算方法
            </Typography.Link>
          </Popover>
        }
      >
        <RiskTable rows={rows} loading={list.loading} compact={isPhone} />
      </Card>
    </div>
  );
}

function Figures({ r }: { r: RiskWarning }) {
  const f = r.figures;
  return (
    <div className="risk-figures">
      新增 {f.newCases} · 外部发现 {f.external} · 自主发现 {f.selfDiscovered} · 超期 {f.overdue} · 返工 {f.reworked} · 反弹 {f.reopened}
    </div>
  );
}

function RiskTable({ rows, loading, compact }: { rows: RiskWarning[]; loading: boolean; compact: boolean }) {
  const wide = !compact;
  return (
    <Table<RiskWarning>
      rowKey="regionCode"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={wide ? { x: 860 } : undefined}
      expandable={compact ? { expandedRowRender: (r) => <Figures r={r} />, columnWidth: 28 } : undefined}
      data-testid="risk-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月暂无预警数据" /> }}
      columns={[
        { hidden: compact, title: '排名', key: 'rank', width: 56, fixed: 'left', render: (_, __, i) => i + 1 },
        {
          title: '县（市、区）',
          dataIndex: 'regionName',
          width: compact ? undefined : 110,
          fixed: wide ? 'left' : undefined,
          render: (n: string, r) => (
            <div>
              <Link to={`/cases?regionCode=${r.regionCode}`} data-testid={`risk-row-${r.regionCode}`}>
                {n}
              </Link>
              {compact && (
                <div>
                  <RiskLevelTag level={r.level} />
                </div>
              )}
            </div>
          ),
        },
        {
          hidden: compact,
          title: '预警等级',
          dataIndex: 'level',
          width: 96,
          filters: LEVELS.map((l) => ({ text: `${RISK_LEVEL_META[l].label}色`, value: l })),
          onFilter: (v, r) => r.level === v,
          render: (l: RiskLevel) => <RiskLevelTag level={l} />,
        },
        {
          title: '风险分',
          dataIndex: 'score',
          width: compact ? 76 : 80,
          defaultSortOrder: 'descend',
          sorter: (a, b) => a.score - b.score,
          render: (s: number, r) => <strong style={{ color: RISK_LEVEL_META[r.level].ink }}>{s.toFixed(1)}</strong>,
        },
        {
          title: compact ? '管控力' : '管控力指数',
          dataIndex: 'controlIndex',
          width: compact ? 96 : 140,
          sorter: (a, b) => a.controlIndex - b.controlIndex,
          render: (v: number) => <Progress size="small" percent={v} format={(p) => (p ?? 0).toFixed(1)} strokeColor="#1f7a4d" />,
        },
        { hidden: compact, title: '新增问题', key: 'newCases', width: 86, sorter: (a, b) => a.figures.newCases - b.figures.newCases, render: (_, r) => r.figures.newCases },
        { hidden: compact, title: '外部发现', key: 'external', width: 86, render: (_, r) => r.figures.external },
        { hidden: compact, title: '自主发现', key: 'self', width: 86, render: (_, r) => r.figures.selfDiscovered },
        {
          hidden: compact,
          title: '超期',
          key: 'overdue',
          width: 60,
          render: (_, r) => (r.figures.overdue ? <Typography.Text type="danger">{r.figures.overdue}</Typography.Text> : 0),
        },
        { hidden: compact, title: '返工', key: 'reworked', width: 60, render: (_, r) => r.figures.reworked },
        { hidden: compact, title: '反弹', key: 'reopened', width: 60, render: (_, r) => r.figures.reopened },
      ]}
    />
  );
}

function ScoreChart({ rows, compact }: { rows: RiskWarning[]; compact: boolean }) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const r = rows[ps[0]?.dataIndex ?? 0];
          if (!r) return '';
          return `${r.regionName}<br/>风险分 ${r.score.toFixed(1)}（${RISK_LEVEL_META[r.level].label}色）<br/>新增 ${r.figures.newCases}，外部发现 ${r.figures.external}，超期 ${r.figures.overdue}<br/>管控力指数 ${r.controlIndex.toFixed(1)}`;
        },
      },
      grid: { left: 8, right: compact ? 24 : 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      yAxis: { type: 'category', data: rows.map((r) => r.regionName), inverse: true, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: rows.map((r) => ({ value: r.score, itemStyle: { color: RISK_LEVEL_META[r.level].color } })),
          label: { show: true, position: 'right', formatter: (p: { value: number }) => p.value.toFixed(1) },
          // the four level bands behind the bars
          markArea: {
            silent: true,
            data: (['green', 'yellow', 'orange', 'red'] as RiskLevel[]).map((l, i) => [
              { xAxis: i * 25, itemStyle: { color: RISK_LEVEL_META[l].color, opacity: 0.08 } },
              { xAxis: (i + 1) * 25 },
            ]),
          },
        },
      ],
    }),
    [rows, compact],
  );
  return <EChart option={option} style={{ height: Math.max(200, rows.length * (compact ? 36 : 40) + 40) }} testId="risk-chart" />;
}
