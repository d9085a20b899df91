import { Card, Empty, Table } from 'antd';
import { useMemo } from 'react';
import { petitionsApi } from '../../../api/petitions';
import { useAsync } from '../../../lib/useAsync';
import type { PetitionStatsRow } from '../types';

/** One row of GET /petitions/stats (per county and month). */
type StatsRow = PetitionStatsRow;

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`);

/** 信访 figures on the dashboard (DESIGN §9): per county over the months chosen, from GET /petitions/stats. */
export function PetitionStatsCard({ regionCode, from, to }: { regionCode?: string; from?: string; to?: string }) {
  const { data, error } = useAsync(['petitions', 'stats', regionCode, from, to], () => petitionsApi.stats({ regionCode, from, to }));
  const byCounty = useMemo(() => {
    const sums = new Map<string, StatsRow>();
    for (const r of data ?? []) {
      const s = sums.get(r.regionCode) ?? { ...r, received: 0, acceptanceDue: 0, acceptanceOnTime: 0, replyDue: 0, replyOnTime: 0, followedUp: 0, satisfied: 0, repeat: 0 };
      for (const k of ['received', 'acceptanceDue', 'acceptanceOnTime', 'replyDue', 'replyOnTime', 'followedUp', 'satisfied', 'repeat'] as const) s[k] += r[k];
      sums.set(r.regionCode, s);
    }
    return [...sums.values()];
  }, [data]);

  return (
    <Card size="small" title="信访办理（按收件月份）" data-testid="petition-stats">
      {error || byCounty.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无信访数据" />
      ) : (
        <Table<StatsRow>
          size="small"
          rowKey="regionCode"
          pagination={false}
          scroll={{ x: true }}
          dataSource={byCounty}
          columns={[
            { title: '县（市、区）', dataIndex: 'regionName' },
            { title: '收件', dataIndex: 'received' },
            { title: '按期受理率', render: (_, r) => pct(r.acceptanceOnTime, r.acceptanceDue) },
            { title: '按期答复率', render: (_, r) => pct(r.replyOnTime, r.replyDue) },
            { title: '满意率', render: (_, r) => pct(r.satisfied, r.followedUp) },
            { title: '重复信访率', render: (_, r) => pct(r.repeat, r.received) },
          ]}
        />
      )}
    </Card>
  );
}
