import { useEffect, useState } from 'react';
import { unitsApi, type Unit } from '../../../api/regions';

const cache = new Map<string, Promise<Unit[]>>();

/** After an admin changes units: lists are fetched again. */
export function resetUnitsCache(): void {
  cache.clear();
}

/** Units of a region subtree (GET /units?regionCode=), cached per code. */
export function useUnits(regionCode: string | undefined): { units: Unit[]; loading: boolean; error: string | null } {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(Boolean(regionCode));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!regionCode) return;
    let alive = true;
    let p = cache.get(regionCode);
    if (!p) {
      p = unitsApi.list(regionCode);
      cache.set(regionCode, p);
      p.catch(() => cache.delete(regionCode));
    }
    setLoading(true);
    p.then((u) => alive && (setUnits(Array.isArray(u) ? u : []), setError(null)))
      .catch((e: Error) => alive && setError(e.message))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [regionCode]);
  return { units, loading, error };
}
