import { DomainError, type Actor } from '@arende/contracts';
import { isKnownRole, ROLES, STAFF_ROLES } from './roles.js';

/** Who a verified access token speaks for, read from Keycloak's claims. Immutable (it is cached). */
export interface Principal {
  /** `sub` */
  readonly subject: string;
  /** `preferred_username` (Keycloak calls service accounts `service-account-<client id>`). */
  readonly username: string;
  /** `name`, or the username when the token has none. */
  readonly name: string;
  readonly email?: string;
  /** `realm_access.roles`, all of them (including Keycloak's own such as `offline_access`). */
  readonly roles: readonly string[];
  /** `groups`: group paths such as `/inbox/kundtjanst`. */
  readonly groups: readonly string[];
  /** `service_points`: the service points a supervisor or admin oversees. */
  readonly servicePoints: readonly string[];
  /** Contractor accounts: their organisation. */
  readonly organisation?: string;
  /** Citizens: personnummer, 12 digits. Never log it. */
  readonly personalIdentityNumber?: string;
  /** Level of assurance. */
  readonly acr?: string;
  /** `azp`: the client the token was issued to. */
  readonly clientId: string;
  /** When the token expires (epoch milliseconds). */
  readonly expiresAt: number;
}

export type PrincipalKind = 'staff' | 'contractor' | 'citizen' | 'service';

const SERVICE_ACCOUNT_PREFIX = 'service-account-';

function optionalString(value: unknown, claim: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw new Error(claim);
  return value;
}

function stringArray(value: unknown, claim: string): readonly string[] {
  if (value === undefined || value === null) return Object.freeze([]);
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) throw new Error(claim);
  return Object.freeze([...value]);
}

function realmRoles(value: unknown): readonly string[] {
  if (value === undefined || value === null) return Object.freeze([]);
  if (typeof value !== 'object') throw new Error('realm_access');
  return stringArray((value as { roles?: unknown }).roles, 'realm_access.roles');
}

/**
 * Reads a principal from the claims of a verified access token.
 * @throws DomainError AUTH.UNAUTHENTICATED when a claim has the wrong shape.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): Principal {
  try {
    const subject = optionalString(claims.sub, 'sub');
    const clientId = optionalString(claims.azp, 'azp') ?? optionalString(claims.client_id, 'client_id');
    if (subject === undefined || clientId === undefined || typeof claims.exp !== 'number') throw new Error('required');
    const username = optionalString(claims.preferred_username, 'preferred_username') ?? subject;
    const email = optionalString(claims.email, 'email');
    const organisation = optionalString(claims.organisation, 'organisation');
    const personalIdentityNumber = optionalString(claims.personal_identity_number, 'personal_identity_number');
    if (personalIdentityNumber !== undefined && !/^\d{12}$/.test(personalIdentityNumber)) throw new Error('pnr');
    const acr = optionalString(claims.acr, 'acr');
    return Object.freeze({
      subject,
      username,
      name: optionalString(claims.name, 'name') ?? username,
      ...(email === undefined ? {} : { email }),
      roles: realmRoles(claims.realm_access),
      groups: stringArray(claims.groups, 'groups'),
      servicePoints: stringArray(claims.service_points, 'service_points'),
      ...(organisation === undefined ? {} : { organisation }),
      ...(personalIdentityNumber === undefined ? {} : { personalIdentityNumber }),
      ...(acr === undefined ? {} : { acr }),
      clientId,
      expiresAt: claims.exp * 1000,
    });
  } catch {
    throw new DomainError('AUTH.UNAUTHENTICATED', 'Token claims are malformed');
  }
}

/**
 * What kind of actor a principal is: a service account (client credentials), staff, a contractor or a citizen.
 * @throws DomainError AUTH.FORBIDDEN when no role of the platform is present, or a contractor lacks an organisation.
 */
export function principalKind(principal: Principal): PrincipalKind {
  if (principal.username.startsWith(SERVICE_ACCOUNT_PREFIX)) return 'service';
  if (STAFF_ROLES.some((role) => principal.roles.includes(role))) return 'staff';
  if (principal.roles.includes(ROLES.CONTRACTOR)) {
    // Contractors only ever see their organisation's cases: without one they see nothing.
    if (principal.organisation === undefined) {
      throw new DomainError('AUTH.FORBIDDEN', 'Contractor account without an organisation');
    }
    return 'contractor';
  }
  if (principal.roles.includes(ROLES.CITIZEN)) return 'citizen';
  throw new DomainError('AUTH.FORBIDDEN', 'No role that grants access to Ärende');
}

/**
 * The `Actor` recorded on commands and events. Roles are limited to {@link ROLES}; groups, service points, organisation and
 * personnummer are carried (case-core decides access from them).
 * @throws DomainError AUTH.FORBIDDEN as {@link principalKind}.
 */
export function principalToActor(principal: Principal): Actor {
  const kind = principalKind(principal);
  return {
    kind,
    id: principal.subject,
    name: kind === 'service' ? principal.clientId : principal.name,
    ...(kind === 'staff' || kind === 'contractor' ? { userName: principal.username } : {}),
    roles: principal.roles.filter(isKnownRole),
    groups: [...principal.groups],
    ...(principal.servicePoints.length === 0 ? {} : { servicePoints: [...principal.servicePoints] }),
    ...(principal.organisation === undefined ? {} : { organisation: principal.organisation }),
    ...(principal.personalIdentityNumber === undefined
      ? {}
      : { personalIdentityNumber: principal.personalIdentityNumber }),
  };
}
