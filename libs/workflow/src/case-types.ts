// The shapes exchanged between the loop's rules (decide) and their users (api, web).
// DESIGN.md §3 (case columns), §4 (the loop), §6 (action payload field names).
import type { AdminLevel, CaseAction, CaseSource, CaseState, DeadlineKind, RegionLevel, Severity } from './domain.js';

/** What the rules need to know about a case; the API stores it on the `case` row. */
export interface CaseSnapshot {
  state: CaseState;
  severity: Severity;
  source: CaseSource;
  category: string;
  /** Sign-off levels in order, e.g. ['county'] or ['county', 'city']. */
  signoffSteps: AdminLevel[];
  /** Index into signoffSteps of the step now due. */
  signoffIndex: number;
  reworkCount: number;
  reopenCount: number;
  /** Level that owns dispatching: 'county' on creation; escalate moves it one level up. */
  ownerLevel: AdminLevel;
  /** Highest level that issued a supervision order (督办), or null. */
  supervisionLevel: AdminLevel | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  pendingExtension: { newDueAt: string; reason: string } | null;
}

/** Everything a case action may carry (DESIGN §6 "action payload fields", minus expectedVersion). */
export interface ActionPayload {
  reason?: string;
  comment?: string;
  note?: string;
  leadUnitId?: string;
  coUnitIds?: string[];
  dueAt?: string;
  newDueAt?: string;
  approve?: boolean;
  measures?: string;
  targetCaseId?: string;
  attachmentIds?: string[];
}

/** Facts about a merge target, looked up by the API. */
export interface MergeTarget {
  open: boolean;
  sameJurisdiction: boolean;
  isSelf: boolean;
}

export interface DecideInput {
  action: CaseAction;
  payload: ActionPayload;
  /** Level of the acting user's home region. */
  actorLevel: RegionLevel;
  now: Date;
  /** For merge: facts about payload.targetCaseId. */
  target?: MergeTarget;
}

/** What the API must do in the same transaction as the state change (deadline rows, timestamps). */
export type Effect =
  /** dueAt given → use it; absent → the API computes it from the deadline policy. */
  | { type: 'start_deadline'; kind: DeadlineKind; dueAt?: string }
  /** Settle the pending deadline rows of those kinds. */
  | { type: 'settle_deadlines'; kinds: DeadlineKind[] | 'all'; status: 'met' | 'cancelled' }
  /** Keep the original due time on record, move the pending rectify deadline. */
  | { type: 'extend_deadline'; kind: 'rectify'; dueAt: string }
  | { type: 'closed' }
  | { type: 'reopened' };

export interface FieldError {
  field: string;
  message: string;
}

export type DecideResult =
  | { ok: true; next: CaseSnapshot; effects: Effect[] }
  | { ok: false; code: 'not_possible' | 'invalid_payload'; message: string; details?: FieldError[] };
