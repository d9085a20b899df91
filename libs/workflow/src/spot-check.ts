// County spot checks (抽查) of town closures (DESIGN §11): a share of the cases a town signed off is
// offered to the county supervisor. The draw is made from the case id, so the API, the lists (in
// SQL) and the tests all agree which cases are drawn, and drawing twice gives the same answer.

/** The policy's share of town-closed cases the county spot-checks (10 %). */
export const SPOT_CHECK_SHARE = 0.1;

/** The draw of a case, 0 … 9999: its id's last eight hex digits (random in a v4 uuid) modulo 10 000. */
export function spotCheckDraw(caseId: string): number {
  // A uuid's last group has twelve hex digits: its tail needs no dashes removed (cases are drawn on every read).
  const tail = caseId.slice(-8);
  const hex = tail.includes('-') ? caseId.replace(/-/g, '').slice(-8) : tail;
  const n = Number.parseInt(hex, 16);
  return Number.isNaN(n) ? 0 : n % 10_000;
}

/** True when the case is among the `share` the county spot-checks. */
export function isDrawnForSpotCheck(caseId: string, share = SPOT_CHECK_SHARE): boolean {
  return spotCheckDraw(caseId) < Math.round(share * 10_000);
}

/** The same draw in SQL over a uuid column (for lists such as the spot-check queue). */
export function spotCheckDrawSql(idColumn: string): string {
  return `(('x' || right(replace(${idColumn}::text, '-', ''), 8))::bit(32)::bigint % 10000)`;
}
