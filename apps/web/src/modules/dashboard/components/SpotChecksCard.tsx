import { Card, Empty, Table } from 'antd';
import type { Overview } from '../types';

/** County spot checks (抽查) of town closures, per town (DESIGN §11): checked, passed, reopened. */
export function SpotChecksCard({ o }: { o: Overview | null }) {
  const rows = o?.spotChecks ?? [];
  return (
    <Card size="small" title="县级抽查镇街销号情况" data-testid="dashboard-spot-checks">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无抽查记录" />
      ) : (
        <Table
          size="small"
          rowKey="regionCode"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '镇（街道）', dataIndex: 'regionName' },
            { title: '抽查', dataIndex: 'checked', align: 'right' },
            { title: '通过', dataIndex: 'passed', align: 'right' },
            { title: '反弹重办', dataIndex: 'failed', align: 'right' },
            { title: '通过率', key: 'rate', align: 'right', render: (_, r) => `${Math.round((r.passed / r.checked) * 100)}%` },
          ]}
        />
      )}
    </Card>
  );
}
