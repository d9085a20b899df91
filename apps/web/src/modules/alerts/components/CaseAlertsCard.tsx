import { Card, List, Tag, Typography } from 'antd';
import { alertsApi } from '../../../api/alerts';
import { formatDateTime } from '../../../lib/time';
import { useAsync } from '../../../lib/useAsync';

/** Case sources fed by devices (DESIGN §10): their cases show the alerts that opened or joined them. */
export const MACHINE_CASE_SOURCES = ['monitoring_alert', 'mobile_monitoring', 'infrared', 'drone', 'satellite'];

/** 设备告警 on a case: how many alerts it has, the last value, each one in time order (newest first). */
export function CaseAlertsCard({ caseId }: { caseId: string }) {
  const alerts = useAsync(['alerts', { caseId, pageSize: 50 }], () => alertsApi.list({ caseId, pageSize: 50 }));
  const items = alerts.data?.items ?? [];
  if (!alerts.loading && items.length === 0) return null;
  const last = items[0];
  return (
    <Card size="small" title={`设备告警（${alerts.data?.total ?? 0}）`} data-testid="case-alerts" loading={alerts.loading}>
      {last?.value != null && (
        <Typography.Paragraph>
          最近一次：{last.pollutant} {last.value}
          {last.unit}
          {last.limit != null && `（限值 ${last.limit}）`}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <span>{formatDateTime(a.observedAt)}</span>
            <span>
              {a.value != null ? `${a.value}${a.unit ?? ''}` : a.pointId ?? ''}
              {a.folded && <Tag style={{ marginLeft: 8 }}>并案</Tag>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
