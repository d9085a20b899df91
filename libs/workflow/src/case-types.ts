// The shapes exchanged between the loop's rules (decide) and their users (api, web).
// DESIGN.md §3 (case columns), §4 (the loop), §6 (action payload field names).
import type { AdminLevel, CaseAction, CaseLevel, CaseSource, CaseState, DeadlineKind, Finding, RegionLevel, Severity } from './domain.js';

/** What the rules need to know about a case; the API stores it on the `case` row. */
export interface CaseSnapshot {
  state: CaseState;
  severity: Severity;
  source: CaseSource;
  category: string;
  /** Sign-off levels in order, e.g. ['town'], ['county'] or ['county', 'city']. */
  signoffSteps: CaseLevel[];
  /** Index into signoffSteps of the step now due. */
  signoffIndex: number;
  reworkCount: number;
  reopenCount: number;
  /** Level that owns dispatching: the town for general cases found in a town, else the county; escalate moves it up. */
  ownerLevel: CaseLevel;
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
  /** submit_completion: whether the problem was a real violation (counts in the enterprise health code). */
  finding?: Finding;
  /** transfer_enforcement (移交执法): 立案号. */
  caseNumber?: string;
  /** transfer_enforcement: 行政处罚决定书文号, once decided. */
  penaltyDecisionNo?: string;
  /** transfer_enforcement: fine in yuan. */
  fine?: number;
  /** transfer_enforcement: referred to the police (涉嫌环境犯罪移送公安). */
  policeReferral?: boolean;
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
  | { type: 'start_deadline'; kind: DeadlineKind; dueAt?: string; level?: AdminLevel }
  /** Settle the pending deadline rows of those kinds. */
  | { type: 'settle_deadlines'; kinds: DeadlineKind[] | 'all'; status: 'met' | 'cancelled' }
  /** Keep the original due time on record, move the pending rectify deadline. */
  | { type: 'extend_deadline'; kind: 'rectify' | 'petition_reply'; dueAt: string }
  | { type: 'closed' }
  | { type: 'reopened' }
  /** Timers: the deadline's time has come (pending → overdue). */
  | { type: 'mark_overdue'; deadlineId: string }
  /** Timers: the deadline's reminder was sent. */
  | { type: 'mark_reminded'; deadlineId: string };

export interface FieldError {
  field: string;
  message: string;
}

export type DecideResult =
  | { ok: true; next: CaseSnapshot; effects: Effect[] }
  | { ok: false; code: 'not_possible' | 'invalid_payload'; message: string; details?: FieldError[] };
