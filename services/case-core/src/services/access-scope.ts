import type { Actor } from '@arende/contracts';

/**
 * Which cases a caller may see, derived once per request from the actor. Repository reads of cases take it
 * as a required argument and apply it in SQL ({@link scopeCondition}), so an unscoped read does not compile.
 */
export type AccessScope =
  | {
      kind: 'staff' | 'supervisor';
      /** Inboxes the caller belongs to (`/inbox/<id>` groups). */
      inboxIds: readonly string[];
      /** Inboxes whose secret cases the caller may see (`/secrecy/<id>` groups). */
      secrecyInboxIds: readonly string[];
      /** Supervisors and admins: every case of these service points too. */
      servicePointIds: readonly string[];
    }
  | { kind: 'contractor'; organisation: string }
  | { kind: 'citizen'; personalIdentityNumber: string }
  /** The platform itself (internal processes over NATS; never a token): every case. */
  | { kind: 'system' }
  /** Service accounts and anyone else: no case at all (until a later issue grants scopes). */
  | { kind: 'none' };

/** The scope of the platform's own processes. */
export const SYSTEM_SCOPE: AccessScope = Object.freeze({ kind: 'system' });

const SUPERVISING_ROLES = ['supervisor', 'admin'];
const INBOX_GROUP = '/inbox/';
const SECRECY_GROUP = '/secrecy/';

function groupIds(groups: readonly string[] | undefined, prefix: string): string[] {
  return [
    ...new Set(
      (groups ?? []).filter((g) => g.startsWith(prefix) && g.length > prefix.length).map((g) => g.slice(prefix.length)),
    ),
  ].sort();
}

/** The access scope of an actor (pure). */
export function accessScope(actor: Actor): AccessScope {
  switch (actor.kind) {
    case 'staff': {
      const supervisor = actor.roles.some((role) => SUPERVISING_ROLES.includes(role));
      return {
        kind: supervisor ? 'supervisor' : 'staff',
        inboxIds: groupIds(actor.groups, INBOX_GROUP),
        secrecyInboxIds: groupIds(actor.groups, SECRECY_GROUP),
        servicePointIds: supervisor ? [...new Set(actor.servicePoints ?? [])].sort() : [],
      };
    }
    case 'contractor':
      return actor.organisation ? { kind: 'contractor', organisation: actor.organisation } : { kind: 'none' };
    case 'citizen':
      return actor.personalIdentityNumber
        ? { kind: 'citizen', personalIdentityNumber: actor.personalIdentityNumber }
        : { kind: 'none' };
    case 'system':
      return { kind: 'system' };
    case 'service':
      return { kind: 'none' };
  }
}

/** Staff and supervisors may change cases in their scope; contractors and citizens act through their own requests. */
export function mayChangeCases(scope: AccessScope): boolean {
  return scope.kind === 'staff' || scope.kind === 'supervisor' || scope.kind === 'system';
}

/** Contractors and citizens see only customer-visible entries. */
export function seesOnlyCustomerVisible(scope: AccessScope): boolean {
  return scope.kind === 'contractor' || scope.kind === 'citizen';
}

/**
 * The WHERE condition that limits `alias` (a case row) to the scope. Pushes its values onto `params`
 * (placeholders continue from there). Secret cases are visible only with the secrecy group of their inbox.
 */
export function scopeCondition(scope: AccessScope, alias: string, schema: string, params: unknown[]): string {
  const param = (value: unknown) => `$${params.push(value)}`;
  const a = alias;
  switch (scope.kind) {
    case 'staff':
    case 'supervisor': {
      const visible =
        scope.servicePointIds.length === 0
          ? `${a}.inbox_id = ANY(${param(scope.inboxIds)}::text[])`
          : `(${a}.inbox_id = ANY(${param(scope.inboxIds)}::text[]) OR ${a}.service_point_id = ANY(${param(scope.servicePointIds)}::text[]))`;
      return `(${visible} AND (NOT ${a}.secret OR ${a}.inbox_id = ANY(${param(scope.secrecyInboxIds)}::text[])))`;
    }
    case 'contractor':
      return `(${a}.external_organisation_id = ${param(scope.organisation)} AND NOT ${a}.secret)`;
    case 'citizen':
      return `(NOT ${a}.secret AND EXISTS (SELECT 1 FROM "${schema}".case_customer cc
        JOIN "${schema}".customer cu ON cu.id = cc.customer_id
        WHERE cc.case_id = ${a}.id AND cu.personal_identity_number = ${param(scope.personalIdentityNumber)}))`;
    case 'system':
      return 'TRUE';
    case 'none':
      return 'FALSE';
  }
}
