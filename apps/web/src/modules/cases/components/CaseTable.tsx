import { Card, Empty, Pagination, Spin, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { categoryLabel, severityLabel, sourceLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../lib/time';
import type { Case } from '../types';
import { CaseFlags, DueText, StateTag } from './CaseTags';

const DONE = new Set(['closed', 'rejected', 'merged']);

interface Props {
  items: Case[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: string;
  dueFirst?: boolean;
  empty?: React.ReactNode;
  onPage(page: number, pageSize: number): void;
  onSort(sort: string): void;
}

function sortOrder(sort: string, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function CaseTable({ items, total, loading, page, pageSize, sort, dueFirst, empty, onPage, onSort }: Props) {
  const due = {
    title: '办理时限',
    dataIndex: 'dueAt',
    key: 'dueAt',
    width: 150,
    sorter: true,
    sortOrder: sortOrder(sort, 'dueAt'),
    render: (_: unknown, c: Case) => <DueText dueAt={c.dueAt} overdue={c.overdue} done={DONE.has(c.state)} />,
  };
  const columns: ColumnsType<Case> = [
    {
      title: '案件编号',
      dataIndex: 'code',
      key: 'code',
      width: 160,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder(sort, 'code'),
      render: (code: string, c) => (
        <Link to={`/cases/${c.id}`} data-testid={`case-link-${c.code}`} data-case-id={c.id}>
          {code}
        </Link>
      ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (t: string, c) => (
        <div className="case-title-cell">
          <Link to={`/cases/${c.id}`} title={t}>
            {t}
          </Link>
          <CaseFlags c={c} />
        </div>
      ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      width: 96,
      render: (s: string) => <StateTag state={s} />,
    },
    ...(dueFirst ? [due] : []),
    { title: '类别', dataIndex: 'category', key: 'category', width: 140, render: categoryLabel },
    {
      title: '来源',
      dataIndex: 'source',
      key: 'source',
      width: 150,
      ellipsis: true,
      render: sourceLabel,
      responsive: ['xxl'],
    },
    { title: '程度', dataIndex: 'severity', key: 'severity', width: 70, render: severityLabel, responsive: ['xxl'] },
    {
      title: '区域',
      dataIndex: 'regionName',
      key: 'regionName',
      width: 120,
      ellipsis: true,
      render: (n: string | null, c) => n ?? c.regionCode,
    },
    ...(dueFirst ? [] : [due]),
    {
      title: '上报时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder(sort, 'createdAt'),
      render: formatDateTime,
    },
  ];

  return (
    <Table<Case>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1080 }}
      locale={{ emptyText: empty ?? <Empty description="暂无案件" /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (t) => `共 ${t} 件`,
      }}
      onChange={(p: TablePaginationConfig, _f, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Case>;
        const field = typeof s?.field === 'string' ? s.field : undefined;
        const nextSort = field && s.order ? `${s.order === 'descend' ? '-' : ''}${field}` : '-createdAt';
        if (nextSort !== sort) onSort(nextSort);
        else onPage(p.current ?? 1, p.pageSize ?? pageSize);
      }}
      data-testid="case-table"
    />
  );
}

/** The same list as cards, for phones. */
export function CaseCards({ items, total, loading, page, pageSize, empty, onPage }: Props) {
  return (
    <div data-testid="case-cards">
      <Spin spinning={loading}>
        {items.length === 0 && !loading
          ? (empty ?? <Empty description="暂无案件" />)
          : items.map((c) => (
              <Link key={c.id} to={`/cases/${c.id}`} className="case-card-link" data-testid={`case-link-${c.code}`} data-case-id={c.id}>
                <Card size="small" className="case-card">
                  <div className="case-card-head">
                    <Typography.Text strong ellipsis style={{ flex: 1 }}>
                      {c.title}
                    </Typography.Text>
                    <StateTag state={c.state} />
                  </div>
                  <div className="case-card-meta">
                    <span>{c.code}</span>
                    <span>{categoryLabel(c.category)}</span>
                    <span>{c.regionName ?? c.regionCode}</span>
                  </div>
                  <div className="case-card-meta">
                    <span>上报 {formatDateTime(c.createdAt)}</span>
                    {c.dueAt && !DONE.has(c.state) && <DueText dueAt={c.dueAt} overdue={c.overdue} />}
                  </div>
                  <CaseFlags c={c} />
                </Card>
              </Link>
            ))}
      </Spin>
      {total > pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          style={{ textAlign: 'center', marginTop: 12 }}
        />
      )}
    </div>
  );
}
