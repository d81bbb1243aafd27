import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ClientConfig } from './config';

/** The signed-in agent as the client needs them. */
export interface Agent {
  /** Token subject. */
  id: string;
  /** The login (preferred_username): how cases name the agent as assignee and lock holder. */
  username: string;
  name: string;
  roles: readonly string[];
}

/** Whether a case's assignee or lock holder is this agent (by login; older records by token subject). */
export function isAgent(agent: Agent, personId: string | null): boolean {
  return personId !== null && (personId === agent.username || personId === agent.id);
}

export const CALLBACK_PATH = '/auth/callback';

interface ReturnState {
  returnTo: string;
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function agentOf(user: User): Agent {
  const claims = decodePayload(user.access_token);
  const realm = claims.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realm?.roles) ? realm.roles.filter((r): r is string => typeof r === 'string') : [];
  const username = user.profile.preferred_username ?? user.profile.sub;
  return { id: user.profile.sub, username, name: user.profile.name ?? username, roles };
}

/**
 * OpenID Connect authorization code + PKCE in the browser. Tokens live in sessionStorage (gone with the tab);
 * the refresh token renews the access token before it expires, and a failed renewal signs in again.
 */
export class Auth {
  private readonly manager: UserManager;
  private user: User | null = null;

  constructor(config: ClientConfig) {
    this.manager = new UserManager({
      authority: config.issuerUrl,
      client_id: config.clientId,
      redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${window.location.origin}/`,
      response_type: 'code',
      scope: config.scope,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
      loadUserInfo: false,
    });
    this.manager.events.addUserLoaded((user) => {
      this.user = user;
    });
    this.manager.events.addSilentRenewError(() => void this.login());
    this.manager.events.addAccessTokenExpired(() => void this.login());
  }

  /** Finishes a login on the callback page, or loads the session; undefined means "redirecting to the issuer". */
  async start(): Promise<Agent | undefined> {
    if (window.location.pathname === CALLBACK_PATH) {
      const user = await this.manager.signinRedirectCallback();
      const state = user.state as ReturnState | undefined;
      window.history.replaceState(null, '', state?.returnTo ?? '/');
      this.user = user;
      return agentOf(user);
    }
    let user = await this.manager.getUser();
    if (user !== null && user.expired === true) user = await this.renew(user);
    if (user === null) {
      await this.login();
      return undefined;
    }
    this.user = user;
    return agentOf(user);
  }

  /** A fresh access token from the refresh token (a reload after the token expired), or null. */
  private async renew(user: User): Promise<User | null> {
    if (user.refresh_token === undefined) return null;
    try {
      return await this.manager.signinSilent();
    } catch {
      return null;
    }
  }

  async login(): Promise<void> {
    const returnTo =
      window.location.pathname === CALLBACK_PATH ? '/' : window.location.pathname + window.location.search;
    await this.manager.removeUser();
    await this.manager.signinRedirect({ state: { returnTo } satisfies ReturnState });
  }

  async logout(): Promise<void> {
    await this.manager.signoutRedirect();
  }

  /** The current access token; signs in again when there is none. */
  async token(): Promise<string> {
    if (this.user !== null && this.user.expired !== true) return this.user.access_token;
    const stored = await this.manager.getUser();
    const user = stored !== null && stored.expired === true ? await this.renew(stored) : stored;
    if (user !== null) {
      this.user = user;
      return user.access_token;
    }
    await this.login();
    throw new Error('signing in again');
  }
}
