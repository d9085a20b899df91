import { client, download, ok, type Schemas } from './http';

export type Ledger = Schemas['LedgerListItemDto'];
export type LedgerDetail = Schemas['LedgerDetailDto'];
export type LedgerItem = Schemas['LedgerItemDto'];
export type LedgerItemCase = Schemas['LedgerItemCaseDto'];
export type LedgerProgress = Schemas['LedgerProgressDto'];
export type ProgressCounts = Schemas['ProgressCountsDto'];
export type CountyProgress = Schemas['CountyProgressDto'];
export type ReportBackView = Schemas['ReportBackViewDto'];
export type ImportResult = Schemas['ImportResultDto'];
export type ImportRowError = Schemas['ErrorDetailDto'];
export type CreateLedgerInput = Schemas['CreateLedgerDto'];
export type ReportBackInput = Schemas['ReportBackDto'];
export type TaskTable = Schemas['TaskTableDto'];
export type TaskAction = Schemas['TaskActionDto'];
export type TaskRow = Schemas['TaskRowDto'];
export type QuarterlyReportInput = Schemas['CreateQuarterlyReportDto'];

const ledger = (id: string) => ({ params: { path: { id } } });

export const ledgersApi = {
  list: () => ok(client.GET('/api/v1/ledgers', { params: { query: { pageSize: 200 } } })),
  get: (id: string) => ok(client.GET('/api/v1/ledgers/{id}', ledger(id))),
  create: (input: CreateLedgerInput) => ok(client.POST('/api/v1/ledgers', { body: input })),
  import(id: string, file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return ok(client.POST('/api/v1/ledgers/{id}/import', { ...ledger(id), body: { file: '' }, bodySerializer: () => form }));
  },
  addProgress: (id: string, itemId: string, input: Schemas['CreateProgressDto']) =>
    ok(client.POST('/api/v1/ledgers/{id}/items/{itemId}/progress', { params: { path: { id, itemId } }, body: input })),
  taskTable: (id: string, quarter?: string) => ok(client.GET('/api/v1/ledgers/{id}/task-table', { params: { path: { id }, query: quarter ? { quarter } : {} } })),
  addQuarterlyReport: (id: string, itemId: string, input: QuarterlyReportInput) =>
    ok(client.POST('/api/v1/ledgers/{id}/items/{itemId}/quarterly-reports', { params: { path: { id, itemId } }, body: input })),
  reportBack: (id: string, input: ReportBackInput) => ok(client.POST('/api/v1/ledgers/{id}/report-back', { ...ledger(id), body: input })),
  export: (id: string) => download(client.GET('/api/v1/ledgers/{id}/export', { ...ledger(id), parseAs: 'blob' })),
  template: () => download(client.GET('/api/v1/ledgers/template', { parseAs: 'blob' })),
};
