// What each petition action's payload must carry (DESIGN §9). No errors means the needs are met;
// the machine's `hasNeeds` guard is exactly that, and decidePetition() returns them as 422 details.
import type { WorkCalendar } from './calendar.js';
import type { FieldError } from './case-types.js';
import { parseDueAt } from './needs.js';
import {
  PETITION_LIMITS,
  SATISFACTIONS,
  type PetitionAction,
  type PetitionPayload,
  type PetitionSnapshot,
} from './petition-types.js';

export interface PetitionNeedsInput {
  payload: PetitionPayload;
  now: Date;
  current: Omit<PetitionSnapshot, 'state'>;
  calendar: WorkCalendar;
}

type Check = (input: PetitionNeedsInput) => FieldError[];

const FIELD_NAMES = { reason: '理由', comment: '处理意见', note: '说明' } as const;

function text(field: keyof typeof FIELD_NAMES): Check {
  return ({ payload }) => {
    const value = payload[field];
    return typeof value === 'string' && value.trim().length > 0 ? [] : [{ field, message: `请填写${FIELD_NAMES[field]}` }];
  };
}

const attachments: Check = ({ payload }) =>
  payload.attachmentIds === undefined ||
  (Array.isArray(payload.attachmentIds) && payload.attachmentIds.every((id) => typeof id === 'string' && id.length > 0))
    ? []
    : [{ field: 'attachmentIds', message: '附件应为附件编号列表' }];

const satisfaction: Check = ({ payload }) =>
  (SATISFACTIONS as readonly unknown[]).includes(payload.satisfaction)
    ? []
    : [{ field: 'satisfaction', message: '请选择回访结果：满意、基本满意或不满意' }];

/** One extension, to a later day, at most 30 days beyond the reply limit now running. */
const extension: Check = ({ payload, current, calendar }) => {
  const requested = parseDueAt(payload.newDueAt);
  if (requested === null) return [{ field: 'newDueAt', message: '请填写延长后的答复期限（日期）' }];
  if (current.replyDueAt === null) return [{ field: 'newDueAt', message: '本件没有正在计算的答复期限' }];
  const newEnd = calendar.endOfCalendarPeriod(requested, 0);
  const currentDue = new Date(current.replyDueAt);
  const cap = calendar.endOfCalendarPeriod(currentDue, PETITION_LIMITS.extensionMaxDays);
  if (newEnd.getTime() <= currentDue.getTime()) return [{ field: 'newDueAt', message: '延长后的期限应晚于原答复期限' }];
  if (newEnd.getTime() > cap.getTime()) {
    return [{ field: 'newDueAt', message: `答复期限最多延长${PETITION_LIMITS.extensionMaxDays}日` }];
  }
  return [];
};

function all(...checks: Check[]): Check {
  return (input) => checks.flatMap((check) => check(input));
}

const nothing: Check = () => [];

/** DESIGN §9, one line per action. */
export const PETITION_NEEDS: Record<PetitionAction, Check> = {
  accept_petition: nothing,
  decline_petition: text('reason'),
  extend_reply: all(extension, text('reason')),
  reply: all(text('comment'), attachments),
  follow_up: all(satisfaction, text('note')),
  consult: text('note'),
  request_review: text('reason'),
  decide_review: all(text('comment'), attachments),
  request_recheck: text('reason'),
  decide_recheck: all(text('comment'), attachments),
};

export function petitionPayloadErrors(action: PetitionAction, input: PetitionNeedsInput): FieldError[] {
  return PETITION_NEEDS[action](input);
}

/**
 * The payload fields each petition action takes (its needs above, attachments where a document is
 * sent, and an optional `comment`); anything else is refused before it reaches the hash-chained event.
 */
export const PETITION_ACTION_FIELDS: Record<PetitionAction, readonly (keyof PetitionPayload)[]> = {
  accept_petition: ['comment'],
  decline_petition: ['reason', 'comment'],
  extend_reply: ['newDueAt', 'reason', 'comment'],
  reply: ['comment', 'attachmentIds'],
  follow_up: ['satisfaction', 'note', 'comment'],
  consult: ['note', 'comment'],
  request_review: ['reason', 'comment'],
  decide_review: ['comment', 'attachmentIds'],
  request_recheck: ['reason', 'comment'],
  decide_recheck: ['comment', 'attachmentIds'],
};
