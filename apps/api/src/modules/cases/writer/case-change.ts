// What one write does to one case, worked out in memory before anything is sent: the machine's
// next snapshot and effects applied to the case's deadline rows, its events hash-chained from the
// head the case was read with, and the attachments they bind. CaseWriter persists many of these in
// one statement. Pure: no I/O, so every caller (actions, creates, ledger imports, timers) builds
// its changes the same way.
import { randomUUID } from 'node:crypto';
import { PETITION_DEADLINE_KINDS, type AdminLevel, type CaseSnapshot, type DeadlineKind, type DeadlineStatus, type Effect } from '@ecoloop/workflow';
import type { PlannedDeadline } from '../../deadlines/deadline-planner.service.js';
import type { CaseRow } from '../case-row.js';
import { eventHash, GENESIS_HASH, type HashedEvent } from '../event-hash.js';

/** An event before it joins its case's chain (which gives it caseId, seq and the hashes). */
export type NewEvent = Omit<HashedEvent, 'caseId' | 'seq' | 'payload'> & { payload: Record<string, unknown> };

/** An event with its place in the chain. */
export interface ChainedEvent extends HashedEvent {
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface DeadlineRow {
  id: string;
  kind: DeadlineKind;
  dueAt: Date;
  originalDueAt: Date;
  remindAt: Date | null;
  status: DeadlineStatus;
  level: AdminLevel | null;
  remindedAt: Date | null;
  settledAt: Date | null;
}

/** The columns of a new case that the machine does not decide. */
export type NewCaseFields = Pick<
  CaseRow,
  | 'title' | 'description' | 'category' | 'source' | 'severity' | 'regionCode' | 'regionPath' | 'lat' | 'lng' | 'address'
  | 'enterpriseCreditCode' | 'reporterId' | 'reporterName' | 'reporterPhone' | 'ledgerId' | 'ledgerItemId' | 'createdAt'
>;

/** A stored case as a writer needs it: the optimistic-lock facts, the snapshot and its deadlines. */
export interface CaseHead {
  id: string;
  version: number;
  lastSeq: number;
  lastHash: string;
  snapshot: CaseSnapshot;
  closedAt: Date | null;
  duplicateOfId: string | null;
  /** 包案 (DESIGN §13); absent for heads read by writers that never change it. */
  takenById?: string | null;
  /** Every deadline row of the case (settled ones are carried along untouched). */
  deadlines: DeadlineRow[];
}

export interface AttachmentBinding {
  ids: string[];
  seq: number;
  /** The uploader every file must belong to (null: public intake, any unbound upload). */
  uploadedBy: string | null;
}

/** The petition's clocks (DESIGN §9) are settled only by the petition machine, never by the loop. */
function isPetitionClock(kind: DeadlineKind): boolean {
  return (PETITION_DEADLINE_KINDS as readonly string[]).includes(kind);
}

export class CaseChange {
  readonly id: string;
  readonly fields: NewCaseFields | null;
  /** For an existing case: the version and chain head it was read with (the compare-and-set). */
  readonly expected: { version: number; lastSeq: number } | null;
  snapshot: CaseSnapshot;
  closedAt: Date | null;
  duplicateOfId: string | null;
  /** 包案: the leader who took the case personally; undefined: left as stored. */
  takenById: string | null | undefined;
  updatedAt: Date | null = null;
  readonly events: ChainedEvent[] = [];
  readonly attachments: AttachmentBinding[] = [];
  /** False for writes that change no fact a client holds (reminders): the version stays. */
  bumpsVersion = false;
  private readonly rows: DeadlineRow[];
  private readonly touched = new Set<string>();
  private readonly added = new Set<string>();
  private head: { seq: number; hash: string };

