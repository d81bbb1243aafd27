import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClaimShape } from '../../src/index.js';

/** The parts of a Keycloak 26 realm export (RealmRepresentation) the tests read. */
export interface ProtocolMapper {
  name: string;
  protocol: string;
  protocolMapper: string;
  config: Record<string, string>;
}

export interface Client {
  clientId: string;
  enabled: boolean;
  publicClient: boolean;
  bearerOnly?: boolean;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  fullScopeAllowed: boolean;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
  protocolMappers: ProtocolMapper[];
  defaultClientScopes: string[];
}

export interface Role {
  name: string;
  composite: boolean;
  composites?: { realm?: string[]; client?: Record<string, string[]> };
}

export interface Group {
  name: string;
  path: string;
  subGroups: Group[];
}

export interface IdentityProvider {
  alias: string;
  providerId: string;
  enabled: boolean;
  config: Record<string, string>;
}

export interface IdentityProviderMapper {
  name: string;
  identityProviderAlias: string;
  identityProviderMapper: string;
  config: Record<string, string>;
}

export interface Execution {
  authenticator?: string;
  authenticatorFlow: boolean;
  flowAlias?: string;
  requirement: string;
  authenticatorConfig?: string;
}

export interface Flow {
  alias: string;
  providerId: string;
  topLevel: boolean;
  authenticationExecutions: Execution[];
}

export interface RealmExport {
  realm: string;
  enabled: boolean;
  browserFlow: string;
  directGrantFlow: string;
  registrationFlow: string;
  roles: { realm: Role[]; client: Record<string, Role[]> };
  groups: Group[];
  clients: Client[];
  clientScopes?: unknown[];
  scopeMappings: { client: string; roles: string[] }[];
  users: { username: string; serviceAccountClientId?: string; realmRoles: string[] }[];
  identityProviders: IdentityProvider[];
  identityProviderMappers: IdentityProviderMapper[];
  authenticatorConfig: { alias: string; config: Record<string, string> }[];
  authenticationFlows: Flow[];
  components: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}

export const REALM_FILE = path.resolve(import.meta.dirname, '../../../../deploy/keycloak/arende-realm.json');

export function readRealm(): RealmExport {
  return JSON.parse(readFileSync(REALM_FILE, 'utf8')) as RealmExport;
}

/** Claims every Keycloak 26 access token carries without a mapper of ours. */
export const TOKEN_BUILT_INS: Readonly<Record<string, ClaimShape>> = {
  iss: 'string',
  exp: 'number',
  iat: 'number',
  jti: 'string',
  typ: 'string',
  azp: 'string',
  sid: 'string',
  scope: 'string',
};

/**
 * Claims only the local issuer writes: oidc-provider puts RFC 9068's `client_id` into every JWT access token, Keycloak
 * only into service-account tokens. No service may depend on them (`principalFromClaims` prefers `azp`).
 */
export const LOCAL_ONLY_CLAIMS: ReadonlySet<string> = new Set(['client_id']);

/**
 * The access-token claims of the default client scopes Keycloak 26 creates when an import has no `clientScopes`
 * (the export relies on them, so they are not spelled out in it).
 */
export const KEYCLOAK_DEFAULT_SCOPES: Readonly<Record<string, Readonly<Record<string, ClaimShape>>>> = {
  basic: { sub: 'string', auth_time: 'number' },
  profile: { preferred_username: 'string', name: 'string', given_name: 'string', family_name: 'string' },
  email: { email: 'string', email_verified: 'boolean' },
  roles: { 'realm_access.roles': 'string[]' },
  acr: { acr: 'string' },
  'web-origins': { 'allowed-origins': 'string[]' },
};

/** Mapper type ids of Keycloak 26 that the export may use (checked against its source, not guessed). */
export const KNOWN_PROTOCOL_MAPPERS = new Set([
  'oidc-audience-mapper',
  'oidc-group-membership-mapper',
  'oidc-usermodel-attribute-mapper',
  'oidc-usersessionmodel-note-mapper',
]);

