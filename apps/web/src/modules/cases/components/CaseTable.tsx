import { isOpenState } from '@ecoloop/workflow';
import { Card, Empty, Pagination, Select, Skeleton, Spin, Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { Link, useLocation } from 'react-router-dom';
import { categoryLabel, severityLabel, sourceLabel } from '../../../i18n/labels';
import { formatDateTime } from '../../../lib/time';
import type { Case } from '../types';
import { CaseFlags, DueText, StateTag } from './CaseTags';


/** 共 1000+ 件 when the count stopped early. */
const totalText = (total: number, exact: boolean) => `共 ${total}${exact ? '' : '+'} 件`;

interface Props {
  items: Case[];
  total: number;
  /** false when `total` is only a lower bound (the API stops counting early): shown as "1000+". */
  totalExact?: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: string;
  dueFirst?: boolean;
  empty?: React.ReactNode;
  onPage(page: number, pageSize: number): void;
  onSort(sort: string): void;
  /** Row selection for batch actions (desktop table). */
  selection?: { keys: string[]; onChange(keys: string[], rows: Case[]): void };
  /** Optional columns the user switched off (列设置). */
  hiddenColumns?: string[];
}

/** Columns a user may switch off; 编号, 标题, 状态 and 时限 always stay. */
export const OPTIONAL_COLUMNS: { key: string; label: string }[] = [
  { key: 'category', label: '类别' },
  { key: 'source', label: '来源' },
  { key: 'severity', label: '程度' },
  { key: 'regionName', label: '区域' },
  { key: 'leadUnitName', label: '牵头单位' },
  { key: 'createdAt', label: '上报时间' },
];

/** Sorts offered on a phone, where the table's header sorters are not. */
export const PHONE_SORTS: { value: string; label: string }[] = [
  { value: '-createdAt', label: '最新上报' },
  { value: 'createdAt', label: '最早上报' },
  { value: 'dueAt', label: '时限最近' },
  { value: '-updatedAt', label: '最近更新' },
  { value: '-severity', label: '重大优先' },
];

function sortOrder(sort: string, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Where a case was opened from, so its page can lead back there (breadcrumb, highlighted menu item). */
function useFrom(): { from: string } {
  const location = useLocation();
  return { from: location.pathname + location.search };
}

export function CaseTable({ items, total, totalExact = true, loading, page, pageSize, sort, dueFirst, empty, onPage, onSort, selection, hiddenColumns = [] }: Props) {
  const from = useFrom();
  const due = {
    title: '当前环节时限',
    dataIndex: 'dueAt',
    key: 'dueAt',
    width: 190,
    sorter: true,
    sortOrder: sortOrder(sort, 'dueAt'),
    render: (_: unknown, c: Case) => <DueText c={c} done={!isOpenState(c.state)} />,
  };
  const allColumns: ColumnsType<Case> = [
    {
      title: '案件编号',
      dataIndex: 'code',
      key: 'code',
      width: 160,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder(sort, 'code'),
      render: (code: string, c) => (
        <Link to={`/cases/${c.id}`} state={from} data-testid={`case-link-${c.code}`} data-case-id={c.id}>
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
          <Link to={`/cases/${c.id}`} state={from} title={t}>
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
    {
      title: '牵头单位',
      dataIndex: 'leadUnitName',
      key: 'leadUnitName',
      width: 130,
      ellipsis: { showTitle: true },
      render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text>,
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
  const columns = allColumns.map((c) => (hiddenColumns.includes(String(c.key)) ? { ...c, hidden: true } : c));

  return (
    <Table<Case>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.keys,
              onChange: (keys, rows) => selection.onChange(keys as string[], rows),
              columnWidth: 40,
              fixed: 'left',
              getCheckboxProps: (c) => ({ 'aria-label': `选择 ${c.code}`, 'data-testid': `case-select-${c.code}` }) as never,
            }
          : undefined
      }
      loading={loading && items.length > 0}
      scroll={{ x: 1210 }}
      locale={{ emptyText: loading ? <Skeleton active title={false} paragraph={{ rows: 6 }} data-testid="case-list-skeleton" /> : (empty ?? <Empty description="暂无案件" />) }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (t) => totalText(t, totalExact),
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
export function CaseCards({ items, total, totalExact = true, loading, page, pageSize, sort, empty, onPage, onSort }: Props) {
  const from = useFrom();
  return (
    <div data-testid="case-cards">
      <div className="case-cards-sort">
        <Typography.Text type="secondary">{totalText(total, totalExact)}</Typography.Text>
        <Select
          size="small"
          value={PHONE_SORTS.some((o) => o.value === sort) ? sort : undefined}
          placeholder="排序"
          options={PHONE_SORTS}
          onChange={onSort}
          style={{ width: 112 }}
          data-testid="phone-sort"
          aria-label="排序"
        />
      </div>
      <Spin spinning={loading && items.length > 0}>
        {items.length === 0 && loading ? (
          <Skeleton active paragraph={{ rows: 5 }} data-testid="case-list-skeleton" />
        ) : items.length === 0
          ? (empty ?? <Empty description="暂无案件" />)
          : items.map((c) => (
              <Link key={c.id} to={`/cases/${c.id}`} state={from} className="case-card-link" data-testid={`case-link-${c.code}`} data-case-id={c.id}>
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
                    {(c.dueAt || c.overdue) && isOpenState(c.state) && <DueText c={c} inline />}
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
