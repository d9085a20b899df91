import type { CaseSource, Severity } from '@ecoloop/workflow';

/** A report being written; kept in localStorage until the case is created. */
export interface ReportDraft {
  /** Generated once per draft; every retry of the submit sends the same key. */
  idempotencyKey: string;
  topCategory?: string;
  subCategory?: string;
  title?: string;
  description?: string;
  severity: Severity;
  source: CaseSource;
  regionCode?: string;
  lat?: number;
  lng?: number;
  accuracy?: number;
  address?: string;
  enterpriseCreditCode?: string;
  reporterName?: string;
  reporterPhone?: string;
  /** Photos already uploaded (ids survive a reload; the files themselves do not). */
  photos: { uid: string; id: string; name: string }[];
  updatedAt?: string;
}
