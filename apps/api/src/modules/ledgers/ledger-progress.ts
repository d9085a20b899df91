// How a ledger's progress is read from its cases (pure). An item is 销号 only when every case
// under it is closed; until then it is dispatched, rectifying or overdue.
import { parseDueAt, type CaseState } from '@ecoloop/workflow';
import type { ItemStatus } from './dto/ledger.dto.js';

export interface CaseFacts {
  state: CaseState;
  overdue: boolean;
  closedAt: Date | null;
}

const DISPATCHED: readonly CaseState[] = ['reported', 'pending_dispatch', 'assigned'];
const RECTIFYING: readonly CaseState[] = ['rectifying', 'pending_verification'];

/** The due time of an item's 整改时限 (the date at 17:30 Asia/Shanghai). */
export function itemDueAt(dueDate: string): Date {
  return parseDueAt(dueDate) ?? new Date(`${dueDate}T23:59:59+08:00`);
}

/** A case's place in the ledger's progress; rejected or merged cases count as neither. */
export function caseStatus(c: CaseFacts, dueAt: Date, now: Date): ItemStatus | 'other' {
  if (c.state === 'closed') return 'signed_off';
  const late = c.overdue || now.getTime() > dueAt.getTime();
  if (DISPATCHED.includes(c.state)) return late ? 'overdue' : 'dispatched';
  if (RECTIFYING.includes(c.state)) return late ? 'overdue' : 'rectifying';
  return 'other';
}

/** An item's status over some of its cases: signed off when all are closed, else the most urgent. */
export function itemStatus(statuses: (ItemStatus | 'other')[]): ItemStatus {
  if (statuses.length > 0 && statuses.every((s) => s === 'signed_off')) return 'signed_off';
  if (statuses.includes('overdue')) return 'overdue';
  if (statuses.includes('rectifying')) return 'rectifying';
  return 'dispatched';
}

/** Open past the deadline, or signed off after it. */
export function itemOverdue(cases: CaseFacts[], dueAt: Date, now: Date): boolean {
  return cases.some((c) =>
    c.state === 'closed' ? !!c.closedAt && new Date(c.closedAt).getTime() > dueAt.getTime() : c.overdue || now.getTime() > dueAt.getTime(),
  );
}

export interface Counts {
  cases: number;
  dispatched: number;
  rectifying: number;
  overdue: number;
  signedOff: number;
  items: number;
  itemsSignedOff: number;
}

export function emptyCounts(): Counts {
  return { cases: 0, dispatched: 0, rectifying: 0, overdue: 0, signedOff: 0, items: 0, itemsSignedOff: 0 };
}

export function countCase(counts: Counts, status: ItemStatus | 'other'): void {
  counts.cases++;
  if (status === 'dispatched') counts.dispatched++;
  else if (status === 'rectifying') counts.rectifying++;
  else if (status === 'overdue') counts.overdue++;
  else if (status === 'signed_off') counts.signedOff++;
}

/** The current period of a date in Asia/Shanghai, as quarters: 2026-Q4. */
export function quarterOf(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}
