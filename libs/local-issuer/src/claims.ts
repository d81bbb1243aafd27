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
  organisation?: string;
  personal_identity_number?: string;
  acr: string;
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
    ...(user.organisation === undefined ? {} : { organisation: user.organisation }),
    ...(user.personalIdentityNumber === undefined ? {} : { personal_identity_number: user.personalIdentityNumber }),
    acr: user.acr,
  };
}

/** Keycloak names a client's service-account user `service-account-<client id>`. */
export function serviceAccountClaims(clientId: string, roles: readonly string[]) {
  return {
    preferred_username: `service-account-${clientId}`,
    realm_access: { roles: [...roles] },
  };
}
