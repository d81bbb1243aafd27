/** Client ids of the `arende` realm. Wire names: keep them equal to the Keycloak realm export. */
export const CLIENT_IDS = {
  agentWeb: 'arende-agent-web',
  portalWeb: 'arende-portal-web',
  integration: 'arende-integration',
} as const;

/** Redirect URIs every public client accepts locally (dev servers of the web clients). */
export const DEFAULT_REDIRECT_URIS: readonly string[] = [
  'http://127.0.0.1:8080/auth/callback',
  'http://localhost:8080/auth/callback',
  'http://127.0.0.1:5173/auth/callback',
  'http://localhost:5173/auth/callback',
];

/** DEMO ONLY: the client secret of `arende-integration` on the local issuer. */
export const DEFAULT_INTEGRATION_SECRET = 'integration-secret';

/** Realm roles of the `arende-integration` service account. */
export const INTEGRATION_ROLES: readonly string[] = ['integration'];

const RESOURCE_PREFIX = 'urn:arende:';

/**
 * The resource indicator (RFC 8707) for an audience: `gateway` -> `urn:arende:gateway`.
 * The access token's `aud` is the bare audience, as Keycloak's audience mapper writes it.
 */
export function resourceFor(audience: string): string {
  return `${RESOURCE_PREFIX}${audience}`;
}

/** The audience a resource indicator names, or undefined if it is not one of ours. */
export function audienceOf(resource: string): string | undefined {
  if (!resource.startsWith(RESOURCE_PREFIX)) return undefined;
  const audience = resource.slice(RESOURCE_PREFIX.length);
  return /^[a-z][a-z0-9-]{0,62}$/.test(audience) ? audience : undefined;
}

/** The public client a web app for that audience uses. */
export function clientForAudience(audience: string): string {
  return audience === 'portal' ? CLIENT_IDS.portalWeb : CLIENT_IDS.agentWeb;
}
