import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Grid, Popover, Progress, Row, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { riskWarningsApi, type RiskLevel, type RiskWarning } from '../../../api/riskWarnings';
import { errorText } from '../../../api';
import { RISK_LEVEL_META } from '../../../i18n/labels';
import { dayjs, inShanghai } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';
import { useUser } from '../../auth/hooks/useSession';
import { EChart, type EChartOption } from '../../geo/components/EChart';
import { PageHeading } from '../../../components/PageHeading';

const LEVELS: RiskLevel[] = ['red', 'orange', 'yellow', 'green', 'no_data'];
const ORDER: Record<RiskLevel, number> = { red: 0, orange: 1, yellow: 2, green: 3, no_data: 4 };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const meta = RISK_LEVEL_META[level];
  return (
    <Tag color={meta.tag} className="risk-tag" data-testid="risk-level" data-level={level}>
      {level === 'no_data' ? '无数据' : `${meta.label}色预警`}
    </Tag>
  );
}

/** 风险预警: per county, monthly, from the problems found outside, overdue and reworked. */
export function RiskWarningsPage() {
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const thisMonth = inShanghai(Date.now()).format('YYYY-MM');
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const list = useAsync(['risk-warnings', month], () => riskWarningsApi.list(month));
  const rows = useMemo(() => [...(list.data ?? [])].sort((a, b) => ORDER[a.level] - ORDER[b.level] || (b.score ?? 0) - (a.score ?? 0) || a.regionCode.localeCompare(b.regionCode)), [list.data]);
  const formula = useAsync(['risk-warnings-formula'], () => riskWarningsApi.formula());
  const user = useUser();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const issued = rows.length > 0 && rows.every((r) => r.issuedAt);
  const issue = async () => {
    setIssuing(true);
    try {
      const res = await riskWarningsApi.issue(month);
      message.success(`已发布 ${res.issued} 个地区的预警通报`);
      await list.reload();
    } catch (err) {
      message.error(`发布失败：${errorText(err)}`);
    } finally {
      setIssuing(false);
    }
  };
  const counts = useMemo(() => Object.fromEntries(LEVELS.map((l) => [l, rows.filter((r) => r.level === l).length])) as Record<RiskLevel, number>, [rows]);

  return (
    <div className="page" data-testid="page-risk">
      <div className="page-head">
        <PageHeading title="风险预警" subtitle="按月对各县（市、区）和功能区问题发现与整改情况进行风险评估；每月第一个工作日发布上月预警通报，发布后不再变动" />
        {user.roles.includes('admin') && month < thisMonth && !issued && rows.length > 0 && (
          <Button type="primary" loading={issuing} onClick={() => void issue()} data-testid="risk-issue">
            发布预警通报
          </Button>
        )}
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

      {rows.length > 0 && (
        <Alert
          type={issued ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="risk-issued"
          title={issued ? `本月预警已于 ${inShanghai(rows[0].issuedAt!).format('YYYY-MM-DD HH:mm')} 发布，数据已冻结` : '本月预警尚未发布，以下为按当前数据计算的预览'}
        />
      )}
      {list.error && <Alert type="error" showIcon title={`加载失败：${errorText(list.error)}`} style={{ marginBottom: 12 }} />}

      <Row gutter={isPhone ? [8, 8] : [12, 12]} style={{ marginBottom: isPhone ? 8 : 12 }}>
        {LEVELS.map((l) => (
          <Col key={l} flex="1 1 0">
            <Card size="small" className={`risk-count risk-count-${l}`} data-testid={`risk-count-${l}`} styles={{ body: { padding: isPhone ? '8px 4px' : 12 } }}>
              <div className="risk-count-value" style={{ color: RISK_LEVEL_META[l].ink }}>
                {list.loading && !list.data ? '–' : counts[l]}
              </div>
              <div className="risk-count-label">
                <span className="risk-dot" style={{ background: RISK_LEVEL_META[l].color }} />
                {l === 'no_data' ? '无数据' : `${RISK_LEVEL_META[l].label}色`}{isPhone ? '' : '（个）'}
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
              <div style={{ maxWidth: 360 }} data-testid="risk-formula">
                {formula.data?.formula ?? '加载中…'}
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
      <RiskHistory month={month} onMonth={(m) => setParams({ month: m }, { replace: true })} />
    </div>
  );
}

/** The twelve issued months before this one, county by county (the frozen 预警通报 history). */
function RiskHistory({ month, onMonth }: { month: string; onMonth: (month: string) => void }) {
  const months = useMemo(() => {
    const last = inShanghai(Date.now()).startOf('month');
    return Array.from({ length: 12 }, (_, i) => last.subtract(12 - i, 'month').format('YYYY-MM'));
  }, []);
  const history = useAsync(['risk-warnings', 'history', months[11]], () => Promise.all(months.map((m) => riskWarningsApi.list(m))));
  const regions = useMemo(() => {
    const byCode = new Map<string, { regionCode: string; regionName: string; levels: Record<string, RiskWarning> }>();
    history.data?.forEach((list, i) => {
      for (const w of list) {
        const r = byCode.get(w.regionCode) ?? { regionCode: w.regionCode, regionName: w.regionName, levels: {} };
        r.levels[months[i]] = w;
        byCode.set(w.regionCode, r);
      }
    });
    return [...byCode.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  }, [history.data, months]);
  return (
    <Card size="small" title="近十二个月预警历史" style={{ marginTop: 16 }} data-testid="risk-history">
      <Table
        rowKey="regionCode"
        size="small"
        loading={history.loading}
        dataSource={regions}
        pagination={false}
        scroll={{ x: 980 }}
        columns={[
          { title: '县（市、区）', dataIndex: 'regionName', width: 150, fixed: 'left' },
          ...months.map((m) => ({
            title: (
              <Typography.Link onClick={() => onMonth(m)} strong={m === month}>
                {dayjs(`${m}-01`).format('YY年M月')}
              </Typography.Link>
            ),
            key: m,
            width: 68,
            align: 'center' as const,
            render: (_: unknown, r: (typeof regions)[number]) => {
              const w = r.levels[m];
              if (!w) return '—';
              const meta = RISK_LEVEL_META[w.level];
              return (
                <span
                  className="risk-history-cell"
                  data-testid={`risk-history-${r.regionCode}-${m}`}
                  data-level={w.level}
                  title={w.issuedAt ? '已发布' : '预览'}
                  style={{ background: meta.color, color: w.level === 'yellow' || w.level === 'no_data' ? '#262626' : '#fff', padding: '2px 6px', borderRadius: 4, fontSize: 12, whiteSpace: 'nowrap' }}
                >
                  {w.level === 'no_data' ? '无' : meta.label}
                </span>
              );
            },
          })),
        ]}
      />
    </Card>
  );
}

function Figures({ r }: { r: RiskWarning }) {
  const f = r.figures;
  return (
    <div className="risk-figures">
      新增 {f.newCases} · 外部发现 {f.external} · 自主发现 {f.selfDiscovered} · 超期 {f.overdue} · 返工 {f.reworked} · 反弹 {f.reopened} · 响应不及时 {f.respondedLate}
      {r.consequences.map((c) => (
        <div key={c.kind}>{c.note}</div>
      ))}
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
          filters: LEVELS.map((l) => ({ text: l === 'no_data' ? '无数据' : `${RISK_LEVEL_META[l].label}色`, value: l })),
          onFilter: (v, r) => r.level === v,
          render: (l: RiskLevel) => <RiskLevelTag level={l} />,
        },
        {
          title: '风险分',
          dataIndex: 'score',
          width: compact ? 76 : 80,
          defaultSortOrder: 'descend',
          sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
          render: (s: number | null, r) => <strong style={{ color: RISK_LEVEL_META[r.level].ink }}>{s === null ? '—' : s.toFixed(1)}</strong>,
        },
        {
          title: compact ? '管控力' : '管控力指数',
          dataIndex: 'controlIndex',
          width: compact ? 96 : 140,
          sorter: (a, b) => (a.controlIndex ?? -1) - (b.controlIndex ?? -1),
          render: (v: number | null) => (v === null ? <Typography.Text type="secondary">无数据</Typography.Text> : <Progress size="small" percent={v} format={(p) => (p ?? 0).toFixed(1)} strokeColor="#1f7a4d" />),
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
          if (r.level === 'no_data') return `${r.regionName}<br/>本月无新增问题（无数据）`;
          return `${r.regionName}<br/>风险分 ${(r.score ?? 0).toFixed(1)}（${RISK_LEVEL_META[r.level].label}色）<br/>新增 ${r.figures.newCases}，外部发现 ${r.figures.external}，超期 ${r.figures.overdue}<br/>管控力指数 ${(r.controlIndex ?? 0).toFixed(1)}`;
        },
      },
      grid: { left: 8, right: compact ? 24 : 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      yAxis: { type: 'category', data: rows.map((r) => r.regionName), inverse: true, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: rows.map((r) => ({ value: r.score ?? 0, itemStyle: { color: RISK_LEVEL_META[r.level].color } })),
          label: { show: true, position: 'right', formatter: (p: { value: number; dataIndex: number }) => (rows[p.dataIndex]?.level === 'no_data' ? '无数据' : p.value.toFixed(1)) },
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
