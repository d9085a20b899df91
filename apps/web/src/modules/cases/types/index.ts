import type { CaseSource, CaseState, Severity } from '@ecoloop/workflow';
import type { Schemas } from '../../../api';
import type { paths } from '../../../api/schema';

/** A case as the API returns it (DESIGN §6 "case"), and what it carries: the generated API types. */
export type Case = Schemas['CaseDto'];
export type CaseDeadline = Schemas['DeadlineDto'];
export type AttachmentMeta = Schemas['AttachmentRefDto'];
/** An attachment known by id, with what else is known about it. */
export type AttachmentLike = Pick<AttachmentMeta, 'id'> & Partial<AttachmentMeta>;
export type CaseEvent = Schemas['CaseEventDto'];
export type DuplicateCase = Schemas['DuplicateCaseDto'];
export type CaseList = Schemas['CaseListDto'];
/** Body of POST /cases (DESIGN §6 "create"). */
export type CreateCaseInput = Schemas['CreateCaseDto'];
type ListQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

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
  /** 牵头单位 */
  leadUnitId?: string;
  /** Reported at or after / before these instants (a Shanghai day range, ISO). */
  createdFrom?: string;
  createdTo?: string;
  /** Petitions in these petition states, comma-separated (信访 worklists). */
  petitionState?: string;
  /** Only cases on which the caller can act now (the worklist). */
  actionable?: boolean;
  /** Cases a leader took personally (包案); `me` for the caller. */
  takenBy?: string;
}

export type CaseSort = NonNullable<ListQuery['sort']>;
/** The sorts GET /cases accepts (checked against the generated type). */
export const CASE_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'dueAt', '-dueAt', 'code', '-code', 'severity', '-severity'] as const satisfies readonly CaseSort[];
export const isCaseSort = (s: string | null | undefined): s is CaseSort => CASE_SORTS.some((x) => x === s);

export interface CaseListQuery extends CaseFilters {
  page?: number;
  pageSize?: number;
  /** e.g. `-createdAt`, `dueAt` */
  sort?: CaseSort;
}

/** Body of POST /cases/:id/actions/:action besides `expectedVersion` (DESIGN §6; the machine's own type). */
export type { ActionPayload } from '@ecoloop/workflow';
