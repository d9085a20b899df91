// The "needs" column of DESIGN §4: what each action's payload must carry.
// Each check returns the field errors; none means the needs are met. The machine's `hasNeeds`
// guard is exactly "no field errors"; decide() returns them as 422 details.
import { OFFICE_CLOSES } from './calendar.js';
import type { ActionPayload, CaseSnapshot, FieldError, MergeTarget } from './case-types.js';
import { FINDINGS, type CaseAction } from './domain.js';

export interface NeedsInput {
  payload: ActionPayload;
  now: Date;
  target?: MergeTarget;
  /** The case as it is before the action. */
  current: Omit<CaseSnapshot, 'state'>;
}

type NeedsCheck = (input: NeedsInput) => FieldError[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a due time from a payload. Accepted: an ISO 8601 date-time with `Z` or an offset, or a
 * bare date (YYYY-MM-DD), read as the close of office hours that day in Asia/Shanghai (17:30+08:00).
 * Returns null for anything else (including impossible dates such as 2026-02-30).
 */
export function parseDueAt(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const dateTime = ISO_DATE_TIME.exec(value);
  const datePart = ISO_DATE.test(value) ? value : dateTime?.[1];
  if (datePart === undefined) return null;
  const day = new Date(`${datePart}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== datePart) return null;
  const ms = Date.parse(dateTime ? value : `${value}T${OFFICE_CLOSES}:00+08:00`);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** A valid due time from a payload as a canonical ISO string (UTC, milliseconds). */
export function normaliseDueAt(value: string): string {
  const parsed = parseDueAt(value);
  if (parsed === null) throw new RangeError(`not a due time: ${value}`);
  return parsed.toISOString();
}

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function text(field: 'reason' | 'comment' | 'note' | 'measures' | 'leadUnitId' | 'targetCaseId' | 'caseNumber'): NeedsCheck {
  return ({ payload }) => (isFilled(payload[field]) ? [] : [{ field, message: `${field} is required` }]);
}

function dueTime(field: 'dueAt' | 'newDueAt', required: boolean): NeedsCheck {
  return ({ payload, now }) => {
    const value = payload[field];
    if (value === undefined || value === null || value === '') {
      return required ? [{ field, message: `${field} is required` }] : [];
    }
    const due = parseDueAt(value);
    if (due === null) return [{ field, message: `${field} must be an ISO 8601 date-time` }];
    return due.getTime() > now.getTime() ? [] : [{ field, message: `${field} must be in the future` }];
  };
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isFilled);
}

const evidence: NeedsCheck = ({ payload }) =>
  isIdList(payload.attachmentIds) && payload.attachmentIds.length > 0
    ? []
    : [{ field: 'attachmentIds', message: 'at least one evidence attachment is required' }];

const optionalAttachments: NeedsCheck = ({ payload }) =>
  payload.attachmentIds === undefined || isIdList(payload.attachmentIds)
    ? []
    : [{ field: 'attachmentIds', message: 'attachmentIds must be a list of attachment ids' }];

const coUnits: NeedsCheck = ({ payload }) => {
  if (payload.coUnitIds === undefined) return [];
  if (!isIdList(payload.coUnitIds)) return [{ field: 'coUnitIds', message: 'coUnitIds must be a list of unit ids' }];
  return payload.leadUnitId !== undefined && payload.coUnitIds.includes(payload.leadUnitId)
    ? [{ field: 'coUnitIds', message: 'coUnitIds must not contain the lead unit' }]
    : [];
};

const newLeadUnit: NeedsCheck = ({ payload, current }) =>
  isFilled(payload.leadUnitId) && payload.leadUnitId === current.leadUnitId
    ? [{ field: 'leadUnitId', message: 'leadUnitId must differ from the current lead unit' }]
    : [];

const decision: NeedsCheck = ({ payload }) =>
  typeof payload.approve === 'boolean' ? [] : [{ field: 'approve', message: 'approve must be true or false' }];

const mergeTarget: NeedsCheck = ({ payload, target }) => {
  if (!isFilled(payload.targetCaseId)) return [];
  const problem =
    target === undefined
      ? 'target case not found'
      : target.isSelf
        ? 'a case cannot be merged into itself'
        : !target.open
          ? 'target case must be open'
          : !target.sameJurisdiction
            ? 'target case must be in the same jurisdiction'
            : null;
  return problem === null ? [] : [{ field: 'targetCaseId', message: problem }];
};

const finding: NeedsCheck = ({ payload }) =>
  payload.finding === undefined || (FINDINGS as readonly unknown[]).includes(payload.finding)
    ? []
    : [{ field: 'finding', message: `finding must be one of ${FINDINGS.join(', ')}` }];

/** transfer_enforcement: the record of 移交执法 (立案号 required; decision number, fine and police referral when known). */
const enforcementRecord: NeedsCheck = ({ payload }) => {
  const errors: FieldError[] = [];
  if (payload.penaltyDecisionNo !== undefined && !isFilled(payload.penaltyDecisionNo)) {
    errors.push({ field: 'penaltyDecisionNo', message: 'penaltyDecisionNo must not be empty' });
  }
  if (payload.fine !== undefined && !(typeof payload.fine === 'number' && Number.isFinite(payload.fine) && payload.fine >= 0)) {
    errors.push({ field: 'fine', message: 'fine must be a non-negative number of yuan' });
  }
  if (payload.fine !== undefined && payload.penaltyDecisionNo === undefined) {
    errors.push({ field: 'penaltyDecisionNo', message: 'a fine needs its penalty decision number' });
  }
  if (payload.policeReferral !== undefined && typeof payload.policeReferral !== 'boolean') {
    errors.push({ field: 'policeReferral', message: 'policeReferral must be true or false' });
  }
  return errors;
};

function all(...checks: NeedsCheck[]): NeedsCheck {
  return (input) => checks.flatMap((check) => check(input));
}

const nothing: NeedsCheck = () => [];

/** DESIGN §4, column "needs", one line per action. */
export const NEEDS: Record<CaseAction, NeedsCheck> = {
  accept: nothing,
  dispatch: all(text('leadUnitId'), coUnits, dueTime('dueAt', false)),
  reject: text('reason'),
  merge: all(text('targetCaseId'), mergeTarget),
  resolve_on_spot: evidence,
  escalate: text('reason'),
  sign_for: nothing,
  return: text('reason'),
  reassign: all(text('leadUnitId'), newLeadUnit, coUnits, text('reason')),
  report_progress: all(text('note'), optionalAttachments),
  request_extension: all(dueTime('newDueAt', true), text('reason')),
  decide_extension: all(decision, text('comment')),
  submit_completion: all(text('measures'), evidence, finding),
  approve: text('comment'),
  reject_completion: text('reason'),
  review_pass: text('comment'),
  review_fail: all(text('reason'), evidence),
  spot_check: all(decision, text('comment'), optionalAttachments),
  supervise: all(text('note'), dueTime('dueAt', true)),
  remind: text('note'),
  transfer_enforcement: all(text('caseNumber'), enforcementRecord, optionalAttachments),
  instruct: text('comment'),
  take_charge: nothing,
};

/**
 * The payload fields each action may carry: the fields of its "needs" (DESIGN §4), plus a free
 * `comment` every action may record. Anything else is not the action's own and is refused, so
 * that nothing foreign reaches the permanent, hash-chained event.
 */
export const ACTION_FIELDS: Record<CaseAction, readonly (keyof ActionPayload)[]> = {
  accept: ['comment'],
  dispatch: ['leadUnitId', 'coUnitIds', 'dueAt', 'comment'],
  reject: ['reason', 'comment'],
  merge: ['targetCaseId', 'comment'],
  resolve_on_spot: ['attachmentIds', 'comment'],
  escalate: ['reason', 'comment'],
  sign_for: ['comment'],
  return: ['reason', 'comment'],
  reassign: ['leadUnitId', 'coUnitIds', 'reason', 'comment'],
  report_progress: ['note', 'attachmentIds', 'comment'],
  request_extension: ['newDueAt', 'reason', 'comment'],
  decide_extension: ['approve', 'comment'],
  submit_completion: ['measures', 'attachmentIds', 'finding', 'comment'],
  approve: ['comment'],
  reject_completion: ['reason', 'comment'],
  review_pass: ['comment'],
  review_fail: ['reason', 'attachmentIds', 'comment'],
  spot_check: ['approve', 'comment', 'attachmentIds'],
  supervise: ['note', 'dueAt', 'comment'],
  remind: ['note', 'comment'],
  transfer_enforcement: ['caseNumber', 'penaltyDecisionNo', 'fine', 'policeReferral', 'comment', 'attachmentIds'],
  instruct: ['comment'],
  take_charge: ['comment'],
};

/** Field errors of a payload for an action; empty when its needs are met. */
export function payloadErrors(action: CaseAction, input: NeedsInput): FieldError[] {
  return NEEDS[action](input);
}
