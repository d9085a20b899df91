import type { CaseAction, CaseSource, CaseState, DeadlineKind, DeadlineStatus, Severity } from '@ecoloop/workflow';

/** A case as the API returns it (DESIGN §6 "case"). */
export interface Case {
  id: string;
  code: string;
  title: string;
  description?: string | null;
  category: string;
  source: CaseSource;
  severity: Severity;
  state: CaseState;
  regionCode: string;
  regionName?: string | null;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  enterpriseCreditCode?: string | null;
  leadUnitId?: string | null;
  leadUnitName?: string | null;
  coUnitIds?: string[] | null;
  dueAt?: string | null;
  deadlineKind?: DeadlineKind | null;
  overdue?: boolean;
  supervisionLevel?: string | null;
  /** The level that owns (dispatches) the case; one level up after `escalate`. */
  ownerLevel?: string | null;
  /** An extension asked for and not yet decided. */
  pendingExtension?: { newDueAt: string; reason: string } | null;
  reporterId?: string | null;
  signoffSteps?: string[] | null;
  signoffIndex?: number | null;
  reworkCount?: number;
  reopenCount?: number;
  ledgerId?: string | null;
  duplicateOfId?: string | null;
  version: number;
  createdAt: string;
  updatedAt?: string | null;
  closedAt?: string | null;
  allowedActions?: CaseAction[];
  reporterName?: string | null;
  reporterPhone?: string | null;
  /** Present on GET /cases/:id when the API includes them. */
  deadlines?: CaseDeadline[];
  attachments?: AttachmentMeta[];
}

export interface CaseDeadline {
  id?: string;
  kind: DeadlineKind;
  dueAt: string;
  originalDueAt?: string | null;
  status: DeadlineStatus;
}

export interface AttachmentMeta {
  id: string;
  originalName?: string | null;
  mime?: string | null;
  size?: number | null;
}

export interface CaseEvent {
  seq: number;
  action: string;
  fromState?: CaseState | null;
  toState?: CaseState | null;
  actorId?: string | null;
  actorName?: string | null;
  actorRole?: string | null;
  comment?: string | null;
  payload?: Record<string, unknown> | null;
  attachmentIds?: string[] | null;
  at: string;
  hash?: string | null;
}

export interface CaseFilters {
  state?: CaseState;
  category?: string;
  source?: CaseSource;
  severity?: Severity;
  regionCode?: string;
  overdue?: boolean;
  supervised?: boolean;
  q?: string;
  ledgerId?: string;
  /** Only cases on which the caller can act now (the worklist). */
  actionable?: boolean;
}

export interface CaseListQuery extends CaseFilters {
  page?: number;
  pageSize?: number;
  /** e.g. `-createdAt`, `dueAt` */
  sort?: string;
}

export interface CaseList {
  items: Case[];
  total: number;
}

/** Body of POST /cases (DESIGN §6 "create"). */
export interface CreateCaseInput {
  title: string;
  description: string;
  category: string;
  source: CaseSource;
  severity: Severity;
  regionCode?: string;
  lat?: number;
  lng?: number;
  address?: string;
  enterpriseCreditCode?: string;
  attachmentIds?: string[];
  reporterName?: string;
  reporterPhone?: string;
}

/** Body of POST /cases/:id/actions/:action besides `expectedVersion` (DESIGN §6; the machine's own type). */
export type { ActionPayload } from '@ecoloop/workflow';
