import { client, ok, type Schemas } from './http';

/** Machine alerts (DESIGN §10): GET /alerts and GET /stats/fast-track. */
export type MachineAlert = Schemas['AlertDto'];
export type AlertSource = Schemas['AlertSource'];
export type AlertGrade = Schemas['AlertGrade'];
export type FastTrack = Schemas['FastTrackDto'];
export type FastTrackRow = Schemas['FastTrackRowDto'];
/** API keys of device sources and Open311 clients (admin). The key itself is only in the answer to `issue`. */
export type ApiKey = Schemas['ApiKeyDto'];
export type ApiKeySource = Schemas['ApiKeySource'];

export interface AlertQuery {
  source?: AlertSource;
  pointId?: string;
  enterpriseCreditCode?: string;
  grade?: AlertGrade;
  caseId?: string;
  page?: number;
  pageSize?: number;
}

export const alertsApi = {
  list: (query: AlertQuery) => ok(client.GET('/api/v1/alerts', { params: { query } })),
  fastTrack: (month: string) => ok(client.GET('/api/v1/stats/fast-track', { params: { query: { month } } })),
};

export const apiKeysApi = {
  list: () => ok(client.GET('/api/v1/admin/api-keys')),
  issue: (body: Schemas['CreateApiKeyDto']) => ok(client.POST('/api/v1/admin/api-keys', { body })),
  revoke: (id: string) => ok(client.DELETE('/api/v1/admin/api-keys/{id}', { params: { path: { id } } })),
};
