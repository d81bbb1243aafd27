import { type Actor, DomainError } from '@arende/contracts';

/** Who administers templates and reference data. */
export const ADMIN_ROLES: readonly string[] = ['admin'];

export function assertAdmin(actor: Actor, what: string): void {
  if (!ADMIN_ROLES.some((role) => actor.roles.includes(role))) {
    throw new DomainError('AUTH.FORBIDDEN', `Only administrators may ${what}`);
  }
}

/**
 * The optimistic-version rule of every save: no version creates (the id must be free), a version changes
 * (it must be the current one).
 */
export function assertVersion(
  what: string,
  id: string,
  current: { version: number } | undefined,
  expected: number | undefined,
): void {
  if (expected === undefined) {
    if (current) throw new DomainError('ROUTING.VERSION_CONFLICT', `${what} ${id} exists already`);
    return;
  }
  if (!current) throw new DomainError('ROUTING.NOT_FOUND', `No ${what.toLowerCase()} ${id}`);
  if (current.version !== expected) {
    throw new DomainError(
      'ROUTING.VERSION_CONFLICT',
      `${what} ${id} is at version ${current.version}, not ${expected}`,
      { currentVersion: current.version },
    );
  }
}

/** A field that names something routing owns (a reference item of a kind, or an inbox) that does not exist. */
export interface UnknownReference {
  field: string;
  kind: string;
  id: string;
}

/** `ROUTING.REFERENCE_UNKNOWN` listing every unknown one, so a form can mark all its fields at once. */
export function assertNoUnknownReferences(unknown: readonly UnknownReference[]): void {
  if (unknown.length === 0) return;
  throw new DomainError(
    'ROUTING.REFERENCE_UNKNOWN',
    `Unknown ${unknown.map((ref) => `${ref.kind} ${ref.id}`).join(', ')}`,
    { references: unknown },
  );
}

/** Anything that should hear that events were committed (the outbox relay). */
export interface CommitListener {
  nudge(): void;
}

/** The next state of an administered item: its fields, its stable id, the version after `current`, now. */
export function nextVersion<T extends object>(
  fields: T,
  id: string,
  current: { version: number } | undefined,
): T & { id: string; version: number; updatedAt: string } {
  return { ...fields, id, version: (current?.version ?? 0) + 1, updatedAt: new Date().toISOString() };
}
