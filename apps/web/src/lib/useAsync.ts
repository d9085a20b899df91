import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | null;
  /** True while loading or reloading (the last data stays). */
  loading: boolean;
  reload: () => Promise<void>;
}

/** Server state through TanStack Query: `fn` cached under `key`; `reload` refetches it. */
export function useAsync<T>(key: QueryKey, fn: () => Promise<T>): AsyncState<T> {
  const q = useQuery({ queryKey: key, queryFn: fn, placeholderData: (previous) => previous });
  const { refetch } = q;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return { data: q.data, error: q.error, loading: q.isFetching, reload };
}
