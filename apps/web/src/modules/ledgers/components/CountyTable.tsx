import { Empty, Progress, Table, Tag, Typography } from 'antd';
import type { CountyProgress } from '../../../api/ledgers';
import { percent } from '../types';

/** A ledger's progress per county: cases, dispatched, rectifying, overdue, signed off and 交账. */
export function CountyTable({ rows }: { rows: CountyProgress[] }) {
  return (
    <Table<CountyProgress>
      size="small"
      rowKey="regionCode"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 560 }}
      data-testid="ledger-county-progress"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无问题" /> }}
      columns={[
        { title: '县（市、区）', dataIndex: 'regionName', width: 100 },
        { title: '案件', dataIndex: 'cases', width: 56 },
        { title: '已交办', dataIndex: 'dispatched', width: 64 },
        { title: '整改中', dataIndex: 'rectifying', width: 64 },
        {
          title: '超期',
          dataIndex: 'overdue',
          width: 56,
          render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
        },
        { title: '已销号', dataIndex: 'signedOff', width: 64 },
        {
          title: '进度',
          key: 'p',
          width: 130,
          render: (_, c) => <Progress size="small" percent={percent(c.signedOff, c.cases)} />,
        },
        {
          title: '交账',
          dataIndex: 'reportedBackAt',
          width: 70,
          render: (d?: string | null) => (d ? <Tag color="green">已交账</Tag> : <Tag>未交账</Tag>),
        },
      ]}
    />
  );
}
