import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

/** Server state for the whole app: one cache, no retry of 4xx answers, no refetch on focus (forms stay put). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, e) => failures < 2 && e instanceof ApiError && e.isTransient,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});
