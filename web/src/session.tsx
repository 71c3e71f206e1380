// Who is logged in, from GET /api/app/session, shared by every page.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { corkboard } from './api.js';
import { prefetchFirstFeedPage } from './feed.js';
import { pageOf } from './router.js';

export interface User { id: string; username: string; full_name?: string; profile_image?: string | null }

interface Session {
  /** undefined while the first answer is pending. */
  user: User | null | undefined;
  /** Set after log-in, sign-up and log-out. */
  setUser(user: User | null): void;
  error: string | null;
}

const SessionContext = createContext<Session>({ user: undefined, setUser: () => {}, error: null });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    corkboard.GET('/api/app/session').then(({ data }) => {
      // Home's feed is asked for now, while the page renders, not once it has.
      if (data?.user && pageOf(window.location.pathname) === 'home') prefetchFirstFeedPage(data.user.id);
      if (data) setUserState(data.user as User | null); else setError('Could not reach the server.');
    }, () => setError('Could not reach the server.'));
  }, []);
  const setUser = useCallback((u: User | null) => setUserState(u), []);
  return <SessionContext.Provider value={{ user, setUser, error }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
