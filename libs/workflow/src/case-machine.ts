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
  TOWN_LEVELS,
  type AdminLevel,
  type CaseAction,
  type CaseLevel,
  type CaseSource,
  type DeadlineKind,
  type RegionLevel,
  type Severity,
} from './domain.js';
import { normaliseDueAt, payloadErrors } from './needs.js';

/** The machine's context: the case snapshot without its state (the state is the machine's). */
export type CaseContext = Omit<CaseSnapshot, 'state'>;

/** One event per action, carrying what decide() receives. */
export type ActionEvent = {
  [A in CaseAction]: { type: A; payload: ActionPayload; actorLevel: RegionLevel; now: Date; target?: MergeTarget };
}[CaseAction];

/**
 * Automatic supervision (督办) one level up, raised by the timers when a deadline is missed: the
 * system acts at the order's level (`actorLevel`) with the order's due time (`payload.dueAt`).
 */
export type AutoSuperviseEvent = { type: 'auto_supervise'; payload: ActionPayload; actorLevel: AdminLevel; now: Date; target?: undefined };

export type CaseEvent = ActionEvent | AutoSuperviseEvent;

export interface NewCase {
  severity: Severity;
  source: CaseSource;
  category: string;
  /** Level of the case's region; a case at or below a town is "found in the town" (DESIGN §11). */
  regionLevel?: RegionLevel;
}

type ChainFacts = { severity: Severity; source: CaseSource; regionLevel?: RegionLevel };

function isFoundInTown(c: ChainFacts): boolean {
  return c.regionLevel !== undefined && TOWN_LEVELS.includes(c.regionLevel);
}

/**
 * Sign-off chain (销号, DESIGN §11): major or central/provincial inspection → county, then city;
 * general found by a grid inspector in a town → the town; other general → the county.
 */
export function signoffChainFor(c: ChainFacts): CaseLevel[] {
  if (c.severity === 'major' || INSPECTION_SOURCES.includes(c.source)) return ['county', 'city'];
  return c.source === 'grid_patrol' && isFoundInTown(c) ? ['town'] : ['county'];
}

/**
 * The level whose sign-off is now due (销号): the current step of the chain while the case waits for
 * verification, otherwise none. CASL's `currentSignoffLevel` and the sign-off guard both read it.
 */
export function currentSignoffLevel(c: Pick<CaseSnapshot, 'state' | 'signoffSteps' | 'signoffIndex'>): CaseLevel | null {
  return c.state === 'pending_verification' ? (c.signoffSteps[c.signoffIndex] ?? null) : null;
}

/** currentSignoffLevel() in SQL over a `case` row aliased `alias`. */
export function currentSignoffLevelSql(alias = 'c'): string {
  return `(CASE WHEN ${alias}.state = 'pending_verification' THEN ${alias}.signoff_steps[${alias}.signoff_index + 1] END)`;
}

/** Who dispatches a new case: the town for general (non-inspection) cases found in it, else the county. */
export function initialOwnerLevel(c: ChainFacts): CaseLevel {
  return c.severity === 'general' && !INSPECTION_SOURCES.includes(c.source) && isFoundInTown(c) ? 'town' : 'county';
}

/** Follow-up review (回头看) is scheduled on closure for major and inspection cases. */
export function needsFollowUpReview(c: { severity: Severity; source: CaseSource }): boolean {
  return c.severity === 'major' || INSPECTION_SOURCES.includes(c.source);
}

/** A new case: reported, owned by the town or the county, sign-off chain from severity, source and place. */
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
    ownerLevel: initialOwnerLevel(input),
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
  'closedByTown',
  'actorAtCounty',
] as const;
export type CaseCondition = (typeof CASE_CONDITIONS)[number];

/** Conditions that depend on who acts; possibleActions() without an actor ignores them. */
export const ACTOR_CONDITIONS: readonly CaseCondition[] = ['actorOwnsDispatch', 'actorAtSignoffLevel', 'actorAtAdminLevel', 'actorAtCounty'];

