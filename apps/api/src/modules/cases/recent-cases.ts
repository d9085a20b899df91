import { Injectable } from '@nestjs/common';
import type { CaseDetailRow } from './cases.repository.js';

/** Cases remembered per API process; the one remembered longest ago goes first. */
const CAPACITY = 5_000;
/** A remembered case is not used after this long (joined names such as the lead unit's may have changed). */
const TTL_MS = 60_000;

/**
 * The cases this API process last read or wrote, so that an action on a case it has just shown or
 * changed need not read it again (DESIGN §14: a case action is one write statement).
 *
 * Nothing here is trusted: a remembered case is used only when the caller names its version
 * (`expectedVersion`), and the write's compare-and-set on version and chain head then proves that
 * it is still the stored one. A case changed meanwhile by another process, a timer or a ledger
 * makes that write fail; the action then forgets the case and reads it again, and so does a refusal
 * (403, 422) reached on a remembered case. Whoever acts must still be allowed to read the remembered
 * case (checked in memory, by the same rules as the SQL scope).
 */
@Injectable()
export class RecentCases {
  private readonly rows = new Map<string, { row: CaseDetailRow; until: number }>();

  /** The remembered case if it is at `version` and fresh enough, else undefined. */
  at(id: string, version: number, now = Date.now()): CaseDetailRow | undefined {
    const seen = this.rows.get(id);
    if (!seen) return undefined;
    if (seen.until <= now) {
      this.rows.delete(id);
      return undefined;
    }
    return seen.row.version === version ? seen.row : undefined;
  }

  remember(row: CaseDetailRow, now = Date.now()): void {
    this.rows.delete(row.id);
    this.rows.set(row.id, { row, until: now + TTL_MS });
    if (this.rows.size > CAPACITY) this.rows.delete(this.rows.keys().next().value as string);
  }

  forget(id: string): void {
    this.rows.delete(id);
  }

  get size(): number {
    return this.rows.size;
  }
}
