import { WriteBatcher, type Outcome } from '../write-batcher.js';

interface Change {
  id: string;
  version: number;
  bad?: boolean;
}

/** A fake statement: writes every change whose version is current, all or nothing; a bad change fails the whole statement. */
function fakeDatabase() {
  const versions = new Map<string, number>();
  const statements: string[][] = [];
  let release: (() => void)[] = [];
  let hold = false;
  const run = async (changes: Change[]): Promise<Outcome<number>> => {
    statements.push(changes.map((c) => c.id));
    if (hold) await new Promise<void>((r) => release.push(r));
    if (changes.some((c) => c.bad)) throw new Error('violates a constraint');
    const outcome: Outcome<number> = { written: new Map(), stale: [] };
    for (const c of changes) {
      if ((versions.get(c.id) ?? 0) !== c.version) {
        outcome.stale.push(c.id);
        continue;
      }
      versions.set(c.id, c.version + 1);
      outcome.written.set(c.id, c.version + 1);
    }
    return outcome;
  };
  const releaseAll = () => {
    hold = false;
    const r = release;
    release = [];
    r.forEach((f) => f());
  };
  return {
    run,
    statements,
    versions,
    hold: () => (hold = true),
    releaseAll,
    /** Lets queued writes go, round after round, until all have been sent. */
    drain: async (rounds = 3) => {
      for (let i = 0; i < rounds; i++) {
        await settle();
        releaseAll();
      }
    },
  };
}

const settle = () => new Promise((r) => setImmediate(r));

/** A batcher (one statement at a time) whose first write, of case x, is held on its way. */
async function busy(limit: number) {
  const db = fakeDatabase();
  const batcher = new WriteBatcher<Change, number>(db.run, 1, limit);
  db.hold();
  const first = batcher.submit([{ id: 'x', version: 0 }]);
  await settle();
  return { db, batcher, first };
}

describe('WriteBatcher: group commit of case writes', () => {
  it('sends a lone write at once, as its own statement', async () => {
    const db = fakeDatabase();
    const batcher = new WriteBatcher<Change, number>(db.run, 2, 1000);
    const outcome = await batcher.submit([{ id: 'a', version: 0 }]);
    expect(outcome).toEqual({ written: new Map([['a', 1]]), stale: [] });
    expect(db.statements).toEqual([['a']]);
  });

  it('merges the writes that arrive while statements are on their way, and tells each caller only its own outcome', async () => {
    const db = fakeDatabase();
    const batcher = new WriteBatcher<Change, number>(db.run, 1, 1000);
    db.hold();
    const first = batcher.submit([{ id: 'a', version: 0 }]);
    await settle();
    const later = ['b', 'c', 'd'].map((id) => batcher.submit([{ id, version: id === 'c' ? 5 : 0 }]));
    await settle();
    expect(db.statements).toEqual([['a']]); // the others wait
    db.releaseAll();
    await first;
    await settle();
    db.releaseAll();
    const [b, c, d] = await Promise.all(later);
    expect(db.statements).toEqual([['a'], ['b', 'c', 'd']]);
    expect(b).toEqual({ written: new Map([['b', 1]]), stale: [] });
    expect(c).toEqual({ written: new Map(), stale: ['c'] }); // its compare-and-set failed: only c hears of it
    expect(d).toEqual({ written: new Map([['d', 1]]), stale: [] });
  });

  it('never puts two writes of one case in one statement', async () => {
    const { db, batcher, first } = await busy(1000);
    const again = batcher.submit([{ id: 'a', version: 0 }]);
    const sameCase = batcher.submit([{ id: 'a', version: 1 }]);
    const other = batcher.submit([{ id: 'b', version: 0 }]);
    await db.drain();
    await Promise.all([first, again, sameCase, other]);
    expect(db.statements).toEqual([['x'], ['a', 'b'], ['a']]);
    expect(db.versions.get('a')).toBe(2); // both writes of a, in the order they came
  });

  it('keeps statements within the limit of changes', async () => {
    const { db, batcher, first } = await busy(3);
    const all = [first];
    all.push(batcher.submit([{ id: 'a', version: 0 }, { id: 'b', version: 0 }]), batcher.submit([{ id: 'c', version: 0 }, { id: 'd', version: 0 }]), batcher.submit([{ id: 'e', version: 0 }]));
    await db.drain();
    await Promise.all(all);
    expect(db.statements).toEqual([['x'], ['a', 'b', 'e'], ['c', 'd']]);
  });

  it('when a merged statement fails, writes each part alone, so that only the faulty one fails', async () => {
    const { db, batcher, first } = await busy(1000);
    const good = batcher.submit([{ id: 'a', version: 0 }]);
    const bad = batcher.submit([{ id: 'b', version: 0, bad: true }]);
    const badResult = bad.then(
      () => 'written',
      (e: Error) => e.message,
    );
    db.releaseAll();
    await first;
    await settle();
    db.releaseAll();
    expect(await good).toEqual({ written: new Map([['a', 1]]), stale: [] });
    expect(await badResult).toBe('violates a constraint');
    expect(db.statements).toEqual([['x'], ['a', 'b'], ['a'], ['b']]);
    expect(db.versions.get('b')).toBeUndefined();
  });

  it('runs up to `parallel` statements at once before it merges', async () => {
    const db = fakeDatabase();
    const batcher = new WriteBatcher<Change, number>(db.run, 2, 1000);
    db.hold();
    const all = ['a', 'b', 'c', 'd'].map((id) => batcher.submit([{ id, version: 0 }]));
    await settle();
    expect(db.statements).toEqual([['a'], ['b']]);
    db.releaseAll();
    await settle();
    db.releaseAll();
    await Promise.all(all);
    expect(db.statements).toEqual([['a'], ['b'], ['c', 'd']]);
  });
});
