// Petitions (信访) by the 信访工作条例 (2022), DESIGN §9: the vocabulary and the shapes exchanged
// between the petition machine (petition-machine.ts), its rules (decide-petition.ts) and their users.
import type { WorkCalendar } from './calendar.js';
import type { FieldError } from './case-types.js';
import type { CaseSource, PetitionDeadlineKind } from './domain.js';

export const PETITION_CHANNELS = [
  'letter',
  'visit',
  'phone',
  'online',
  'hotline_12345',
  'hotline_12369',
  'inspection_transfer',
] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/** 12345 / 12369 work orders: their acceptance and reply limits come from `deadline_policy` (working days). */
export const HOTLINE_CHANNELS: readonly PetitionChannel[] = ['hotline_12345', 'hotline_12369'];

export const PETITION_GRADES = ['general', 'key', 'group'] as const;
export type PetitionGrade = (typeof PETITION_GRADES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const PETITION_STATES = [
  'registered',
  'accepted',
  'declined',
  'replied',
  'concluded',
  'under_review',
  'reviewed',
  'under_recheck',
  'final',
] as const;
export type PetitionState = (typeof PETITION_STATES)[number];

export const PETITION_ACTIONS = [
  'accept_petition',
  'decline_petition',
  'extend_reply',
  'reply',
  'follow_up',
  'consult',
  'request_review',
  'decide_review',
  'request_recheck',
  'decide_recheck',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

export function isPetitionAction(value: unknown): value is PetitionAction {
  return (PETITION_ACTIONS as readonly unknown[]).includes(value);
}

/** The case source a petition channel files under (DESIGN §3 sources). */
export const CHANNEL_SOURCES: Record<PetitionChannel, CaseSource> = {
  letter: 'petition_letter',
  visit: 'petition_visit',
  phone: 'petition_phone',
  online: 'petition_online',
  hotline_12345: 'hotline',
  hotline_12369: 'hotline',
  inspection_transfer: 'central_inspection',
};

/** Case sources a petition may carry: a case of any other source has no petition part. */
export const PETITION_SOURCES: readonly CaseSource[] = [...new Set(Object.values(CHANNEL_SOURCES))];

/** The statutory limits in calendar days (信访工作条例 art. 22, 32, 35; DESIGN §9). */
export const PETITION_LIMITS = {
  /** Written notice of acceptance (or of refusal) within 15 days of receipt. */
  acceptDays: 15,
  /** 处理意见 within 60 days of acceptance. */
  replyDays: 60,
  /** One extension of the reply limit, of at most 30 days, with the reason told to the petitioner. */
  extensionMaxDays: 30,
  /** A new reply after a dissatisfied 回访. */
  reReplyDays: 30,
  /** 复查 may be requested within 30 days of the reply, and is decided within 30 days. */
  reviewRequestDays: 30,
  reviewDays: 30,
  /** 复核: the same, counted from the 复查 decision. */
  recheckRequestDays: 30,
  recheckDays: 30,
} as const;

/** What the petition rules know about one petition; the API stores it on the `petition` row. */
export interface PetitionSnapshot {
  state: PetitionState;
  channel: PetitionChannel;
  grade: PetitionGrade;
  /** ISO instants. */
  receivedAt: string;
  acceptedAt: string | null;
  /** Due time of the reply now owed (after any extension); null when none is owed. */
  replyDueAt: string | null;
  replyCount: number;
  extensionUsed: boolean;
  repliedAt: string | null;
  satisfaction: Satisfaction | null;
  reviewRequestedAt: string | null;
  reviewDecidedAt: string | null;
  recheckRequestedAt: string | null;
  recheckDecidedAt: string | null;
}

/** What a petition action may carry (the case action payload names, plus `satisfaction`). */
export interface PetitionPayload {
  reason?: string;
  comment?: string;
  note?: string;
  newDueAt?: string;
  satisfaction?: string;
  attachmentIds?: string[];
}

export interface PetitionInput {
  action: PetitionAction;
  payload: PetitionPayload;
  now: Date;
  /** The working-day calendar for the end-of-period rule; defaults to the shipped one. */
  calendar?: WorkCalendar;
}

/**
 * What the API does in the same transaction as the change. `dueAt` absent: the limit comes from
 * `deadline_policy`, counted from `from` (12345 / 12369 work orders).
 */
export type PetitionEffect =
  | { type: 'start_deadline'; kind: PetitionDeadlineKind; from: string; dueAt?: string }
  | { type: 'settle_deadlines'; kinds: PetitionDeadlineKind[]; status: 'met' | 'cancelled' }
  | { type: 'extend_deadline'; kind: 'petition_reply'; dueAt: string };

export type PetitionResult =
  | { ok: true; next: PetitionSnapshot; effects: PetitionEffect[] }
  | { ok: false; code: 'not_possible' | 'invalid_payload'; message: string; details?: FieldError[] };

export interface NewPetition {
  channel: PetitionChannel;
  grade: PetitionGrade;
  receivedAt: Date;
  calendar?: WorkCalendar;
}
