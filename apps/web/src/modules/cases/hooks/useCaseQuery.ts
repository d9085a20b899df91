// The list's filters, sort and page live in the URL, so back/forward and shared links keep them.
import type { CaseSource, CaseState, Severity } from '@ecoloop/workflow';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isCaseSort, type CaseFilters, type CaseListQuery } from '../types';

const FILTER_KEYS = ['state', 'category', 'source', 'severity', 'regionCode', 'q', 'ledgerId', 'leadUnitId', 'createdFrom', 'createdTo'] as const;

export function useCaseQuery(defaults: { pageSize?: number } = {}) {
  const [params, setParams] = useSearchParams();

  const query = useMemo<CaseListQuery & { tab?: string }>(() => {
    const sort = params.get('sort');
    const q: CaseListQuery & { tab?: string } = {
      tab: params.get('tab') ?? undefined,
      page: Number(params.get('page')) || 1,
      pageSize: Number(params.get('pageSize')) || defaults.pageSize || 20,
      sort: isCaseSort(sort) ? sort : undefined,
    };
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) (q as Record<string, unknown>)[k] = v;
    }
    if (params.get('overdue') === 'true') q.overdue = true;
    if (params.get('supervised') === 'true') q.supervised = true;
    if (params.get('actionable') === 'true') q.actionable = true;
    return q;
  }, [params, defaults.pageSize]);

  const update = useCallback(
    (patch: Partial<CaseListQuery & { tab?: string }>, opts: { resetPage?: boolean } = { resetPage: true }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '' || v === false) next.delete(k);
            else next.set(k, String(v));
          }
          if (opts.resetPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setFilters = useCallback(
    (f: CaseFilters) => {
      const patch: Record<string, unknown> = {};
      for (const k of [...FILTER_KEYS, 'overdue', 'supervised', 'actionable'] as const) patch[k] = (f as Record<string, unknown>)[k];
      update(patch as Partial<CaseListQuery>);
    },
    [update],
  );

  const filters: CaseFilters = {
    state: query.state as CaseState | undefined,
    category: query.category,
    source: query.source as CaseSource | undefined,
    severity: query.severity as Severity | undefined,
    regionCode: query.regionCode,
    q: query.q,
    ledgerId: query.ledgerId,
    leadUnitId: query.leadUnitId,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    overdue: query.overdue,
    supervised: query.supervised,
    actionable: query.actionable,
  };

  return { query, filters, update, setFilters };
}
