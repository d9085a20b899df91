import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Can } from '@casl/react';
import { App, Badge, Button, Card, Empty, Grid, Result, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { casesApi } from '../../../api/cases';
import { ApiError, errorText } from '../../../api';
import { useAsync } from '../../../lib/useAsync';
import { useUser } from '../../auth/hooks/useSession';
import { exportCasesXlsx } from '../api/exportCases';
import { useCaseQuery } from '../hooks/useCaseQuery';
import { presetsFor, type WorklistPreset } from '../types/presets';
import type { CaseFilters, CaseListQuery } from '../types';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseCards, CaseTable } from './CaseTable';

interface Props {
  /** worklist: 我的待办 with one tab per role task; search: every case in the jurisdiction. */
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

  const list = useAsync(() => casesApi.list(effective), [key]);
  const counts = usePresetCounts(presets, filters);
  const [exporting, setExporting] = useState<string | null>(null);

  const title = mode === 'worklist' ? '我的待办' : '案件查询';

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
  const emptyNode =
    err instanceof ApiError && err.isNotFound ? (
      <Empty description="案件接口暂未开放" />
    ) : err ? (
      <Result status="warning" title="加载失败" subTitle={errorText(err)} extra={<Button onClick={list.reload}>重试</Button>} />
    ) : (
      <Empty description={preset ? `暂无${preset.label}案件` : '暂无案件'} />
    );

  const tableProps = {
    items: err ? [] : (list.data?.items ?? []),
    total: err ? 0 : (list.data?.total ?? 0),
    loading: list.loading,
    page: effective.page ?? 1,
    pageSize: effective.pageSize ?? 20,
    sort: effective.sort ?? '-createdAt',
    dueFirst: preset?.dueFirst,
    empty: emptyNode,
    onPage: (page: number, pageSize: number) => update({ page, pageSize }, { resetPage: false }),
    onSort: (sort: string) => update({ sort }),
  };

  return (
    <div className="page" data-testid={mode === 'worklist' ? 'page-worklist' : 'page-cases'}>
      <div className="page-head">
        <Typography.Title level={4} className="page-title">
          {title}
        </Typography.Title>
        <Space wrap>
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
        {isPhone ? <CaseCards {...tableProps} /> : <CaseTable {...tableProps} />}
      </Card>
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return counts;
}
