import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalJson, eventHash, verifyChain, type HashedEvent } from '../event-hash.js';

/** Stored chains are checked against this function for years: its output must never change. */
describe('the event hash chain', () => {
  const event: HashedEvent = {
    caseId: '5c20662f-dac7-4288-bc2e-212ca3282586',
    seq: 2,
    action: 'report_progress',
    fromState: 'rectifying',
    toState: 'rectifying',
    actorId: 'a1b2c3d4-0000-4000-8000-000000000001',
    actorName: '凤桥镇经办人',
    actorRole: 'handler',
    actorUnitId: null,
    comment: '已清理现场，"正在"约谈农户',
    payload: { note: '已清理现场', z: [1, { b: 2, a: null }], a: undefined },
    attachmentIds: ['b0000000-0000-4000-8000-000000000002'],
    at: new Date('2026-12-03T02:30:00.000Z'),
  };

  it('gives the hashes stored chains were written with', () => {
    expect(eventHash(GENESIS_HASH, event)).toBe('32657bcb1d320aa94b390253cfc8ed258b4855bcdb84aba7e592252939f98225');
    expect(eventHash('ab'.repeat(32), { ...event, seq: 1, fromState: null, payload: {}, attachmentIds: [] })).toBe(
      '81d93edbb972e25a9df425b9836e9f462af6e4fc1b1cc7d7ebfc4e76133f1768',
    );
  });

  it('is SHA-256 of the previous hash and the canonical JSON of the whole event, whatever the fields hold', () => {
    const variants: Partial<HashedEvent>[] = [
      {},
      { actorId: null, actorName: '系统', actorRole: 'system', comment: null },
      { payload: { deadlineId: 'd', kind: 'rectify', nested: { y: [true, 'x'], x: 1.5 } } },
      { payload: null, attachmentIds: ['a', 'b'] },
      { actorUnitId: undefined as unknown as null, comment: 'emoji 🌊 \u2028 \\ end' },
    ];
    for (const v of variants) {
      const e = { ...event, ...v };
      const expected = createHash('sha256')
        .update('f'.repeat(64))
        .update(canonicalJson({ ...e, attachmentIds: [...e.attachmentIds], at: e.at.toISOString() }))
        .digest('hex');
      expect(eventHash('f'.repeat(64), e)).toBe(expected);
    }
  });

  it('writes JSON with keys sorted at every depth and undefined fields left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: undefined, e: 'x' }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":"x"}]},"b":1}');
    expect(canonicalJson(new Date('2026-01-01T00:00:00Z'))).toBe('"2026-01-01T00:00:00.000Z"');
  });

  it('finds the first broken link', () => {
    const first = { ...event, seq: 1, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, { ...event, seq: 1 }) };
    const second = { ...event, seq: 2, prevHash: first.hash, hash: eventHash(first.hash, event) };
    expect(verifyChain([first, second])).toEqual({ ok: true, events: 2 });
    expect(verifyChain([first, { ...second, comment: '改过' }]).brokenAt).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
    expect(verifyChain([first, { ...second, prevHash: GENESIS_HASH }]).brokenAt).toMatchObject({ seq: 2, reason: 'prev_hash_mismatch' });
    expect(verifyChain([second]).brokenAt).toMatchObject({ seq: 2, reason: 'seq_gap' });
  });
});
