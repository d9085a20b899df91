// The loop (DESIGN §4) as one XState v5 machine. Read it against the table: one state per row
// group, one transition per row; the "needs" column is the `hasNeeds` guard (see needs.ts), the
// other guards are rules about the case or the actor. Actions are the effects the API performs
// in the same transaction (see Effect in case-types.ts); they do nothing inside the machine.
//
// The machine is pure and never kept alive: rehydrate with `caseMachine.resolveState(...)`, ask it
// with `transition(...)` (see decide.ts), persist the result.
import { and, setup } from 'xstate';
import type { ActionPayload, CaseSnapshot, MergeTarget } from './case-types.js';
import {
  ADMIN_LEVELS,
  INSPECTION_SOURCES,
  isHigherLevel,
  levelAbove,
  type AdminLevel,
  type CaseAction,
  type CaseSource,
  type DeadlineKind,
  type RegionLevel,
  type Severity,
} from './domain.js';
import { normaliseDueAt, payloadErrors } from './needs.js';

/** The machine's context: the case snapshot without its state (the state is the machine's). */
export type CaseContext = Omit<CaseSnapshot, 'state'>;

/** One event per action, carrying what decide() receives. */
export type CaseEvent = {
  [A in CaseAction]: { type: A; payload: ActionPayload; actorLevel: RegionLevel; now: Date; target?: MergeTarget };
}[CaseAction];

export interface NewCase {
  severity: Severity;
  source: CaseSource;
  category: string;
}

/** Sign-off chain (销号): general → county; major or central/provincial inspection → county, then city. */
export function signoffChainFor(c: { severity: Severity; source: CaseSource }): AdminLevel[] {
  return c.severity === 'major' || INSPECTION_SOURCES.includes(c.source) ? ['county', 'city'] : ['county'];
}

/** Follow-up review (回头看) is scheduled on closure for major and inspection cases. */
export function needsFollowUpReview(c: { severity: Severity; source: CaseSource }): boolean {
  return c.severity === 'major' || INSPECTION_SOURCES.includes(c.source);
}

/** A new case: reported, owned by the county, sign-off chain from severity and source. */
export function initialSnapshot(input: NewCase): CaseSnapshot {
  return {
    state: 'reported',
    severity: input.severity,
    source: input.source,
    category: input.category,
    signoffSteps: signoffChainFor(input),
    signoffIndex: 0,
    reworkCount: 0,
    reopenCount: 0,
    ownerLevel: 'county',
    supervisionLevel: null,
    leadUnitId: null,
    coUnitIds: [],
    pendingExtension: null,
  };
}

function isAdminLevel(level: RegionLevel): level is AdminLevel {
  return (ADMIN_LEVELS as readonly RegionLevel[]).includes(level);
}

const PLACEHOLDER_CASE: NewCase = { severity: 'general', source: 'grid_patrol', category: 'other' };

type Settle = { kinds: DeadlineKind[] | 'all'; status: 'met' | 'cancelled' };

// Effect shorthands, so that each transition reads like its table row.
const start = (kind: DeadlineKind) => ({ type: 'startDeadline', params: { kind } }) as const;
const settle = (kinds: Settle['kinds'], status: Settle['status']) =>
  ({ type: 'settleDeadlines', params: { kinds, status } }) as const;
const met = (...kinds: DeadlineKind[]) => settle(kinds, 'met');
const cancelled = (...kinds: DeadlineKind[]) => settle(kinds, 'cancelled');

/** Rules about the case or the actor (not the payload) that can refuse an action. */
export const CASE_CONDITIONS = [
  'isGeneral',
  'ownerBelowProvince',
  'actorOwnsDispatch',
  'noPendingExtension',
  'hasPendingExtension',
  'actorAtSignoffLevel',
  'actorAtAdminLevel',
] as const;
export type CaseCondition = (typeof CASE_CONDITIONS)[number];

/** Conditions that depend on who acts; possibleActions() without an actor ignores them. */
export const ACTOR_CONDITIONS: readonly CaseCondition[] = ['actorOwnsDispatch', 'actorAtSignoffLevel', 'actorAtAdminLevel'];

