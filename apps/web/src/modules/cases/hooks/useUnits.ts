import { useQuery } from '@tanstack/react-query';
import { errorText } from '../../../api';
import { unitsApi, type Unit } from '../../../api/regions';
import { queryClient } from '../../../lib/queryClient';

/** After an admin changes units: lists are fetched again. */
export function resetUnitsCache(): void {
  void queryClient.invalidateQueries({ queryKey: ['units'] });
}

/** Units of a region subtree (GET /units?regionCode=), cached per code. */
export function useUnits(regionCode: string | undefined): { units: Unit[]; loading: boolean; error: string | null } {
  const q = useQuery({ queryKey: ['units', regionCode], queryFn: () => unitsApi.list(regionCode), enabled: Boolean(regionCode), staleTime: 5 * 60_000 });
  return { units: q.data ?? [], loading: q.isFetching, error: q.error ? errorText(q.error) : null };
}

/** Units that may take a case of the region (its subtree plus departments and outside bodies above it). */
export function useAssignableUnits(regionCode: string | undefined): { units: Unit[]; loading: boolean; error: string | null } {
  const q = useQuery({
    queryKey: ['units', 'assignable', regionCode],
    queryFn: () => unitsApi.assignable(regionCode!),
    enabled: Boolean(regionCode),
    staleTime: 5 * 60_000,
  });
  return { units: q.data ?? [], loading: q.isFetching, error: q.error ? errorText(q.error) : null };
}
