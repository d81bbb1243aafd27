/** Realm roles of the `arende` realm. Wire names: do not rename without changing the realm and every token consumer. */
export const ROLES = {
  AGENT: 'agent',
  SUPERVISOR: 'supervisor',
  ADMIN: 'admin',
  OFFICER: 'officer',
  CONTRACTOR: 'contractor',
  REPORTING: 'reporting',
  CITIZEN: 'citizen',
  /** Service accounts of other city systems (client credentials). */
  INTEGRATION: 'integration',
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

/** Roles that make a person staff of the city (agent web client, gateway). */
export const STAFF_ROLES: readonly Role[] = [
  ROLES.AGENT,
  ROLES.SUPERVISOR,
  ROLES.ADMIN,
  ROLES.OFFICER,
  ROLES.REPORTING,
];

const KNOWN_ROLES: ReadonlySet<string> = new Set(Object.values(ROLES));

/** Whether `role` is one of {@link ROLES} (Keycloak adds others, such as `offline_access`). */
export function isKnownRole(role: string): role is Role {
  return KNOWN_ROLES.has(role);
}

/** True if the principal holds at least one of `roles`. */
export function hasAnyRole(principal: { readonly roles: readonly string[] }, roles: readonly string[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}
