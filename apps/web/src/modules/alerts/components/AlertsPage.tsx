import { Alert, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { alertsApi, type AlertGrade, type AlertSource, type MachineAlert } from '../../../api/alerts';
import { errorText } from '../../../api';
import { categoryLabel } from '../../../i18n/labels';
import { formatDateTime, inShanghai } from '../../../lib/time';
import { FastTrackCard } from './FastTrackCard';
import { useAsync } from '../../../lib/useAsync';

const SOURCE_LABELS: Record<AlertSource, string> = {
  online_monitoring: '在线监测',
  mobile_survey: '走航监测',
  camera: '高位瞭望',
  drone: '无人机',
  satellite: '卫星火点',
};
const GRADE_META: Record<AlertGrade, { label: string; color: string }> = {
  short: { label: '短时超标', color: 'gold' },
  sustained: { label: '持续超标', color: 'orange' },
  repeated: { label: '反复超标', color: 'red' },
};
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A filter value from the address bar, if it is one of the known keys. */
const oneOf = <T extends string>(known: Record<T, unknown>, value: string | null): T | undefined => (value && value in known ? (value as T) : undefined);

/** 设备告警: the alerts list with filters, and the 1530 fast track's monthly figure. */
export function AlertsPage() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const thisMonth = inShanghai(Date.now()).format('YYYY-MM');
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const q = {
    source: oneOf(SOURCE_LABELS, params.get('source')),
    grade: oneOf(GRADE_META, params.get('grade')),
    pointId: params.get('pointId') ?? undefined,
    enterpriseCreditCode: params.get('enterprise') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: 20,
  };
  const list = useAsync(['alerts', q], () => alertsApi.list(q));

  return (
    <div className="page" data-testid="page-alerts">
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          设备告警
        </Typography.Title>
      </div>

      <div style={{ marginBottom: 12 }}>
        <FastTrackCard month={month} onMonth={(m) => set('month', m)} />
      </div>

      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="来源" style={{ width: 140 }} value={q.source} onChange={(v) => set('source', v)} options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select allowClear placeholder="等级" style={{ width: 140 }} value={q.grade} onChange={(v) => set('grade', v)} options={Object.entries(GRADE_META).map(([value, m]) => ({ value, label: m.label }))} />
        <Input.Search allowClear placeholder="点位编号" defaultValue={q.pointId} onSearch={(v) => set('pointId', v.trim() || undefined)} style={{ width: 200 }} />
        <Input.Search allowClear placeholder="企业信用代码" defaultValue={q.enterpriseCreditCode} onSearch={(v) => set('enterprise', v.trim() || undefined)} style={{ width: 220 }} />
      </Space>
      {list.error && <Alert type="error" showIcon title={`加载失败：${errorText(list.error)}`} style={{ marginBottom: 12 }} />}
      <Table<MachineAlert>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, showSizeChanger: false, onChange: (p) => set('page', String(p)) }}
        columns={[
          { title: '观测时间', dataIndex: 'observedAt', render: (v: string) => formatDateTime(v) },
          { title: '来源', dataIndex: 'source', render: (v: AlertSource) => SOURCE_LABELS[v] ?? v },
          { title: '问题类型', dataIndex: 'category', render: (v: string) => categoryLabel(v) },
          { title: '点位 / 企业', render: (_: unknown, a) => a.pointId ?? a.enterpriseCreditCode ?? `${a.lat.toFixed(4)}, ${a.lng.toFixed(4)}` },
          { title: '监测值', render: (_: unknown, a) => (a.value === null ? '—' : `${a.pollutant ?? ''} ${a.value}${a.unit ?? ''}${a.limit !== null ? `（限值 ${a.limit}）` : ''}${a.durationMinutes !== null ? `，${a.durationMinutes} 分钟` : ''}`) },
          { title: '等级', dataIndex: 'grade', render: (g: AlertGrade) => <Tag color={GRADE_META[g].color}>{GRADE_META[g].label}</Tag> },
          {
            title: '案件',
            render: (_: unknown, a) => (a.caseId ? <Link to={`/cases/${a.caseId}`}>{a.caseCode}{a.folded ? '（并案）' : ''}</Link> : <Typography.Text type="secondary">未立案</Typography.Text>),
          },
        ]}
      />
    </div>
  );
}