const loop = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as NewCase,
  },
  guards: {
    /** The "needs" column: the payload carries what the action requires. */
    hasNeeds: ({ context, event }) =>
      payloadErrors(event.type, { payload: event.payload ?? {}, now: event.now, target: event.target, current: context })
        .length === 0,
    /** resolve_on_spot is for general cases only. */
    isGeneral: ({ context }) => context.severity === 'general',
    /** escalate: there is a level above the owner (county → city → province; refused at province). */
    ownerBelowProvince: ({ context }) => context.ownerLevel !== 'province',
    /** Dispatching is done by the owning level (or above): after escalation the county no longer dispatches. */
    actorOwnsDispatch: ({ context, event }) => !isHigherLevel(context.ownerLevel, event.actorLevel),
    noPendingExtension: ({ context }) => context.pendingExtension === null,
    hasPendingExtension: ({ context }) => context.pendingExtension !== null,
    /** approve / reject_completion: the actor is at the level of the sign-off step now due. */
    actorAtSignoffLevel: ({ context, event }) => event.actorLevel === context.signoffSteps[context.signoffIndex],
    /** supervise: orders (督办) are issued by a county, city or province. */
    actorAtAdminLevel: ({ event }) => isAdminLevel(event.actorLevel),
    /** decide_extension: the dispatcher grants the extension (approve: true). */
    grantsExtension: ({ event }) => event.payload?.approve === true,
    isLastSignoffStep: ({ context }) => context.signoffIndex >= context.signoffSteps.length - 1,
    needsFollowUpReview: ({ context }) => needsFollowUpReview(context),
  },
  actions: {
    // Effects, performed by the API (see Effect). Their params are the effect's fields.
    startDeadline: (_, _params: { kind: DeadlineKind; dueAt?: string }) => {},
    settleDeadlines: (_, _params: Settle) => {},
    extendDeadline: (_, _params: { kind: 'rectify'; dueAt: string }) => {},
    markClosed: () => {},
    markReopened: () => {},
  },
});

export const caseMachine = loop.createMachine({
  id: 'case',
  initial: 'reported',
  // xstate's pure transition() builds a throw-away actor without input; give it a plain general
  // case rather than throwing (which is slow and meaningless there). Real cases pass their input.
  context: ({ input }) => {
    const { state: _state, ...context } = initialSnapshot(input ?? PLACEHOLDER_CASE);
    return context;
  },
  states: {
    reported: {
      description: '待受理',
      entry: start('dispatch'),
      on: {
        accept: { target: 'pending_dispatch', guard: and(['actorOwnsDispatch', 'hasNeeds']) },
        dispatch: dispatchTransition(),
        reject: rejectTransition(),
        merge: mergeTransition(),
        resolve_on_spot: {
          target: 'pending_verification',
          guard: and(['isGeneral', 'hasNeeds']),
          actions: [loop.assign({ signoffIndex: 0 }), cancelled('dispatch'), start('verify')],
        },
        ...onAnyOpenState('reported'),
      },
    },
    pending_dispatch: {
      description: '待交办',
      on: {
        dispatch: dispatchTransition(),
        reject: rejectTransition(),
        merge: mergeTransition(),
        escalate: {
          target: 'pending_dispatch',
          guard: and(['ownerBelowProvince', 'actorOwnsDispatch', 'hasNeeds']),
          actions: [
            loop.assign({ ownerLevel: ({ context }) => levelAbove(context.ownerLevel) as AdminLevel }),
            cancelled('dispatch'),
            start('dispatch'),
          ],
        },
        ...onAnyOpenState('pending_dispatch'),
      },
    },
    assigned: {
      description: '待签收',
      on: {
        sign_for: { target: 'rectifying', guard: 'hasNeeds', actions: met('sign_for') },
        return: {
          target: 'pending_dispatch',
          guard: 'hasNeeds',
          actions: [
            loop.assign({ leadUnitId: null, coUnitIds: [], pendingExtension: null }),
            cancelled('sign_for', 'rectify'),
            start('dispatch'),
          ],
        },
        reassign: reassignTransition(),
        ...onAnyOpenState('assigned'),
      },
    },
    rectifying: {
      description: '整改中',
      on: {
        reassign: reassignTransition(),
        report_progress: { target: 'rectifying', guard: 'hasNeeds' },
        request_extension: {
          target: 'rectifying',
          guard: and(['noPendingExtension', 'hasNeeds']),
          actions: loop.assign({
            pendingExtension: ({ event }) => ({
              newDueAt: normaliseDueAt(event.payload.newDueAt as string),
              reason: (event.payload.reason as string).trim(),
            }),
          }),
        },
        decide_extension: [
          {
            guard: and(['actorOwnsDispatch', 'hasPendingExtension', 'hasNeeds', 'grantsExtension']),
            target: 'rectifying',
            actions: [
              {
                type: 'extendDeadline',
                params: ({ context }) => ({ kind: 'rectify' as const, dueAt: context.pendingExtension!.newDueAt }),
              },
              loop.assign({ pendingExtension: null }),
            ],
          },
          {
            guard: and(['actorOwnsDispatch', 'hasPendingExtension', 'hasNeeds']),
            target: 'rectifying',
            actions: loop.assign({ pendingExtension: null }),
          },
        ],
        submit_completion: {
          target: 'pending_verification',
          guard: 'hasNeeds',
          actions: [loop.assign({ signoffIndex: 0, pendingExtension: null }), met('rectify'), start('verify')],
        },
        ...onAnyOpenState('rectifying'),
      },
    },
    pending_verification: {
      description: '待核查',
      on: {
        approve: [
          {
            guard: and(['actorAtSignoffLevel', 'hasNeeds', 'isLastSignoffStep', 'needsFollowUpReview']),
            target: 'closed',
            actions: [met('verify'), met('supervision'), { type: 'markClosed' }, start('review')],
          },
          {
            guard: and(['actorAtSignoffLevel', 'hasNeeds', 'isLastSignoffStep']),
            target: 'closed',
            actions: [met('verify'), met('supervision'), { type: 'markClosed' }],
          },
          {
            guard: and(['actorAtSignoffLevel', 'hasNeeds']),
            target: 'pending_verification',
            actions: [loop.assign({ signoffIndex: ({ context }) => context.signoffIndex + 1 }), met('verify'), start('verify')],
          },
        ],
        reject_completion: {
          target: 'rectifying',
          guard: and(['actorAtSignoffLevel', 'hasNeeds']),
          actions: [
            loop.assign({ reworkCount: ({ context }) => context.reworkCount + 1, signoffIndex: 0 }),
            met('verify'),
            start('rectify'),
          ],
        },
        ...onAnyOpenState('pending_verification'),
      },
    },
    closed: {
      description: '已销号',
      on: {
        review_pass: { target: 'closed', guard: 'hasNeeds', actions: met('review') },
        review_fail: {
          target: 'rectifying',
          guard: 'hasNeeds',
          actions: [
            loop.assign({ reopenCount: ({ context }) => context.reopenCount + 1, signoffIndex: 0 }),
            met('review'),
            start('rectify'),
            { type: 'markReopened' },
          ],
        },
      },
    },
    rejected: { description: '不予受理', type: 'final' },
    merged: { description: '已合并', type: 'final' },
  },
});

