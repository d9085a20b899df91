// The petition (信访) machine, DESIGN §9, beside the rectification loop and independent of it: a
// petition is answered within its limit even when the rectification takes longer. Read it against
// §9: one state per 信访 stage, one transition per action; `hasNeeds` is the payload check (see
// petition-needs.ts), the other guards are rules about the petition and the time. Actions are the
// effects the API performs in the case action's transaction; they do nothing inside the machine.
import { and, not, setup } from 'xstate';
import type { WorkCalendar } from './calendar.js';
import type { PetitionDeadlineKind } from './domain.js';
import { CN_WORK_CALENDAR } from './holidays/index.js';
import { petitionPayloadErrors } from './petition-needs.js';
import {
  HOTLINE_CHANNELS,
  PETITION_LIMITS,
  type NewPetition,
  type PetitionAction,
  type PetitionEffect,
  type PetitionPayload,
  type PetitionSnapshot,
  type Satisfaction,
} from './petition-types.js';

export type PetitionContext = Omit<PetitionSnapshot, 'state'>;

export type PetitionEvent = {
  [A in PetitionAction]: { type: A; payload: PetitionPayload; now: Date; calendar: WorkCalendar };
}[PetitionAction];

type Settle = Extract<PetitionEffect, { type: 'settle_deadlines' }>;

/** Rules about the petition or the time (not the payload) that can refuse an action, with the refusal. */
export const PETITION_CONDITIONS = {
  extensionUnused: '答复期限只能延长一次，本件已延长过',
  wasDissatisfied: '只有回访不满意的信访件才需会商',
  withinReviewWindow: `复查请求应在收到处理意见之日起${PETITION_LIMITS.reviewRequestDays}日内提出，已超过期限`,
  withinRecheckWindow: `复核请求应在收到复查意见之日起${PETITION_LIMITS.recheckRequestDays}日内提出，已超过期限`,
} as const;
export type PetitionCondition = keyof typeof PETITION_CONDITIONS;

/** The end of a period of `days` calendar days from `from` (end-of-period rule, DESIGN §7). */
export function petitionPeriodEnd(from: Date | string, days: number, calendar: WorkCalendar = CN_WORK_CALENDAR): Date {
  return calendar.endOfCalendarPeriod(new Date(from), days);
}

/** When a statutory limit of `days` started at `from` falls due; undefined when `deadline_policy` decides (hotlines). */
function limitDueAt(c: PetitionContext, kind: PetitionDeadlineKind, from: Date, days: number, calendar: WorkCalendar): string | undefined {
  const byPolicy = HOTLINE_CHANNELS.includes(c.channel) && (kind === 'petition_accept' || kind === 'petition_reply');
  return byPolicy ? undefined : petitionPeriodEnd(from, days, calendar).toISOString();
}

function within(start: string | null, days: number, now: Date, calendar: WorkCalendar): boolean {
  return start !== null && now.getTime() <= petitionPeriodEnd(start, days, calendar).getTime();
}

/** A registered petition and its first effect: the acceptance-notice clock runs from receipt. */
export function openPetition(input: NewPetition): { snapshot: PetitionSnapshot; effects: PetitionEffect[] } {
  const calendar = input.calendar ?? CN_WORK_CALENDAR;
  const context: PetitionContext = {
    channel: input.channel,
    grade: input.grade,
    receivedAt: input.receivedAt.toISOString(),
    acceptedAt: null,
    replyDueAt: null,
    replyCount: 0,
    extensionUsed: false,
    repliedAt: null,
    satisfaction: null,
    reviewRequestedAt: null,
    reviewDecidedAt: null,
    recheckRequestedAt: null,
    recheckDecidedAt: null,
  };
  const dueAt = limitDueAt(context, 'petition_accept', input.receivedAt, PETITION_LIMITS.acceptDays, calendar);
  const start: PetitionEffect = { type: 'start_deadline', kind: 'petition_accept', from: context.receivedAt };
  return { snapshot: { state: 'registered', ...context }, effects: [dueAt ? { ...start, dueAt } : start] };
}

const settle = (kinds: PetitionDeadlineKind[], status: Settle['status'] = 'met') =>
  ({ type: 'settleDeadlines', params: { kinds, status } }) as const;

/** Starts a statutory clock of `days` from now (or by policy for hotlines). */
function start(kind: PetitionDeadlineKind, days: number) {
  return {
    type: 'startDeadline',
    params: ({ context, event }: { context: PetitionContext; event: PetitionEvent }) => {
      const dueAt = limitDueAt(context, kind, event.now, days, event.calendar);
      return dueAt ? { kind, from: event.now.toISOString(), dueAt } : { kind, from: event.now.toISOString() };
    },
  } as const;
}

