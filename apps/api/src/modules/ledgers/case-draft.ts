// A case built in memory by driving the real machine (openCase, then decide), so that a whole
// import can be written with batched inserts instead of one round trip per case and event.
// The deadline bookkeeping mirrors CasesRepository.applyDeadlineEffects; the events are hashed
// into the same SHA-256 chain (event-hash.ts) when written.
import { randomUUID } from 'node:crypto';
import type { CaseSnapshot, DeadlineKind, DeadlineStatus, Effect } from '@ecoloop/workflow';
import type { PlannedDeadline } from '../deadlines/deadline-planner.service.js';
import type { NewEvent } from '../cases/cases.repository.js';

export interface DraftDeadline {
  id: string;
  kind: DeadlineKind;
  dueAt: Date;
  originalDueAt: Date;
  remindAt: Date | null;
  status: DeadlineStatus;
  level: string | null;
  settledAt: Date | null;
}

export interface CaseDraftFields {
  ledgerId: string;
  ledgerItemId: string;
  title: string;
  description: string;
  category: string;
  source: CaseSnapshot['source'];
  severity: CaseSnapshot['severity'];
  regionCode: string;
  regionPath: string;
  address: string | null;
  reporterId: string;
  createdAt: Date;
}

export class CaseDraft {
  readonly id = randomUUID();
  readonly events: NewEvent[] = [];
  readonly deadlines: DraftDeadline[] = [];
  closedAt: Date | null = null;
  updatedAt: Date;

  constructor(
    readonly fields: CaseDraftFields,
    public snapshot: CaseSnapshot,
  ) {
    this.updatedAt = fields.createdAt;
  }

  /** Records one step: the machine's next snapshot, its effects (with their planned deadlines) and the event. */
  record(next: CaseSnapshot, effects: Effect[], planned: PlannedDeadline[], event: NewEvent): void {
    let p = 0;
    const at = event.at;
    for (const e of effects) {
      switch (e.type) {
        case 'settle_deadlines':
          for (const d of this.unsettled()) {
            if (e.kinds !== 'all' && !e.kinds.includes(d.kind)) continue;
            if (d.status === 'pending') d.status = e.status;
            d.settledAt = at;
          }
          break;
        case 'start_deadline': {
          const plan = planned[p++];
          if (!plan) throw new Error(`no planned deadline for ${e.kind}`);
          for (const d of this.deadlines) {
            if (d.kind === plan.kind && d.status === 'pending') {
              d.status = 'cancelled';
              d.settledAt = at;
            }
          }
          this.deadlines.push({
            id: randomUUID(),
            kind: plan.kind,
            dueAt: plan.dueAt,
            originalDueAt: plan.dueAt,
            remindAt: plan.remindAt,
            status: 'pending',
            level: plan.level ?? null,
            settledAt: null,
          });
          break;
        }
        case 'extend_deadline': {
          const pending = this.deadlines.find((d) => d.kind === e.kind && d.status === 'pending');
          if (!pending) throw new Error('extending an overdue deadline is not supported in a draft');
          pending.dueAt = new Date(e.dueAt);
          pending.remindAt = null;
          break;
        }
        case 'closed':
          this.closedAt = at;
          for (const d of this.unsettled()) {
            if (d.kind === 'review') continue;
            if (d.status === 'pending') d.status = 'met';
            d.settledAt = at;
          }
          break;
        case 'reopened':
          this.closedAt = null;
          break;
      }
    }
    this.snapshot = next;
    this.events.push(event);
    this.updatedAt = at;
  }

  /** The list columns of `case` kept in step with the deadlines (as CasesRepository.refreshDeadlineSummary). */
  summary(): { dueAt: Date | null; deadlineKind: DeadlineKind | null; overdue: boolean } {
    const next = this.deadlines.filter((d) => d.status === 'pending').sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    return {
      dueAt: next?.dueAt ?? null,
      deadlineKind: next?.kind ?? null,
      overdue: this.deadlines.some((d) => d.status === 'overdue' && d.settledAt === null),
    };
  }

  /** Deadline ids a scheduler must wake up. */
  pendingDeadlineIds(): string[] {
    return this.deadlines.filter((d) => d.status === 'pending').map((d) => d.id);
  }

  private unsettled(): DraftDeadline[] {
    return this.deadlines.filter((d) => d.settledAt === null && (d.status === 'pending' || d.status === 'overdue'));
  }
}
