import type { CaseAction, CaseState, PetitionState } from '@ecoloop/workflow';
import { client, download, ok } from './http';
import type { ActionPayload, CaseListQuery, CreateCaseInput } from '../modules/cases/types';

const id = (caseId: string) => ({ params: { path: { id: caseId } } });

export const casesApi = {
  list: (query: CaseListQuery) =>
    ok(
      client.GET('/api/v1/cases', {
        params: { query: { ...query, state: query.state && [query.state], source: query.source && [query.source], petitionState: query.petitionState ? (query.petitionState.split(',') as PetitionState[]) : undefined, q: query.q?.trim() || undefined } },
      }),
    ),
  /** Cases in any of these states (e.g. the open ones under 督办 for the leaders' dashboard). */
  listInStates: (states: CaseState[], query: Omit<CaseListQuery, 'state'>) =>
    ok(client.GET('/api/v1/cases', { params: { query: { ...query, state: states, source: query.source && [query.source], petitionState: undefined, q: query.q?.trim() || undefined } } })),
  get: (caseId: string) => ok(client.GET('/api/v1/cases/{id}', id(caseId))),
  /** Likely duplicates: open cases of the same top category nearby (or in the same region), within 30 days. */
  duplicates: (caseId: string) => ok(client.GET('/api/v1/cases/{id}/duplicates', id(caseId))),
  /** Open cases of the same top category within `radiusM` of a point, nearest first (before reporting). */
  nearby: (q: { lat: number; lng: number; category: string; radiusM?: number }) => ok(client.GET('/api/v1/cases/nearby', { params: { query: q } })),
  /** Every attachment of the case as one zip. */
  attachmentsZip: (caseId: string) => download(client.GET('/api/v1/cases/{id}/attachments.zip', { ...id(caseId), parseAs: 'blob' })),
  events: (caseId: string) => ok(client.GET('/api/v1/cases/{id}/events', id(caseId))),
  /** The Idempotency-Key makes a retried submit create the case only once. */
  create: (input: CreateCaseInput, idempotencyKey: string) =>
    ok(client.POST('/api/v1/cases', { body: input, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  act: (caseId: string, action: CaseAction, expectedVersion: number, payload: ActionPayload) =>
    ok(client.POST('/api/v1/cases/{id}/actions/{action}', { params: { path: { id: caseId, action } }, body: { expectedVersion, ...payload } })),
};
