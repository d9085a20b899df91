import type { DeadlineKind } from '@ecoloop/workflow';

/** A deadline that was missed: overdue and still running, or settled late. */
export interface MissedDeadline {
  kind: DeadlineKind;
  dueAt: Date;
  settledAt: Date | null;
  status: string;
}

const MISSED = new Set(['late', 'overdue']);

const running = (d: MissedDeadline) => d.status === 'overdue' && d.settledAt === null;

/**
 * What the case's `overdue` flag is about: the still-running overdue deadline due last, else the
 * missed (late, or overdue and since settled) deadline due last; null when none was missed.
 */
export function latestMissed<T extends MissedDeadline>(deadlines: T[]): T | null {
  let found: T | null = null;
  for (const d of deadlines) {
    if (!MISSED.has(d.status)) continue;
    if (!found || (running(d) && !running(found)) || (running(d) === running(found) && d.dueAt > found.dueAt)) found = d;
  }
  return found;
}

export function toMissedDto(d: MissedDeadline | null): { kind: DeadlineKind; dueAt: string; settledAt: string | null; status: string } | null {
  return d ? { kind: d.kind, dueAt: new Date(d.dueAt).toISOString(), settledAt: d.settledAt ? new Date(d.settledAt).toISOString() : null, status: d.status } : null;
}
