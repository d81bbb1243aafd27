import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Provider, { errors, type ClientMetadata, type Configuration } from 'oidc-provider';
import { DEMO_USERS, type DemoUser } from './demo-users.js';
import { serviceAccountClaims, userClaims } from './claims.js';
import { generateSigningKey, type SigningJwk } from './keys.js';
import { createInteractionHandler, errorPage, INTERACTION_PATH } from './interactions.js';
import { IssuerStore } from './memory-adapter.js';
import { loginWithPassword, parseTokenResponse } from './login.js';
import {
  audienceOf,
  CLIENT_IDS,
  clientForAudience,
  DEFAULT_INTEGRATION_SECRET,
  DEFAULT_REDIRECT_URIS,
  INTEGRATION_ROLES,
  resourceFor,
} from './clients.js';

/** Options of {@link startLocalIssuer}. */
export interface LocalIssuerOptions {
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Accounts (default {@link DEMO_USERS}). */
  users?: readonly DemoUser[];
  /** Private RS256 signing keys; the first signs. Default: one generated at start. */
  keys?: readonly SigningJwk[];
  /** Redirect URIs accepted by the public clients in addition to {@link DEFAULT_REDIRECT_URIS}. */
  redirectUris?: readonly string[];
  /** Lifetime of access tokens (default 300 s, Keycloak's default). */
  accessTokenTtlSec?: number;
  /** Secret of `arende-integration` (default {@link DEFAULT_INTEGRATION_SECRET}, demo only). */
  integrationSecret?: string;
  /** Issuer URL when it differs from `http://host:port` (e.g. listening on 0.0.0.0). */
  publicUrl?: string;
}

/** Options of {@link LocalIssuer.tokenFor}. */
export interface TokenForOptions {
  /** Resource server (`aud`), default `gateway`. */
  audience?: string;
  /** Client (`azp`), default the web client for the audience (`arende-agent-web` / `arende-portal-web`). */
  clientId?: string;
}

/** A running local OpenID issuer. */
export interface LocalIssuer {
  issuer: string;
  jwksUri: string;
  /** Access token for a user, obtained through the real authorization code + PKCE flow. */
  tokenFor(username: string, options?: TokenForOptions): Promise<string>;
  /** Access token from the client credentials grant (default audience `gateway`). */
  clientCredentialsToken(clientId: string, secret: string, audience?: string): Promise<string>;
  close(): Promise<void>;
}

function publicClient(clientId: string, redirectUris: readonly string[]): ClientMetadata {
  return {
    client_id: clientId,
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [...redirectUris],
    post_logout_redirect_uris: redirectUris.map((uri) => new URL('/', uri).toString()),
  };
}

function listen(server: http.Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts an OpenID provider that issues the same tokens as the Keycloak realm `arende`:
 * RS256 JWT access tokens with `aud` = resource server, `azp` = client, `realm_access.roles`,
 * `groups`, `organisation`, `personal_identity_number`, `acr`. For development and tests only.
 */
export async function startLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const { host = '127.0.0.1', port = 0, users = DEMO_USERS, accessTokenTtlSec = 300 } = options;
  const integrationSecret = options.integrationSecret ?? DEFAULT_INTEGRATION_SECRET;
  const keys = options.keys?.length ? [...options.keys] : [await generateSigningKey()];
  const redirectUris = [...new Set([...DEFAULT_REDIRECT_URIS, ...(options.redirectUris ?? [])])];
  const byUsername = new Map(users.map((user) => [user.username, user]));
  const bySubject = new Map(users.map((user) => [user.subject, user]));
  const serviceRoles = new Map<string, readonly string[]>([[CLIENT_IDS.integration, INTEGRATION_ROLES]]);

  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  const address = await listen(server, host, port);
  const issuer = options.publicUrl?.replace(/\/$/, '') ?? `http://${host}:${address.port}`;

  const configuration: Configuration = {
    clients: [
      publicClient(CLIENT_IDS.agentWeb, redirectUris),
      publicClient(CLIENT_IDS.portalWeb, redirectUris),
      {
        client_id: CLIENT_IDS.integration,
        client_secret: integrationSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    adapter: new IssuerStore().adapterFactory(),
    jwks: { keys },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx, sub) => {
      const user = bySubject.get(sub);
      return user === undefined ? undefined : { accountId: sub, claims: () => ({ ...userClaims(user) }) };
    },
    // Keycloak's mappers put groups and the custom attributes into ID token and userinfo too; roles stay in the access token.
    claims: {
      openid: ['sub', 'acr', 'groups', 'service_points', 'organisation', 'personal_identity_number'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    conformIdTokenClaims: false,
    extraTokenClaims: (_ctx, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const clientId = token.clientId ?? '';
      if (accountId === undefined) {
        return { typ: 'Bearer', azp: clientId, ...serviceAccountClaims(clientId, serviceRoles.get(clientId) ?? []) };
      }
      const user = bySubject.get(accountId);
      if (user === undefined) return undefined;
      const { sub: _sub, ...claims } = userClaims(user);
      return { typ: 'Bearer', azp: clientId, ...claims };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? resourceFor('gateway'),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          const audience = audienceOf(resourceIndicator);
          if (audience === undefined) throw new errors.InvalidTarget();
          return {
            audience,
            scope: 'openid profile email',
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtlSec,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // Keycloak hands public web clients a refresh token without offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out.error, out.error_description);
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
    ttl: {
      AccessToken: accessTokenTtlSec,
      ClientCredentials: accessTokenTtlSec,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 10 * 3600,
      Grant: 10 * 3600,
      RefreshToken: 1800,
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, error) => {
    console.error('local-issuer server_error', error);
  });
  const callback = provider.callback();
  const redirectOrigins = [...new Set(redirectUris.map((uri) => new URL(uri).origin))];
  const interactions = createInteractionHandler(provider, byUsername, redirectOrigins);
  handle = (req, res) => {
    if (!(req.url ?? '').startsWith(INTERACTION_PATH)) {
      void callback(req, res);
      return;
    }
    interactions(req, res).catch((error: unknown) => {
      // Typically an expired or unknown interaction (SessionNotFound): the user starts over.
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(errorPage('invalid_request', error instanceof Error ? error.message : 'interaction failed'));
    });
  };

  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    async tokenFor(username, { audience = 'gateway', clientId = clientForAudience(audience) } = {}) {
      const user = byUsername.get(username);
      if (user === undefined) throw new Error(`Unknown user ${username}`);
      const tokens = await loginWithPassword({
        issuer,
        clientId,
        redirectUri: redirectUris[0],
        username,
        password: user.password,
        resource: resourceFor(audience),
      });
      return tokens.accessToken;
    },
    async clientCredentialsToken(clientId, secret, audience = 'gateway') {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource: resourceFor(audience) }).toString(),
      });
      return (await parseTokenResponse(response)).accessToken;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
