// Petitions (信访), DESIGN §9: the petition part of a case detail, and the words people read.
import type { PetitionAction, PetitionChannel, PetitionGrade, PetitionState, Satisfaction } from '@ecoloop/workflow';
import { PETITION_STATE_LABELS } from '@ecoloop/workflow';
import type { Schemas } from '../../api';

export type Petitioner = Schemas['PetitionerDto'];
/** `petition` of GET /cases/:id; `petitioners` only for the petition desk of the jurisdiction. */
export type Petition = Schemas['PetitionDto'];
export type PetitionerInput = Schemas['PetitionerInputDto'];
/** Body of POST /petitions. */
export type CreatePetitionInput = Schemas['CreatePetitionDto'];
export type PetitionStatsRow = Schemas['PetitionStatsRowDto'];

export const CHANNEL_LABELS: Record<PetitionChannel, string> = {
  letter: '来信',
  visit: '来访',
  phone: '来电',
  online: '网上信访',
  hotline_12345: '12345热线',
  hotline_12369: '12369环保热线',
  inspection_transfer: '督察转办',
};

export const GRADE_LABELS: Record<PetitionGrade, string> = { general: '一般', key: '重点', group: '群体' };

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export { PETITION_STATE_LABELS };

export { PETITION_ACTION_LABELS } from '../../i18n/labels';

/** What each petition action asks for, in the order of the form. */
export const PETITION_ACTION_FIELDS: Record<PetitionAction, ('reason' | 'comment' | 'note' | 'newDueAt' | 'satisfaction' | 'attachments')[]> = {
  accept_petition: [],
  decline_petition: ['reason'],
  extend_reply: ['newDueAt', 'reason'],
  reply: ['comment', 'attachments'],
  follow_up: ['satisfaction', 'note'],
  consult: ['note'],
  request_review: ['reason'],
  decide_review: ['comment', 'attachments'],
  request_recheck: ['reason'],
  decide_recheck: ['comment', 'attachments'],
};

export const PETITION_DOCUMENTS = [
  { key: 'acceptance-notice', label: '受理告知书' },
  { key: 'non-acceptance-notice', label: '不予受理告知书' },
  { key: 'handling-opinion', label: '处理意见书' },
] as const;
