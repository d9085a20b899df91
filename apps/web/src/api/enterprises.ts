import { client, download, ok, type Schemas } from './http';
import type { paths } from './schema';

export type HealthCode = Schemas['HealthCode'];
export type HealthReason = Schemas['HealthReasonDto'];
/** An enterprise of the registry with its health code (from confirmed facts, with reasons). */
export type EnterpriseSummary = Schemas['EnterpriseDto'];
/** GET /enterprises/:creditCode: the enterprise, its cases in scope, code history, repairs, enforcement and 约谈. */
export type Enterprise = Schemas['EnterpriseDetailDto'];
export type EnterpriseList = Schemas['EnterpriseListDto'];
export type CreditRepair = Schemas['CreditRepairDto'];
export type CreditRepairAction = Schemas['CreditRepairAction'];
export type CreditRepairState = Schemas['CreditRepairState'];
export type Enforcement = Schemas['EnforcementDto'];
export type Interview = Schemas['InterviewDto'];
export type CreateInterviewInput = Schemas['CreateInterviewDto'];
export type CreateCreditRepairInput = Schemas['CreateCreditRepairDto'];
type ListQuery = NonNullable<paths['/api/v1/enterprises']['get']['parameters']['query']>;

export const enterprisesApi = {
  get: (creditCode: string) => ok(client.GET('/api/v1/enterprises/{creditCode}', { params: { path: { creditCode: creditCode.trim().toUpperCase() } } })),
  list: (query: ListQuery) => ok(client.GET('/api/v1/enterprises', { params: { query } })),
  import(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return ok(client.POST('/api/v1/enterprises/import', { body: { file: '' }, bodySerializer: () => form }));
  },
  template: () => download(client.GET('/api/v1/enterprises/template', { parseAs: 'blob' })),
  /** 信用修复 application (commitment letter, evidence) for an enterprise in the caller's jurisdiction. */
  applyRepair: (body: CreateCreditRepairInput) => ok(client.POST('/api/v1/credit-repairs', { body })),
  /** A 约谈 record on an enterprise or a region, with its follow-up case. */
  createInterview: (body: CreateInterviewInput) => ok(client.POST('/api/v1/interviews', { body })),
  repairs: (query: { state?: CreditRepairState } = {}) => ok(client.GET('/api/v1/credit-repairs', { params: { query } })),
  actOnRepair: (id: string, action: CreditRepairAction, comment?: string) =>
    ok(client.POST('/api/v1/credit-repairs/{id}/actions/{action}', { params: { path: { id, action } }, body: comment ? { comment } : {} })),
};
