import { Alert, Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import { alertsApi } from '../../../api/alerts';
import { errorText } from '../../../api';
import { dayjs } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The 1530 fast track's monthly figure (GET /stats/fast-track): detected, put out within 30 minutes, rate, by county. */
export function FastTrackCard({ month, onMonth, quietOnError = false }: { month: string; onMonth?: (month: string) => void; quietOnError?: boolean }) {
  const fast = useAsync(['stats', 'fast-track', month], () => alertsApi.fastTrack(month));
  if (quietOnError && fast.error) return null;
  return (
    <Card
      size="small"
      title="1530 快速处置（秸秆焚烧火点 30 分钟内处置）"
      extra={onMonth && <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} format="YYYY年M月" onChange={(d) => d && onMonth(d.format('YYYY-MM'))} />}
      data-testid="fast-track"
    >
      {fast.error && <Alert type="error" showIcon title={`加载失败：${errorText(fast.error)}`} />}
      <Row gutter={12}>
        <Col span={8}>
          <Statistic title="发现火点案件" value={fast.data?.detected ?? 0} />
        </Col>
        <Col span={8}>
          <Statistic title="30 分钟内处置" value={fast.data?.closedWithin30Min ?? 0} />
        </Col>
        <Col span={8}>
          <Statistic title="处置率" value={percent(fast.data?.rate ?? null)} />
        </Col>
      </Row>
      {!!fast.data?.byCounty.length && (
        <Table
          size="small"
          rowKey="regionCode"
          pagination={false}
          style={{ marginTop: 8 }}
          dataSource={fast.data.byCounty}
          columns={[
            { title: '县（市、区）', dataIndex: 'regionName' },
            { title: '发现', dataIndex: 'detected' },
            { title: '30 分钟内处置', dataIndex: 'closedWithin30Min' },
            { title: '处置率', dataIndex: 'rate', render: percent },
          ]}
        />
      )}
    </Card>
  );
}
