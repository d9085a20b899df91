import { createHash } from 'node:crypto';

/** The prevHash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that the hash covers, in their stored form. */
export interface HashedEvent {
  caseId: string;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  actorUnitId: string | null;
  comment: string | null;
  payload: unknown;
  attachmentIds: string[];
  at: Date;
}

/** JSON with object keys sorted at every depth, so that jsonb's reordering does not change it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the event). */
export function eventHash(prevHash: string, e: HashedEvent): string {
  const body = canonicalJson({
    caseId: e.caseId,
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    actorUnitId: e.actorUnitId,
    comment: e.comment,
    payload: e.payload,
    attachmentIds: [...e.attachmentIds],
    at: e.at.toISOString(),
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  events: number;
  /** The first event whose link does not hold, with what was expected. */
  brokenAt?: { seq: number; reason: 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch'; expected: string; actual: string };
}

/** Recomputes a case's chain from its events ordered by seq and reports the first broken link. */
export function verifyChain(events: (HashedEvent & { prevHash: string; hash: string })[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return { ok: false, events: events.length, brokenAt: { seq: e.seq, reason: 'seq_gap', expected: String(i + 1), actual: String(e.seq) } };
    if (e.prevHash !== prev) return { ok: false, events: events.length, brokenAt: { seq: e.seq, reason: 'prev_hash_mismatch', expected: prev, actual: e.prevHash } };
    const expected = eventHash(prev, e);
    if (expected !== e.hash) return { ok: false, events: events.length, brokenAt: { seq: e.seq, reason: 'hash_mismatch', expected, actual: e.hash } };
    prev = e.hash;
  }
  return { ok: true, events: events.length };
}
