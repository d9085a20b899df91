import { useEffect, useState } from 'react';
import { ApiError, errorText } from '../../../api';
import { statsApi } from '../../../api/stats';
import { fetchAllCases } from '../../cases/api/exportCases';
import type { Case } from '../../cases/types';
import { normaliseOverview, overviewFromCases, type Overview, type OverviewPoint } from '../types';

export interface DashboardQuery {
  regionCode?: string;
  from?: string;
  to?: string;
}

const MAP_SAMPLE = 500;

/** Overview figures (GET /stats/overview, or estimated from a sample of cases if it is missing) and map points. */
export function useDashboardData(q: DashboardQuery, names: Map<string, string>) {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [points, setPoints] = useState<OverviewPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(q);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    (async () => {
      let ov: Overview | null = null;
      try {
        ov = normaliseOverview(await statsApi.overview(q), names);
      } catch (e) {
        if (!(e instanceof ApiError && (e.isNotFound || e.statusCode === 501))) {
          if (alive) setError(errorText(e));
        }
      }
      let pts: OverviewPoint[] = ov?.points ?? [];
      if (!ov?.points) {
        // No points in the overview (or no overview at all): sample the latest cases instead.
        const cs = await fetchAllCases({ regionCode: q.regionCode, sort: '-createdAt' }, undefined, MAP_SAMPLE).catch(() => [] as Case[]);
        const inRange = cs.filter((c) => (!q.from || c.createdAt >= q.from) && (!q.to || c.createdAt <= q.to));
        pts = inRange
          .filter((c) => typeof c.lat === 'number' && typeof c.lng === 'number')
          .map((c) => ({ id: c.id, lat: c.lat!, lng: c.lng!, state: c.state, category: c.category, overdue: c.overdue, code: c.code, title: c.title }));
        if (!ov && inRange.length) ov = overviewFromCases(inRange, names);
      }
      if (!alive) return;
      setPoints(pts);
      setOverview(ov);
      setLoading(false);
    })();
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, names]);

  return { overview, points, error, loading };
}
