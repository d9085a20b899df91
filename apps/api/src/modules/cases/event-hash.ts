import { hash } from 'node:crypto';

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

/** The event's fields in canonical (sorted) key order. */
const EVENT_KEYS = ['action', 'actorId', 'actorName', 'actorRole', 'actorUnitId', 'at', 'attachmentIds', 'caseId', 'comment', 'fromState', 'payload', 'seq', 'toState'] as const;
const EVENT_KEY_JSON = EVENT_KEYS.map((k) => `${JSON.stringify(k)}:`);

/**
 * hash = SHA-256(prevHash ‖ canonical JSON of the event), the event's fields with `at` as ISO text.
 * The top level is written in its known key order rather than sorted on every event (every case
 * write hashes its events); the result is canonicalJson's, byte for byte (event-hash.spec).
 */
export function eventHash(prevHash: string, e: HashedEvent): string {
  let body = '{';
  for (let i = 0; i < EVENT_KEYS.length; i++) {
    const key = EVENT_KEYS[i];
    const value = key === 'at' ? e.at.toISOString() : e[key];
    if (value === undefined) continue;
    body += `${body.length > 1 ? ',' : ''}${EVENT_KEY_JSON[i]}${canonicalJson(value)}`;
  }
  return hash('sha256', `${prevHash}${body}}`);
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
