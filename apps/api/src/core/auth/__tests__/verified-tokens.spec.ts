import { VerifiedTokens } from '../verified-tokens.js';

describe('VerifiedTokens', () => {
  it('answers a verified token until its expiry, then forgets it', () => {
    let now = 1000;
    const cache = new VerifiedTokens<{ sub: string; exp?: number }>(10, () => now);
    cache.set('t1', { sub: 'a', exp: 1060 });
    expect(cache.get('t1')).toEqual({ sub: 'a', exp: 1060 });
    now = 1059.9;
    expect(cache.get('t1')?.sub).toBe('a');
    now = 1060;
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never keeps a token without an expiry, nor one it was not given', () => {
    const cache = new VerifiedTokens<{ sub: string; exp?: number }>(10, () => 0);
    cache.set('t1', { sub: 'a' });
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('unknown')).toBeUndefined();
  });

  it('keeps at most `max` tokens, dropping the oldest first', () => {
    const cache = new VerifiedTokens<{ sub: string; exp?: number }>(2, () => 0);
    cache.set('a', { sub: 'a', exp: 10 });
    cache.set('b', { sub: 'b', exp: 10 });
    cache.set('c', { sub: 'c', exp: 10 });
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.sub).toBe('b');
    expect(cache.get('c')?.sub).toBe('c');
  });
});
