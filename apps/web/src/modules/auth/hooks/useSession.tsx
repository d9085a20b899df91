// Who is signed in: tokens in localStorage, user + ability from GET /me, shared through context.
import { AbilityProvider } from '@casl/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, errorText, getTokens, onSessionExpired } from '../../../api';
import { authApi } from '../../../api/auth';
import { abilityFromMe, emptyAbility, type AppAbility } from '../../../lib/ability';
import type { SessionUser } from '../types';
import { ReloginModal } from '../components/ReloginModal';

type Status = 'loading' | 'signedOut' | 'signedIn' | 'error';

interface SessionValue {
  status: Status;
  user: SessionUser | null;
  ability: AppAbility;
  error: string | null;
  /** Why the user was signed out, when it was not their choice (shown on the login page). */
  signedOutReason: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): void;
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() => (getTokens() ? 'loading' : 'signedOut'));
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ability, setAbility] = useState<AppAbility>(() => emptyAbility());
  const [error, setError] = useState<string | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  const loadMe = useCallback(async () => {
    if (!getTokens()) {
      setStatus('signedOut');
      return;
    }
    setStatus('loading');
    try {
      const me = await authApi.me();
      setUser(me.user);
      setAbility(abilityFromMe(me.rules));
      setError(null);
      setStatus('signedIn');
    } catch (e) {
      if (e instanceof ApiError && (e.statusCode === 401 || e.statusCode === 403)) {
        authApi.logout();
        setSignedOutReason('登录已过期，请重新登录');
        setStatus('signedOut');
      } else {
        setError(errorText(e));
        setStatus('error');
      }
    }
  }, []);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  const logout = useCallback(() => {
    authApi.logout();
    setUser(null);
    setAbility(emptyAbility());
    setStatus('signedOut');
    setSignedOutReason(null);
  }, []);

  useEffect(
    () =>
      onSessionExpired(() => {
        logout();
        setSignedOutReason('登录已过期，请重新登录');
      }),
    [logout],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      await authApi.login(username, password);
      setSignedOutReason(null);
      await loadMe();
    },
    [loadMe],
  );

  const value = useMemo<SessionValue>(
    () => ({ status, user, ability, error, signedOutReason, login, logout, reload: loadMe }),
    [status, user, ability, error, signedOutReason, login, logout, loadMe],
  );

  return (
    <SessionContext.Provider value={value}>
      <AbilityProvider value={ability}>
        {children}
        <ReloginModal username={user?.username ?? null} enabled={status === 'signedIn'} />
      </AbilityProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside <SessionProvider>');
  return v;
}

/** The signed-in user; only use below the auth guard. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
