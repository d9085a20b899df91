// Group commit for case writes: while earlier writes are on their way to PostgreSQL, the writes that
// arrive meanwhile wait and then go together, as ONE statement (one round trip, one commit, one run
// of the rollup trigger). Each caller still learns only its own outcome. A lone writer never waits.

/** What the batcher needs of a change: the case it writes. */
export interface Keyed {
  id: string;
}

/** The outcome of writing some changes: those written (by case id), and those whose compare-and-set failed. */
export interface Outcome<W> {
  written: Map<string, W>;
  stale: string[];
}

interface Waiting<C extends Keyed, W> {
  changes: C[];
  resolve(outcome: Outcome<W>): void;
  reject(error: unknown): void;
}

export class WriteBatcher<C extends Keyed, W> {
  private waiting: Waiting<C, W>[] = [];
  private running = 0;

  /**
   * @param run writes changes as one all-or-nothing statement
   * @param parallel statements on their way at once; more writes wait and are merged
   * @param limit changes per statement
   */
  constructor(
    private readonly run: (changes: C[]) => Promise<Outcome<W>>,
    private readonly parallel: number,
    private readonly limit: number,
  ) {}

  submit(changes: C[]): Promise<Outcome<W>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ changes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.parallel && this.waiting.length > 0) {
      const batch = this.take();
      this.running++;
      void this.flush(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /**
   * The waiting writes that go next, oldest first, up to the limit. A case appears in one statement
   * once: a later write of a case already in the batch waits for the next one (it will then fail its
   * compare-and-set unless it was read after the first, exactly as it would have alone).
   */
  private take(): Waiting<C, W>[] {
    const batch: Waiting<C, W>[] = [];
    const rest: Waiting<C, W>[] = [];
    const cases = new Set<string>();
    let size = 0;
    for (const w of this.waiting) {
      const fits = batch.length === 0 || (size + w.changes.length <= this.limit && w.changes.every((c) => !cases.has(c.id)));
      if (!fits) {
        rest.push(w);
        continue;
      }
      batch.push(w);
      size += w.changes.length;
      for (const c of w.changes) cases.add(c.id);
    }
    this.waiting = rest;
    return batch;
  }

  private async flush(batch: Waiting<C, W>[]): Promise<void> {
    if (batch.length === 1) {
      await this.run(batch[0].changes).then(batch[0].resolve, batch[0].reject);
      return;
    }
    let outcome: Outcome<W>;
    try {
      outcome = await this.run(batch.flatMap((w) => w.changes));
    } catch {
      // One write spoiled the statement and nothing of it was written: each goes again alone, so
      // that the error reaches only the caller it belongs to.
      await Promise.all(batch.map((w) => this.run(w.changes).then(w.resolve, w.reject)));
      return;
    }
    for (const w of batch) {
      const own: Outcome<W> = { written: new Map(), stale: [] };
      for (const c of w.changes) {
        const written = outcome.written.get(c.id);
        if (written) own.written.set(c.id, written);
        else own.stale.push(c.id);
      }
      w.resolve(own);
    }
  }
}
