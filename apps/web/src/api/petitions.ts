import type { PetitionAction } from '@ecoloop/workflow';
import { client, download, ok } from './http';
import type { CreatePetitionInput } from '../modules/petitions/types';
import type { ActionPayload } from '../modules/cases/types';

type StatsQuery = { regionCode?: string; from?: string; to?: string };
type DocumentKind = 'acceptance-notice' | 'non-acceptance-notice' | 'handling-opinion';

export const petitionsApi = {
  /** Registers a petition (来信/来访 desk): the case with its petition. */
  create: (input: CreatePetitionInput) => ok(client.POST('/api/v1/petitions', { body: input })),
  act: (caseId: string, action: PetitionAction, expectedVersion: number, payload: ActionPayload) =>
    ok(client.POST('/api/v1/cases/{id}/actions/{action}', { params: { path: { id: caseId, action } }, body: { expectedVersion, ...payload } })),
  stats: (query: StatsQuery) => ok(client.GET('/api/v1/petitions/stats', { params: { query } })),
  /** A printable document (HTML) as a Blob, to open in a new window for printing. */
  async document(caseId: string, document: DocumentKind): Promise<Blob> {
    return (await download(client.GET('/api/v1/petitions/{caseId}/documents/{document}', { params: { path: { caseId, document } }, parseAs: 'blob' }))).blob;
  },
};
