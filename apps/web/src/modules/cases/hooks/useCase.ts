import { useCallback, useEffect, useState } from 'react';
import { casesApi } from '../../../api/cases';
import type { Case, CaseEvent } from '../types';

/** A case and its events, reloaded together. */
export function useCase(id: string) {
  const [kase, setCase] = useState<Case | null>(null);
  const [events, setEvents] = useState<CaseEvent[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [c, ev] = await Promise.all([casesApi.get(id), casesApi.events(id).catch(() => [] as CaseEvent[])]);
      setCase(c);
      setEvents(ev);
      setError(null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  return { kase, events, error, loading, reload: load, setCase };
}
