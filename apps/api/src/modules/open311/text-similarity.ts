/**
 * Trigram similarity of two texts, as pg_trgm's `similarity()` computes it in a UTF-8 locale:
 * each run of letters and digits is a word, padded with two blanks before and one after; the
 * score is shared trigrams over all distinct trigrams. Done here rather than in SQL because
 * pg_trgm splits words by the database's locale: under the C locale (an embedded cluster made
 * with `--no-locale`) Chinese characters are not letters, every Chinese text has no trigrams,
 * and no two reports would ever look alike.
 */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = ['\u0020', '\u0020', ...word, '\u0020'];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}
