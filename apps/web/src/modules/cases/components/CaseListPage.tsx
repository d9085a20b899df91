import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Can } from '@casl/react';
import { App, Badge, Button, Card, Empty, Grid, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { casesApi } from '../../../api/cases';
import { errorText } from '../../../api';
import { useAsync } from '../../../lib/useAsync';
import { LoadError } from '../../../components/LoadError';
import { usePageTitle } from '../../../components/usePageTitle';
import { worklistLabel } from '../../layout/components/nav';
import { useUser } from '../../auth/hooks/useSession';
import { exportCasesXlsx } from '../api/exportCases';
import { useCaseQuery } from '../hooks/useCaseQuery';
import { presetsFor, type WorklistPreset } from '../types/presets';
import { isCaseSort, type CaseFilters, type CaseListQuery } from '../types';
import { CaseFilterBar } from './CaseFilterBar';
import { BatchBar, BatchModal, type BatchAction } from './BatchActions';
import { CaseCards, CaseTable } from './CaseTable';
import { ColumnSettings, SavedFilters, useHiddenColumns } from './ListSettings';
import type { Case } from '../types';

interface Props {
  /** worklist: 我的待办 (a grid inspector's 我的上报) with one tab per role task; search: every case in the jurisdiction. */
  mode: 'worklist' | 'search';
}

export function CaseListPage({ mode }: Props) {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const presets = useMemo(() => (mode === 'worklist' ? presetsFor(user.roles) : []), [mode, user.roles]);
  const { query, filters, update, setFilters } = useCaseQuery();
  const preset: WorklistPreset | undefined = presets.find((p) => p.key === query.tab) ?? presets[0];
  const lockedKeys = preset ? (Object.keys(preset.filters) as (keyof CaseFilters)[]) : [];

  const effective: CaseListQuery = {
    ...query,
    ...(preset?.filters ?? {}),
    sort: query.sort ?? preset?.sort ?? '-createdAt',
  };
  delete (effective as { tab?: string }).tab;
  const key = JSON.stringify(effective);

  const list = useAsync(['cases', key], () => casesApi.list(effective));
  const counts = usePresetCounts(presets, filters);
  const [exporting, setExporting] = useState<string | null>(null);
  const [selected, setSelected] = useState<Case[]>([]);
  const [batch, setBatch] = useState<BatchAction | null>(null);
  const [hiddenColumns, setHiddenColumns] = useHiddenColumns(user.id);
  // A new page or filter clears the selection (batch work is on what is on screen).
  useEffect(() => setSelected([]), [key]);
  const canBatch = !isPhone && (user.roles.some((r) => r === 'dispatcher' || r === 'supervisor' || r === 'leader'));

  const title = mode === 'worklist' ? worklistLabel(user.roles) : '案件查询';
  usePageTitle(preset && presets.length > 1 ? `${title} · ${preset.label}` : title);
  const filtered = (Object.keys(filters) as (keyof CaseFilters)[]).some((k) => !lockedKeys.includes(k) && filters[k] !== undefined && filters[k] !== '');

  const doExport = async () => {
    setExporting('准备中…');
    try {
      const n = await exportCasesXlsx(
        { ...effective, page: undefined, pageSize: undefined },
        preset ? `${title}-${preset.label}` : title,
        (done, total) => setExporting(`${done}/${total}`),
      );
      message.success(`已导出 ${n} 件`);
    } catch (e) {
      message.error(`导出失败：${errorText(e)}`);
    } finally {
      setExporting(null);
    }
  };

  const err = list.error;
  const emptyNode = err ? (
    <LoadError error={err} onRetry={() => void list.reload()} />
  ) : (
    <Empty description={filtered ? '没有符合筛选条件的案件' : preset ? `暂无${preset.label}案件` : '暂无案件'}>
      {filtered && (
        <Button onClick={() => setFilters({})} data-testid="clear-filters">
          清除筛选
        </Button>
      )}
    </Empty>
  );

  const tableProps = {
    items: err ? [] : (list.data?.items ?? []),
    total: err ? 0 : (list.data?.total ?? 0),
    totalExact: list.data?.totalExact ?? true,
    loading: list.loading,
    page: effective.page ?? 1,
    pageSize: effective.pageSize ?? 20,
    sort: effective.sort ?? '-createdAt',
    dueFirst: preset?.dueFirst,
    empty: emptyNode,
    onPage: (page: number, pageSize: number) => update({ page, pageSize }, { resetPage: false }),
    onSort: (sort: string) => update({ sort: isCaseSort(sort) ? sort : undefined }),
  };

  return (
    <div className="page" data-testid={mode === 'worklist' ? 'page-worklist' : 'page-cases'}>
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {title}
        </Typography.Title>
        <Space wrap>
          {!isPhone && <SavedFilters userId={user.id} current={Object.fromEntries(Object.entries(filters).filter(([k]) => !lockedKeys.includes(k as keyof CaseFilters))) as CaseFilters} onApply={setFilters} />}
          {!isPhone && <ColumnSettings hidden={hiddenColumns} onChange={setHiddenColumns} />}
          <Can I="create" a="Case">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/report')} data-testid="goto-report">
              上报问题
            </Button>
          </Can>
          <Button
            icon={<DownloadOutlined />}
            onClick={doExport}
            loading={exporting !== null}
            disabled={!!err}
            data-testid="export-xlsx"
          >
            {exporting ? `导出中 ${exporting}` : '导出 Excel'}
          </Button>
        </Space>
      </div>
      {presets.length > 0 && (
        <Tabs
          activeKey={preset?.key}
          onChange={(tab) => update({ tab, sort: undefined })}
          items={presets.map((p) => ({
            key: p.key,
            label: (
              <span data-testid={`tab-${p.key}`}>
                {p.label}
                {counts[p.key] !== undefined && (
                  <Badge
                    count={counts[p.key]}
                    overflowCount={999}
                    showZero
                    size="small"
                    color={p.key === 'overdue' ? 'red' : '#1f7a4d'}
                    style={{ marginInlineStart: 6 }}
                  />
                )}
              </span>
            ),
          }))}
        />
      )}
      <Card size="small" className="filter-card">
        <CaseFilterBar
          value={{ ...filters, ...(preset?.filters ?? {}) }}
          locked={lockedKeys}
          onChange={setFilters}
          collapsible={isPhone}
        />
      </Card>
      <Card size="small" styles={{ body: { padding: isPhone ? 8 : 12 } }}>
        {canBatch && <BatchBar selected={selected} onRun={setBatch} onClear={() => setSelected([])} />}
        {isPhone ? (
          <CaseCards {...tableProps} />
        ) : (
          <CaseTable
            {...tableProps}
            hiddenColumns={hiddenColumns}
            selection={canBatch ? { keys: selected.map((c) => c.id), onChange: (_keys, rows) => setSelected(rows) } : undefined}
          />
        )}
      </Card>
      <BatchModal
        action={batch}
        cases={selected}
        onClose={(changed) => {
          setBatch(null);
          if (changed) {
            setSelected([]);
            void list.reload();
          }
        }}
      />
    </div>
  );
}

/** Totals per worklist tab (one pageSize=1 query each), with the user's extra filters applied. */
function usePresetCounts(presets: WorklistPreset[], filters: CaseFilters): Record<string, number | undefined> {
  const [counts, setCounts] = useState<Record<string, number | undefined>>({});
  const key = JSON.stringify([presets.map((p) => p.key), filters]);
  useEffect(() => {
    let alive = true;
    Promise.all(
      presets.map((p) =>
        casesApi
          .list({ ...filters, ...p.filters, page: 1, pageSize: 1 })
          .then((r) => [p.key, r.total] as const)
          .catch(() => [p.key, undefined] as const),
      ),
    ).then((pairs) => alive && setCounts(Object.fromEntries(pairs)));
    return () => {
      alive = false;
    };
    // `key` stands for the filters and presets counted.
  }, [key]);
  return counts;
}
