import { api } from './index';

/** GET /stats/overview. The shape is normalised in modules/dashboard (the API may use maps or arrays). */
export const statsApi = {
  overview: (query: { regionCode?: string; from?: string; to?: string }) => api.get<unknown>('/stats/overview', query),
};
