import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../../api';
import { statsApi } from '../../../api/stats';

export interface DashboardQuery {
  regionCode?: string;
  from?: string;
  to?: string;
}

/** Overview figures and map points (GET /stats/overview). */
export function useDashboardData(q: DashboardQuery) {
  const res = useQuery({ queryKey: ['stats', 'overview', q], queryFn: () => statsApi.overview(q) });
  return {
    overview: res.data ?? null,
    points: res.data?.points ?? [],
    error: res.error ? errorText(res.error) : null,
    loading: res.isFetching,
  };
}
