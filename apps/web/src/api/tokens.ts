// Where the session's tokens live. localStorage so that a phone keeps the grid inspector signed in.
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** The localStorage key of the session's tokens. */
export const TOKENS_KEY = 'ecoloop.tokens';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

let store: KeyValueStore =
  typeof globalThis.localStorage !== 'undefined' ? globalThis.localStorage : memoryStore();

/** For tests: swap the backing store. */
export function setTokenStore(s: KeyValueStore): void {
  store = s;
}

export function getTokens(): Tokens | null {
  try {
    const raw = store.getItem(TOKENS_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function setTokens(tokens: Tokens | null): void {
  if (tokens) store.setItem(TOKENS_KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
  else store.removeItem(TOKENS_KEY);
}