const loop = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as NewCase,
  },
  guards: {
    /** The "needs" column: the payload carries what the action requires. */
    hasNeeds: ({ context, event }) =>
      payloadErrors(event.type as CaseAction, { payload: event.payload ?? {}, now: event.now, target: event.target, current: context })
        .length === 0,
    /** resolve_on_spot is for general cases only. */
    isGeneral: ({ context }) => context.severity === 'general',
    /** escalate: there is a level above the owner (town → county → city → province; refused at province). */
    ownerBelowProvince: ({ context, event }) => context.ownerLevel !== 'province' && event.actorLevel !== 'province',
    /** Dispatching is done by the owning level (or above): after escalation the county no longer dispatches. */
    actorOwnsDispatch: ({ context, event }) => !isHigherLevel(context.ownerLevel, event.actorLevel),
    noPendingExtension: ({ context }) => context.pendingExtension === null,
    hasPendingExtension: ({ context }) => context.pendingExtension !== null,
    /** approve / reject_completion: the actor is at the level of the sign-off step now due. */
    actorAtSignoffLevel: ({ context, event }) => event.actorLevel === currentSignoffLevel({ ...context, state: 'pending_verification' }),
    /** supervise: orders (督办) are issued by a county, city or province. */
    actorAtAdminLevel: ({ event }) => isAdminLevel(event.actorLevel),
    /** spot_check: the last sign-off was the town's (a county spot check has not followed it yet). */
    closedByTown: ({ context }) => context.signoffSteps[context.signoffSteps.length - 1] === 'town',
    /** spot_check: the county checks its towns' closures. */
    actorAtCounty: ({ event }) => event.actorLevel === 'county',
    /** decide_extension grants the extension, spot_check passes: `approve: true`. */
    grantsExtension: ({ event }) => event.payload?.approve === true,
    isLastSignoffStep: ({ context }) => context.signoffIndex >= context.signoffSteps.length - 1,
    needsFollowUpReview: ({ context }) => needsFollowUpReview(context),
  },
  actions: {
    // Effects, performed by the API (see Effect). Their params are the effect's fields.
    startDeadline: (_, _params: { kind: DeadlineKind; dueAt?: string; level?: AdminLevel }) => {},
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
            // One level above whoever passes it up: a county escalating a town's case hands it to the city.
            loop.assign({
              ownerLevel: ({ context, event }) =>
                levelAbove(isHigherLevel(event.actorLevel, context.ownerLevel) ? event.actorLevel : context.ownerLevel) as CaseLevel,
            }),
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
        transfer_enforcement: { target: 'closed', guard: 'hasNeeds' },
        // County spot check (抽查) of a town's closure (DESIGN §11). Either way the county joins the
        // chain: a pass records its sign-off, a relapse is signed off by the town, then the county.
        spot_check: [
          {
            guard: and(['closedByTown', 'actorAtCounty', 'hasNeeds', 'grantsExtension']),
            target: 'closed',
            actions: loop.assign({
              signoffSteps: ({ context }) => [...context.signoffSteps, 'county' as const],
              signoffIndex: ({ context }) => context.signoffSteps.length,
            }),
          },
          {
            guard: and(['closedByTown', 'actorAtCounty', 'hasNeeds']),
            target: 'rectifying',
            actions: [
              loop.assign({
                reopenCount: ({ context }) => context.reopenCount + 1,
                signoffSteps: ({ context }) => [...context.signoffSteps, 'county' as const],
                signoffIndex: 0,
              }),
              start('rectify'),
              { type: 'markReopened' },
            ],
          },
        ],
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
    /** 移交执法: recorded on the case (and in its own table by the API); the case stays where it is. */
    transfer_enforcement: { target: self, guard: 'hasNeeds' },
    // A leader's instruction (批示) and taking the case personally (包案): recorded, the state stays.
    instruct: { target: self, guard: 'hasNeeds' },
    take_charge: { target: self, guard: 'hasNeeds' },
    // The system's order: no guard about the actor (the timers decide the level), same bookkeeping.
    auto_supervise: {
      target: self,
      actions: [
        loop.assign({
          supervisionLevel: ({ context, event }) =>
            context.supervisionLevel === null || isHigherLevel(event.actorLevel, context.supervisionLevel) ? (event.actorLevel as AdminLevel) : context.supervisionLevel,
        }),
        cancelled('supervision'),
        {
          type: 'startDeadline',
          params: ({ event }: { event: CaseEvent }) => ({
            kind: 'supervision' as const,
            dueAt: event.payload.dueAt as string,
            level: event.actorLevel as AdminLevel,
          }),
        },
      ],
    },
  } as const;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
