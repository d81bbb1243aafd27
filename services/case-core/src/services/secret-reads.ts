import { DomainError } from '@arende/contracts';
import type { EntityManager } from 'typeorm';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import { type AccessScope, mayChangeCases } from './access-scope.js';
import type { RequestContext } from './case.service.js';

/**
 * Writes an audit record for each secret case among `rows` the caller has just read (who, when, which case,
 * what, from where). Inside the read's transaction when there is one (`manager`), else a single insert.
 */
export async function auditSecretReads(
  cases: CaseRepository,
  ctx: RequestContext,
  action: string,
  rows: ReadonlyArray<Pick<CaseRow, 'id' | 'number' | 'secret'>>,
  manager?: EntityManager,
): Promise<void> {
  const readAt = new Date();
  const records = rows
    .filter((row) => row.secret)
    .map((row) => ({
      actorId: ctx.actor.id,
      actorName: ctx.actor.name ?? null,
      readAt,
      caseId: row.id,
      caseNumber: row.number,
      action,
      ip: ctx.origin?.ip ?? null,
      userAgent: ctx.origin?.userAgent ?? null,
    }));
  await cases.insertSecretReads(records, manager);
}

export function caseNotFound(number: string): DomainError {
  return new DomainError('CASE.NOT_FOUND', `No case ${number}`);
}

/** Contractors and citizens change cases only through their own requests (acknowledge, reply), not these. */
export function assertMayChange(scope: AccessScope): void {
  if (!mayChangeCases(scope)) {
    throw new DomainError('AUTH.FORBIDDEN', 'This account may not change cases this way');
  }
}
