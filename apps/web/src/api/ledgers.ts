import { api, asList } from './index';

/** A ledger as listed (GET /ledgers): counts over the cases the caller may see. */
export interface Ledger {
  id: string;
  title: string;
  kind?: string;
  source?: string;
  issuer?: string | null;
  issuedDate?: string | null;
  dueDate?: string | null;
  regionCode?: string;
  regionName?: string;
  createdByName?: string;
  createdAt?: string;
  items?: number;
  cases?: number;
  signedOff?: number;
  overdue?: number;
}

export interface ProgressCounts {
  cases: number;
  dispatched: number;
  rectifying: number;
  overdue: number;
  signedOff: number;
  items: number;
  itemsSignedOff: number;
}

export interface CountyProgress extends ProgressCounts {
  regionCode: string;
  regionName: string;
  reportedBackAt?: string | null;
}

export interface LedgerItemCase {
  id: string;
  code: string;
  state: string;
  status?: string;
  regionCode?: string;
  regionName?: string;
  countyCode?: string | null;
  countyName?: string | null;
  leadUnitId?: string | null;
  leadUnitName?: string | null;
  dueAt?: string | null;
  overdue?: boolean;
  closedAt?: string | null;
}

/** One row of a ledger (交办件); it becomes one case per county. */
export interface LedgerItem {
  id: string;
  seq: number;
  title: string;
  description?: string;
  category?: string;
  counties?: { code: string; name: string }[];
  towns?: { code: string; name: string }[];
  leadUnits?: { id: string; name: string }[];
  coUnits?: { id: string; name: string }[];
  dueDate?: string;
  milestones?: string[];
  target?: string | null;
  status?: 'dispatched' | 'rectifying' | 'overdue' | 'signed_off';
  overdue?: boolean;
  signedOff?: boolean;
  signedOffAt?: string | null;
  cases?: LedgerItemCase[];
  progress?: LedgerProgress[];
}

/** A dated progress report (序时进展) of one item by its lead unit or a co-unit. */
export interface LedgerProgress {
  id: string;
  itemId?: string;
  /** YYYY, YYYY-H1/H2, YYYY-Q1…Q4 or YYYY-MM. */
  period: string;
  note: string;
  unitId?: string;
  unitName: string;
  unitRole?: 'lead' | 'co';
  authorName: string;
  createdAt: string;
}

export interface ReportBackView {
  id: string;
  regionCode: string;
  regionName: string;
  comment: string;
  explanations?: { itemId: string; seq: number; note: string }[];
  signedOffItems: number;
  actorName: string;
  at: string;
}

export interface LedgerDetail extends Omit<Ledger, 'items' | 'cases' | 'signedOff' | 'overdue'> {
  progress?: ProgressCounts;
  counties?: CountyProgress[];
  items?: LedgerItem[];
  reportBacks?: ReportBackView[];
  /** What the caller may do: import, export, report_back. */
  allowedActions?: string[];
}

export interface ImportRowError {
  row?: number;
  column?: string;
  field?: string;
  message: string;
}

export interface ImportResult {
  ledgerId?: string;
  items?: number;
  cases?: number;
  durationMs?: number;
}

export interface CreateLedgerInput {
  title: string;
  kind: string;
  source: string;
  issuer: string;
  issuedDate: string;
  dueDate: string;
  regionCode?: string;
}

export interface ReportBackInput {
  regionCode: string;
  comment: string;
  explanations?: { itemId: string; note: string }[];
}

export const ledgersApi = {
  async list() {
    return asList<Ledger>(await api.get<unknown>('/ledgers', { pageSize: 200 }));
  },
  get: (id: string) => api.get<LedgerDetail>(`/ledgers/${encodeURIComponent(id)}`),
  create: (input: CreateLedgerInput) => api.post<Ledger>('/ledgers', input),
  import(id: string, file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<ImportResult>(`/ledgers/${encodeURIComponent(id)}/import`, form);
  },
  addProgress: (id: string, itemId: string, input: { period: string; note: string }) =>
    api.post<LedgerProgress>(`/ledgers/${encodeURIComponent(id)}/items/${encodeURIComponent(itemId)}/progress`, input),
  reportBack: (id: string, input: ReportBackInput) => api.post<ReportBackView>(`/ledgers/${encodeURIComponent(id)}/report-back`, input),
  export: (id: string) => api.download(`/ledgers/${encodeURIComponent(id)}/export`),
  template: () => api.download('/ledgers/template'),
};