  private constructor(init: { id: string; fields: NewCaseFields | null; head: CaseHead | null; snapshot: CaseSnapshot }) {
    this.id = init.id;
    this.fields = init.fields;
    this.snapshot = init.snapshot;
    this.expected = init.head && { version: init.head.version, lastSeq: init.head.lastSeq };
    this.closedAt = init.head?.closedAt ?? null;
    this.duplicateOfId = init.head?.duplicateOfId ?? null;
    this.takenById = init.head ? init.head.takenById : null;
    this.rows = (init.head?.deadlines ?? []).map((d) => ({ ...d }));
    this.head = init.head ? { seq: init.head.lastSeq, hash: init.head.lastHash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** A case that does not exist yet; `snapshot` is the machine's initial one. */
  static create(fields: NewCaseFields, snapshot: CaseSnapshot, id: string = randomUUID()): CaseChange {
    return new CaseChange({ id, fields, head: null, snapshot });
  }

  /** A change to a stored case. */
  static of(head: CaseHead): CaseChange {
    return new CaseChange({ id: head.id, fields: null, head, snapshot: head.snapshot });
  }

  get isNew(): boolean {
    return this.fields !== null;
  }

  /** The version the case has once this change is written. */
  get nextVersion(): number {
    if (!this.expected) return Math.max(1, this.events.length);
    return this.expected.version + (this.bumpsVersion ? 1 : 0);
  }

  get lastSeq(): number {
    return this.head.seq;
  }

  get lastHash(): string {
    return this.head.hash;
  }

  /**
   * One step: the machine's next snapshot and effects (with the deadlines planned for every
   * start_deadline / extend_deadline, in order) and its event. Returns the event's seq.
   */
  record(next: CaseSnapshot, effects: Effect[], planned: PlannedDeadline[], event: NewEvent, bind?: { attachmentIds: string[]; uploadedBy: string | null }): number {
    let p = 0;
    const at = event.at;
    for (const e of effects) {
      switch (e.type) {
        case 'settle_deadlines':
          // 'all' means the loop's clocks: the petition clocks run on their own (DESIGN §9).
          for (const d of this.unsettled()) if (e.kinds === 'all' ? !isPetitionClock(d.kind) : e.kinds.includes(d.kind)) this.settle(d, e.status, at);
          break;
        case 'start_deadline': {
          const plan = planned[p++];
          if (!plan) throw new Error(`no planned deadline for ${e.kind}`);
          this.start(plan, e.level ?? plan.level ?? null, at);
          break;
        }
        case 'extend_deadline': {
          const plan = planned[p++];
          if (!plan) throw new Error(`no planned deadline for the extension of ${e.kind}`);
          this.extend(e.kind, plan, at);
          break;
        }
        case 'closed':
          this.closedAt = at;
          // A closed case owes nothing more but its follow-up review (and a petition's own clocks).
          for (const d of this.unsettled()) if (d.kind !== 'review' && !isPetitionClock(d.kind)) this.settle(d, 'met', at);
          break;
        case 'reopened':
          this.closedAt = null;
          break;
        case 'mark_overdue':
          this.update(e.deadlineId, (d) => {
            if (d.status === 'pending') d.status = 'overdue';
          });
          break;
        case 'mark_reminded':
          this.update(e.deadlineId, (d) => {
            d.remindedAt = at;
          });
          break;
      }
    }
    this.snapshot = next;
    // Every step changes what a client holds, except a reminder sent.
    if (!(effects.length > 0 && effects.every((e) => e.type === 'mark_reminded'))) this.bumpsVersion = true;
    return this.append(event, bind);
  }

  /** An event that changes nothing else (a note on the timeline). */
  note(event: NewEvent): number {
    return this.append(event);
  }

  /** The list columns of `case` kept in step with the deadline rows. */
  summary(): { dueAt: Date | null; deadlineKind: DeadlineKind | null; overdue: boolean } {
    const next = this.rows.filter((d) => d.status === 'pending').sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    return {
      dueAt: next?.dueAt ?? null,
      deadlineKind: next?.kind ?? null,
      overdue: this.rows.some((d) => d.status === 'overdue' && d.settledAt === null),
    };
  }

  /** Every deadline row after the change. */
  deadlines(): readonly DeadlineRow[] {
    return this.rows;
  }

  /** Rows to insert, and stored rows to update. */
  deadlineWrites(): { inserts: DeadlineRow[]; updates: DeadlineRow[] } {
    return {
      inserts: this.rows.filter((d) => this.added.has(d.id)),
      updates: this.rows.filter((d) => this.touched.has(d.id) && !this.added.has(d.id)),
    };
  }

  /** Pending deadlines this change started or moved: their timers must be (re)scheduled. */
  scheduleIds(): string[] {
    return this.rows.filter((d) => d.status === 'pending' && (this.added.has(d.id) || this.touched.has(d.id))).map((d) => d.id);
  }

  private append(event: NewEvent, bind?: { attachmentIds: string[]; uploadedBy: string | null }): number {
    const seq = this.head.seq + 1;
    const chained: ChainedEvent = { ...event, caseId: this.id, seq, prevHash: this.head.hash, hash: '' };
    chained.hash = eventHash(this.head.hash, chained);
    this.events.push(chained);
    this.head = { seq, hash: chained.hash };
    this.updatedAt = event.at;
    if (bind && bind.attachmentIds.length) this.attachments.push({ ids: [...new Set(bind.attachmentIds)], seq, uploadedBy: bind.uploadedBy });
    return seq;
  }

  private unsettled(): DeadlineRow[] {
    return this.rows.filter((d) => d.settledAt === null && (d.status === 'pending' || d.status === 'overdue'));
  }

  /** Pending rows get the status (met after the due time is late); overdue rows stay overdue but are settled. */
  private settle(d: DeadlineRow, status: 'met' | 'cancelled', at: Date): void {
    if (d.status === 'pending') d.status = status === 'met' && at.getTime() > d.dueAt.getTime() ? 'late' : status;
    d.settledAt = at;
    this.touched.add(d.id);
  }

  /** A new deadline of a kind supersedes a pending one (one pending per case and kind). */
  private start(plan: PlannedDeadline, level: AdminLevel | null, at: Date): void {
    for (const d of this.rows) {
      if (d.kind === plan.kind && d.status === 'pending') {
        d.status = 'cancelled';
        d.settledAt = at;
        this.touched.add(d.id);
      }
    }
    this.insert({ id: plan.id, kind: plan.kind, dueAt: plan.dueAt, originalDueAt: plan.dueAt, remindAt: plan.remindAt, level });
  }

  /**
   * An approved extension moves the pending due time (and its reminder) and keeps the original on
   * record; an already overdue one is settled (it was late) and a new row remembers the original.
   */
  private extend(kind: DeadlineKind, plan: PlannedDeadline, at: Date): void {
    const pending = this.rows.find((d) => d.kind === kind && d.status === 'pending');
    if (pending) {
      pending.dueAt = plan.dueAt;
      pending.remindAt = plan.remindAt;
      pending.remindedAt = null;
      this.touched.add(pending.id);
      return;
    }
    const late = this.rows.find((d) => d.kind === kind && d.status === 'overdue' && d.settledAt === null);
    if (late) {
      late.settledAt = at;
      this.touched.add(late.id);
    }
    this.insert({ kind, dueAt: plan.dueAt, originalDueAt: late?.originalDueAt ?? plan.dueAt, remindAt: plan.remindAt, level: null });
  }

  private insert({ id, ...d }: Pick<DeadlineRow, 'kind' | 'dueAt' | 'originalDueAt' | 'remindAt' | 'level'> & { id?: string }): void {
    const row: DeadlineRow = { id: id ?? randomUUID(), ...d, status: 'pending', remindedAt: null, settledAt: null };
    this.rows.push(row);
    this.added.add(row.id);
  }

  private update(id: string, change: (d: DeadlineRow) => void): void {
    const d = this.rows.find((r) => r.id === id);
    if (!d) throw new Error(`deadline ${id} is not a deadline of case ${this.id}`);
    change(d);
    this.touched.add(id);
  }
}
