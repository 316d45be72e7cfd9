// The session and the API client the screens use, shared through React context.
import { createContext, useContext } from 'react';
import type { ApiProblem } from '../api/problem';
import type { Endpoints } from '../api/endpoints';
import type { Session, SignInInput } from '../api/types';

export interface SessionContextValue {
  readonly session: Session;
  readonly api: Endpoints;
  /** The server's fixed clinical clock (Knotwork-As-Of), or null when it runs on real time. */
  readonly asOf: string | null;
  /** The clinical "now": the fixed clock when there is one. */
  readonly now: () => Date;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in SessionProvider');
  return value;
}

export type SignIn = (input: SignInInput) => Promise<Session>;
export type { ApiProblem };
