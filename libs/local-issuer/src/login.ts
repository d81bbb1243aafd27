import { createHash, randomBytes } from 'node:crypto';

/** What `loginWithPassword` needs: a public client, one of its redirect URIs, a user and a resource. */
export interface PasswordLogin {
  /** Issuer URL, e.g. `http://127.0.0.1:8090`. */
  issuer: string;
  clientId: string;
  /** Must be registered for the client; nothing needs to listen there. */
  redirectUri: string;
  username: string;
  password: string;
  /** Resource indicator, e.g. `resourceFor('gateway')`. */
  resource: string;
  /** Defaults to `openid profile email`. */
  scope?: string;
}

/** The token response of a successful login. */
export interface TokenSet {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresIn: number;
  scope?: string;
}

const MAX_HOPS = 10;

class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  }
}

async function request(url: URL, init: RequestInit, issuer: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'manual' });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`Cannot reach the issuer at ${issuer} (${cause})`, { cause: error });
  }
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await request(new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`), {}, issuer);
  if (!response.ok) throw new Error(`Issuer discovery failed with HTTP ${response.status}`);
  const body = (await response.json()) as Partial<Discovery>;
  if (typeof body.authorization_endpoint !== 'string' || typeof body.token_endpoint !== 'string') {
    throw new Error('Issuer discovery document lacks its endpoints');
  }
  return { authorization_endpoint: body.authorization_endpoint, token_endpoint: body.token_endpoint };
}

function isRedirectTarget(location: URL, redirectUri: URL): boolean {
  return location.origin === redirectUri.origin && location.pathname === redirectUri.pathname;
}

function formAction(html: string): string | undefined {
  return /<form[^>]*\baction="([^"]+)"/i
    .exec(html)?.[1]
    ?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/**
 * Logs a user in the way a browser would: authorization code flow with PKCE over HTTP
 * (GET /auth, follow to the login form, POST it, follow the redirects, read the code from
 * the Location header aimed at the redirect URI), then exchanges the code at the token endpoint.
 * Throws an Error with a short, human-readable message on any failure.
 */
export async function loginWithPassword(login: PasswordLogin): Promise<TokenSet> {
  const { issuer, clientId, username, password, resource } = login;
  const redirectUri = new URL(login.redirectUri);
  const endpoints = await discover(issuer);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(endpoints.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: login.redirectUri,
    response_type: 'code',
    scope: login.scope ?? 'openid profile email',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce: randomBytes(16).toString('base64url'),
    resource,
  }).toString();

  const jar = new CookieJar();
  let url = authorize;
  let init: RequestInit = {};
  let submitted = false;
  let code: string | undefined;
  for (let hop = 0; hop < MAX_HOPS && code === undefined; hop += 1) {
    const response = await request(url, { ...init, headers: { ...init.headers, ...jar.header() } }, issuer);
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (isRedirectTarget(next, redirectUri)) {
        const error = next.searchParams.get('error');
        if (error !== null) throw new Error(`Login failed: ${next.searchParams.get('error_description') ?? error}`);
        if (next.searchParams.get('state') !== state) throw new Error('Login failed: state mismatch');
        code = next.searchParams.get('code') ?? undefined;
        if (code === undefined) throw new Error('Login failed: no code in the redirect');
      }
      url = next;
      init = {};
      continue;
    }
    const body = await response.text();
    if (response.status === 401) throw new Error(`Invalid username or password for ${username}`);
    const action = response.status === 200 && !submitted ? formAction(body) : undefined;
    if (action === undefined) throw new Error(`Login failed: unexpected HTTP ${response.status} at ${url.pathname}`);
    submitted = true;
    url = new URL(action, url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    };
  }
  if (code === undefined) throw new Error('Login failed: too many redirects');

  const response = await request(
    new URL(endpoints.token_endpoint),
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: login.redirectUri,
        client_id: clientId,
        code_verifier: verifier,
      }).toString(),
    },
    issuer,
  );
  return parseTokenResponse(response);
}

/** Parses a token endpoint response, or throws with the OAuth error it carries. */
export async function parseTokenResponse(response: Response): Promise<TokenSet> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    const reason = typeof body.error_description === 'string' ? body.error_description : String(body.error);
    throw new Error(`Token request failed (HTTP ${response.status}): ${reason}`);
  }
  return {
    accessToken: body.access_token,
    ...(typeof body.id_token === 'string' ? { idToken: body.id_token } : {}),
    ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 0,
    ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
  };
}
