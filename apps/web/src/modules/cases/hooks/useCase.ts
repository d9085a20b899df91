import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { casesApi } from '../../../api/cases';
import { queryClient } from '../../../lib/queryClient';
import type { Case } from '../types';

/** A case and its events, reloaded together. */
export function useCase(id: string) {
  const kase = useQuery({ queryKey: ['case', id], queryFn: () => casesApi.get(id) });
  const events = useQuery({ queryKey: ['case', id, 'events'], queryFn: () => casesApi.events(id) });
  const { refetch: refetchCase } = kase;
  const { refetch: refetchEvents } = events;
  /** Reloads both; resolves to the fresh case (null when it could not be read). */
  const reload = useCallback(async (): Promise<Case | null> => {
    const [c] = await Promise.all([refetchCase(), refetchEvents()]);
    return c.data ?? null;
  }, [refetchCase, refetchEvents]);
  /** After an action: the case the API answered with, shown at once; the events follow. */
  const setCase = useCallback(
    (updated: Case) => {
      queryClient.setQueryData(['case', id], updated);
      void refetchEvents();
    },
    [id, refetchEvents],
  );
  return { kase: kase.data ?? null, events: events.data ?? [], error: kase.error, loading: kase.isFetching, reload, setCase };
}