const petition = setup({
  types: {
    context: {} as PetitionContext,
    events: {} as PetitionEvent,
  },
  guards: {
    hasNeeds: ({ context, event }) =>
      petitionPayloadErrors(event.type, { payload: event.payload ?? {}, now: event.now, current: context, calendar: event.calendar }).length === 0,
    extensionUnused: ({ context }) => !context.extensionUsed,
    wasDissatisfied: ({ context }) => context.satisfaction === 'dissatisfied',
    withinReviewWindow: ({ context, event }) => within(context.repliedAt, PETITION_LIMITS.reviewRequestDays, event.now, event.calendar),
    withinRecheckWindow: ({ context, event }) =>
      within(context.reviewDecidedAt, PETITION_LIMITS.recheckRequestDays, event.now, event.calendar),
    saysDissatisfied: ({ event }) => event.payload?.satisfaction === 'dissatisfied',
  },
  actions: {
    startDeadline: (_, _params: { kind: PetitionDeadlineKind; from: string; dueAt?: string }) => {},
    settleDeadlines: (_, _params: Omit<Settle, 'type'>) => {},
    extendDeadline: (_, _params: { kind: 'petition_reply'; dueAt: string }) => {},
  },
});

/** The reply due time the machine knows (null for hotlines: the API stores the policy's). */
const replyDue =
  (days: number) =>
  ({ context, event }: { context: PetitionContext; event: PetitionEvent }) =>
    limitDueAt(context, 'petition_reply', event.now, days, event.calendar) ?? null;

const nowIso = ({ event }: { event: PetitionEvent }) => event.now.toISOString();

const requestReview = {
  target: 'under_review',
  guard: and(['withinReviewWindow', 'hasNeeds']),
  actions: [petition.assign({ reviewRequestedAt: nowIso }), start('petition_review', PETITION_LIMITS.reviewDays)],
} as const;

export const petitionMachine = petition.createMachine({
  id: 'petition',
  initial: 'registered',
  context: ({ input }) => {
    const { state: _state, ...context } = openPetition(
      (input as NewPetition | undefined) ?? { channel: 'letter', grade: 'general', receivedAt: new Date(0) },
    ).snapshot;
    return context;
  },
  states: {
    registered: {
      description: '登记',
      on: {
        accept_petition: {
          target: 'accepted',
          guard: 'hasNeeds',
          actions: [
            petition.assign({ acceptedAt: nowIso, replyDueAt: replyDue(PETITION_LIMITS.replyDays) }),
            settle(['petition_accept']),
            start('petition_reply', PETITION_LIMITS.replyDays),
          ],
        },
        decline_petition: { target: 'declined', guard: 'hasNeeds', actions: settle(['petition_accept']) },
      },
    },
    accepted: {
      description: '已受理',
      on: {
        extend_reply: {
          target: 'accepted',
          guard: and(['extensionUnused', 'hasNeeds']),
          actions: [
            petition.assign({
              extensionUsed: true,
              replyDueAt: ({ event }) => petitionPeriodEnd(event.payload.newDueAt as string, 0, event.calendar).toISOString(),
            }),
            {
              type: 'extendDeadline',
              params: ({ context }) => ({ kind: 'petition_reply' as const, dueAt: context.replyDueAt as string }),
            },
          ],
        },
        reply: {
          target: 'replied',
          guard: 'hasNeeds',
          actions: [
            petition.assign({ replyCount: ({ context }) => context.replyCount + 1, repliedAt: nowIso, replyDueAt: null }),
            settle(['petition_reply']),
          ],
        },
        consult: { target: 'accepted', guard: and(['wasDissatisfied', 'hasNeeds']) },
      },
    },
    replied: {
      description: '已答复',
      on: {
        follow_up: [
          {
            // Dissatisfied: back for a new reply, on a new clock.
            guard: and(['hasNeeds', 'saysDissatisfied']),
            target: 'accepted',
            actions: [
              petition.assign({ satisfaction: 'dissatisfied' as Satisfaction, replyDueAt: replyDue(PETITION_LIMITS.reReplyDays) }),
              start('petition_reply', PETITION_LIMITS.reReplyDays),
            ],
          },
          {
            guard: and(['hasNeeds', not('saysDissatisfied')]),
            target: 'concluded',
            actions: petition.assign({ satisfaction: ({ event }) => event.payload.satisfaction as Satisfaction }),
          },
        ],
        request_review: requestReview,
      },
    },
    concluded: {
      description: '办结',
      // A satisfied petitioner keeps the right to 复查 within the window.
      on: { request_review: requestReview },
    },
    under_review: {
      description: '复查中',
      on: {
        decide_review: {
          target: 'reviewed',
          guard: 'hasNeeds',
          actions: [petition.assign({ reviewDecidedAt: nowIso }), settle(['petition_review'])],
        },
      },
    },
    reviewed: {
      description: '已复查',
      on: {
        request_recheck: {
          target: 'under_recheck',
          guard: and(['withinRecheckWindow', 'hasNeeds']),
          actions: [petition.assign({ recheckRequestedAt: nowIso }), start('petition_recheck', PETITION_LIMITS.recheckDays)],
        },
      },
    },
    under_recheck: {
      description: '复核中',
      on: {
        decide_recheck: {
          target: 'final',
          guard: 'hasNeeds',
          actions: [petition.assign({ recheckDecidedAt: nowIso }), settle(['petition_recheck'])],
        },
      },
    },
    declined: { description: '不予受理', type: 'final' },
    final: { description: '终结', type: 'final' },
  },
});
