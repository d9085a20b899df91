import type { CaseAction } from '@ecoloop/workflow';
import { api, asList } from './index';
import type {
  ActionPayload,
  Case,
  CaseEvent,
  CaseList,
  CaseListQuery,
  CreateCaseInput,
} from '../modules/cases/types';

function toQuery(q: CaseListQuery) {
  return {
    state: q.state,
    category: q.category,
    source: q.source,
    severity: q.severity,
    regionCode: q.regionCode,
    overdue: q.overdue === undefined ? undefined : String(q.overdue),
    supervised: q.supervised === undefined ? undefined : String(q.supervised),
    actionable: q.actionable === undefined ? undefined : String(q.actionable),
    q: q.q?.trim() || undefined,
    ledgerId: q.ledgerId,
    page: q.page,
    pageSize: q.pageSize,
    sort: q.sort,
  };
}

export const casesApi = {
  async list(query: CaseListQuery): Promise<CaseList> {
    return asList<Case>(await api.get<unknown>('/cases', toQuery(query)));
  },
  get: (id: string) => api.get<Case>(`/cases/${encodeURIComponent(id)}`),
  /** Likely duplicates: open cases of the same top category nearby (or in the same region), within 30 days. */
  duplicates: (id: string) => api.get<(Case & { distanceM: number | null })[]>(`/cases/${encodeURIComponent(id)}/duplicates`),
  async events(id: string): Promise<CaseEvent[]> {
    return asList<CaseEvent>(await api.get<unknown>(`/cases/${encodeURIComponent(id)}/events`)).items;
  },
  /** The Idempotency-Key makes a retried submit create the case only once. */
  create: (input: CreateCaseInput, idempotencyKey: string) =>
    api.post<Case>('/cases', input, { headers: { 'Idempotency-Key': idempotencyKey } }),
  act: (id: string, action: CaseAction, expectedVersion: number, payload: ActionPayload) =>
    api.post<Case>(`/cases/${encodeURIComponent(id)}/actions/${action}`, { expectedVersion, ...payload }),
};
