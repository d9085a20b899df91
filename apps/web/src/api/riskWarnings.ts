import { client, ok, type Schemas } from './http';

export type RiskWarning = Schemas['RiskWarningDto'];
export type RiskLevel = Schemas['RiskLevel'];
export type IssueResult = Schemas['IssueResultDto'];

export const riskWarningsApi = {
  list: (month: string) => ok(client.GET('/api/v1/risk-warnings', { params: { query: { month } } })),
  formula: () => ok(client.GET('/api/v1/risk-warnings/formula')),
  issue: (month: string) => ok(client.POST('/api/v1/risk-warnings/issue', { body: { month } })),
};
