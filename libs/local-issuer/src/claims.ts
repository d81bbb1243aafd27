import type { DemoUser } from './demo-users.js';

/** Claims Keycloak's default and custom mappers put into tokens for a user of the `arende` realm. */
export interface UserClaims {
  sub: string;
  preferred_username: string;
  name: string;
  given_name: string;
  family_name: string;
  email: string;
  email_verified: boolean;
  realm_access: { roles: string[] };
  groups: string[];
  service_points?: string[];
  organisation?: string;
  personal_identity_number?: string;
  acr?: string;
}

export function userClaims(user: DemoUser): UserClaims {
  return {
    sub: user.subject,
    preferred_username: user.username,
    name: `${user.givenName} ${user.familyName}`,
    given_name: user.givenName,
    family_name: user.familyName,
    email: user.email,
    email_verified: true,
    realm_access: { roles: [...user.roles] },
    groups: [...user.groups],
    ...(user.servicePoints === undefined ? {} : { service_points: [...user.servicePoints] }),
    ...(user.organisation === undefined ? {} : { organisation: user.organisation }),
    ...(user.personalIdentityNumber === undefined ? {} : { personal_identity_number: user.personalIdentityNumber }),
    ...(user.acr === undefined ? {} : { acr: user.acr }),
  };
}

/** Keycloak names a client's service-account user `service-account-<client id>`. */
export function serviceAccountClaims(clientId: string, roles: readonly string[]) {
  return {
    preferred_username: `service-account-${clientId}`,
    realm_access: { roles: [...roles] },
  };
}

/**
 * The JSON shape of a claim. `audience` is a string or an array of strings: Keycloak writes a single audience as a string.
 */
export type ClaimShape = 'string' | 'string[]' | 'number' | 'boolean' | 'audience';

/**
 * Every access-token claim the services read through `@arende/auth`, with its shape: the verifier checks `iss`, `aud`,
 * `exp` and `typ`; `principalFromClaims` reads the rest. Nested claims use Keycloak's dotted claim path.
 * The realm export (`deploy/keycloak/arende-realm.json`) must produce each of them and the local issuer issues them alike;
 * `test/realm-export.spec.ts` here and `libs/auth/test/claims-read.spec.ts` keep the three from drifting apart.
 */
export const CLAIMS_READ = {
  iss: 'string',
  aud: 'audience',
  exp: 'number',
  typ: 'string',
  sub: 'string',
  azp: 'string',
  preferred_username: 'string',
  name: 'string',
  email: 'string',
  'realm_access.roles': 'string[]',
  groups: 'string[]',
  service_points: 'string[]',
  organisation: 'string',
  personal_identity_number: 'string',
  acr: 'string',
} as const satisfies Record<string, ClaimShape>;

/** A claim name of {@link CLAIMS_READ}. */
export type ClaimRead = keyof typeof CLAIMS_READ;