export const KNOWN_IDP_MAPPERS = new Set([
  'oidc-user-attribute-idp-mapper',
  'oidc-user-session-note-idp-mapper',
  'hardcoded-role-idp-mapper',
  'saml-user-attribute-idp-mapper',
]);

function mapperShape(mapper: ProtocolMapper): ClaimShape {
  switch (mapper.protocolMapper) {
    case 'oidc-audience-mapper':
      return 'audience';
    case 'oidc-group-membership-mapper':
      return 'string[]';
    default:
      if (mapper.config.multivalued === 'true') return 'string[]';
      if (mapper.config['jsonType.label'] === 'String') return 'string';
      throw new Error(`Mapper ${mapper.name}: no shape for jsonType.label ${mapper.config['jsonType.label']}`);
  }
}

function mapperClaim(mapper: ProtocolMapper): string {
  if (mapper.protocolMapper === 'oidc-audience-mapper') return 'aud';
  const claim = mapper.config['claim.name'];
  if (claim === undefined) throw new Error(`Mapper ${mapper.name} has no claim.name`);
  return claim;
}

/**
 * Claim -> shape of the access tokens Keycloak issues to a client of the export: built-ins, the client's default scopes
 * and its own mappers. Two mappers writing one claim must agree on its shape.
 */
export function accessTokenClaims(realm: RealmExport, clientId: string): Map<string, ClaimShape> {
  const client = realm.clients.find((candidate) => candidate.clientId === clientId);
  if (client === undefined) throw new Error(`No client ${clientId} in the realm export`);
  const claims = new Map<string, ClaimShape>(Object.entries(TOKEN_BUILT_INS));
  const add = (claim: string, shape: ClaimShape, source: string) => {
    const known = claims.get(claim);
    if (known !== undefined && known !== shape)
      throw new Error(`${source} maps ${claim} as ${shape}, elsewhere ${known}`);
    claims.set(claim, shape);
  };
  for (const scope of client.defaultClientScopes) {
    const scopeClaims = KEYCLOAK_DEFAULT_SCOPES[scope];
    if (scopeClaims === undefined) throw new Error(`${clientId}: unknown default client scope ${scope}`);
    for (const [claim, shape] of Object.entries(scopeClaims)) add(claim, shape, `scope ${scope}`);
  }
  for (const mapper of client.protocolMappers) {
    if (mapper.config['access.token.claim'] !== 'true') continue;
    add(mapperClaim(mapper), mapperShape(mapper), `${clientId} mapper ${mapper.name}`);
  }
  return claims;
}

/** The shape of a token value, or undefined when it fits none. */
export function shapeOf(value: unknown): ClaimShape | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'string[]';
  return undefined;
}

export function fits(value: unknown, shape: ClaimShape): boolean {
  const actual = shapeOf(value);
  return shape === 'audience' ? actual === 'string' || actual === 'string[]' : actual === shape;
}

/** Flattens a token payload into Keycloak claim paths: `{ realm_access: { roles } }` -> `realm_access.roles`. */
export function flattenClaims(payload: Readonly<Record<string, unknown>>, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(payload)) {
    const claim = `${prefix}${key}`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of flattenClaims(value as Record<string, unknown>, `${claim}.`)) {
        flat.set(inner, innerValue);
      }
    } else {
      flat.set(claim, value);
    }
  }
  return flat;
}

/** Every group path of the export, e.g. `/inbox/kundtjanst`. */
export function groupPaths(groups: readonly Group[]): string[] {
  return groups.flatMap((group) => [group.path, ...groupPaths(group.subGroups)]);
}

/** Keycloak splits a broker claim path on dots not escaped with a backslash. */
export function claimPathSegments(claim: string): string[] {
  return claim.split(/(?<!\\)\./).map((segment) => segment.replaceAll('\\.', '.'));
}