// Rows shared by several states. Plain functions (hoisted) so each state can spread them.

function dispatchTransition() {
  return {
    target: 'assigned',
    guard: and(['actorOwnsDispatch', 'hasNeeds']),
    actions: [
      loop.assign({
        leadUnitId: ({ event }) => event.payload.leadUnitId as string,
        coUnitIds: ({ event }) => unique(event.payload.coUnitIds ?? []),
      }),
      met('dispatch'),
      start('sign_for'),
      {
        type: 'startDeadline',
        params: ({ event }: { event: CaseEvent }) =>
          event.payload.dueAt
            ? { kind: 'rectify' as const, dueAt: normaliseDueAt(event.payload.dueAt) }
            : { kind: 'rectify' as const },
      },
    ],
  } as const;
}

function rejectTransition() {
  return { target: 'rejected', guard: and(['actorOwnsDispatch', 'hasNeeds']), actions: settle('all', 'cancelled') } as const;
}

function mergeTransition() {
  return { target: 'merged', guard: and(['actorOwnsDispatch', 'hasNeeds']), actions: settle('all', 'cancelled') } as const;
}

function reassignTransition() {
  return {
    target: 'assigned',
    guard: and(['actorOwnsDispatch', 'hasNeeds']),
    actions: [
      loop.assign({
        leadUnitId: ({ event }) => event.payload.leadUnitId as string,
        // New co-units when given; otherwise the current ones, without the new lead unit.
        coUnitIds: ({ context, event }) =>
          unique(event.payload.coUnitIds ?? context.coUnitIds).filter((id) => id !== event.payload.leadUnitId),
        // An extension asked for by the previous unit lapses with the reassignment.
        pendingExtension: null,
      }),
      cancelled('sign_for'),
      start('sign_for'),
    ],
  } as const;
}

/** "any open state | supervise / remind": stay in `self`. */
function onAnyOpenState<S extends string>(self: S) {
  return {
    supervise: {
      target: self,
      guard: and(['actorAtAdminLevel', 'hasNeeds']),
      actions: [
        loop.assign({
          supervisionLevel: ({ context, event }) =>
            isAdminLevel(event.actorLevel) &&
            (context.supervisionLevel === null || isHigherLevel(event.actorLevel, context.supervisionLevel))
              ? event.actorLevel
              : context.supervisionLevel,
        }),
        // One pending supervision deadline per case: a new order supersedes the previous one.
        cancelled('supervision'),
        {
          type: 'startDeadline',
          params: ({ event }: { event: CaseEvent }) => ({
            kind: 'supervision' as const,
            dueAt: normaliseDueAt(event.payload.dueAt as string),
          }),
        },
      ],
    },
    remind: { target: self, guard: 'hasNeeds' },
  } as const;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
