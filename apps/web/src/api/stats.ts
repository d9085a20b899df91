import { client, download, ok, type Schemas } from './http';

export type Overview = Schemas['OverviewDto'];
export type Discovery = Schemas['DiscoveryDto'];
export type DiscoveryLevel = 'county' | 'town' | 'grid';
export type Scorecard = Schemas['ScorecardDto'];
export type ScorecardLevel = Schemas['ScorecardLevel'];
export type ScorecardTrend = Schemas['ScorecardTrendDto'];

export const statsApi = {
  overview: (query: { regionCode?: string; from?: string; to?: string }) => ok(client.GET('/api/v1/stats/overview', { params: { query } })),
  /** 问题发现综合评价: the twelve months up to this one, or one month. */
  discovery: (level: DiscoveryLevel, month?: string) => ok(client.GET('/api/v1/stats/discovery', { params: { query: { level, month } } })),
};

export const assessmentApi = {
  scorecards: (level: ScorecardLevel, month: string) => ok(client.GET('/api/v1/assessment/scorecards', { params: { query: { level, month } } })) as Promise<Scorecard[]>,
  /** The monthly 通报 as xlsx. */
  bulletin: (level: ScorecardLevel, month: string) =>
    download(client.GET('/api/v1/assessment/scorecards', { params: { query: { level, month, format: 'xlsx' } }, parseAs: 'blob' }) as never),
  trend: (level: ScorecardLevel, to?: string) => ok(client.GET('/api/v1/assessment/trend', { params: { query: { level, to } } })),
};
