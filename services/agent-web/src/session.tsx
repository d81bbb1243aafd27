import { createContext, useContext } from 'react';
import type { Api } from './api';
import type { Agent, Auth } from './auth';

/** The signed-in agent and how to reach the API, for every view. */
export interface Session {
  agent: Agent;
  auth: Auth;
  api: Api;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionContext');
  return session;
}
