import { trigramSimilarity } from '../text-similarity.js';

describe('trigramSimilarity', () => {
  it('scores Chinese texts by shared character trigrams, whatever the database locale', () => {
    const first = '村口河边排污口一直在排黑水，味道很臭';
    expect(trigramSimilarity(first, '村口河边排污口在排黑水，很臭')).toBeGreaterThanOrEqual(0.3);
    expect(trigramSimilarity(first, '企业雨水管晴天有泡沫水流出')).toBeLessThan(0.1);
  });

  it('matches pg_trgm on words: padding, case and punctuation', () => {
    // SELECT similarity('word', 'two words') = 0.36363637 in PostgreSQL.
    expect(trigramSimilarity('word', 'two words')).toBeCloseTo(0.363636, 5);
    expect(trigramSimilarity('Hello, World', 'hello world')).toBe(1);
    expect(trigramSimilarity('abc', 'abc')).toBe(1);
  });

  it('is zero when either text has no letters or digits', () => {
    expect(trigramSimilarity('', '村口河边')).toBe(0);
    expect(trigramSimilarity('，。！', '，。！')).toBe(0);
  });
});
