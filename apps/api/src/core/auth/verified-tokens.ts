/**
 * Access tokens already verified by this process, until they expire: the same bearer token is sent
 * with every request of a session, and checking its signature again each time (base64, JSON, HMAC)
 * was a measurable share of a case action. A token is only ever cached after a full verification;
 * an entry is dropped once its `exp` has passed, and the cache keeps at most `max` tokens (oldest
 * first out). Revocation does not depend on it: the guard still compares the token's user version
 * with SessionVersions on every request.
 */
export class VerifiedTokens<C extends { exp?: number }> {
  private readonly entries = new Map<string, C>();

  constructor(
    private readonly max = 10_000,
    private readonly nowSeconds: () => number = () => Date.now() / 1000,
  ) {}

  /** The claims of a token verified before and not yet expired; undefined otherwise. */
  get(token: string): C | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (claims.exp === undefined || claims.exp <= this.nowSeconds()) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }

  set(token: string, claims: C): void {
    if (claims.exp === undefined) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
