import type { EntityManager } from 'typeorm';
import { DomainError, getCaseV1 } from '@arende/contracts';
import type { RpcClient } from '@arende/messaging';
import type { Clock } from '../clock.js';
import type { TrackedCaseEntity } from '../entities/tracked-case.entity.js';
import type { TrackedCaseRepository } from '../repositories/tracked-case.repository.js';
import type { CaseProjectionService } from './case-projection.service.js';
import { SLA_WATCHER_ACTOR } from './follow-up.service.js';

/**
 * A case by number for the RPCs (watches, scheduled reopening). A case the watcher has not heard of yet (its
 * registration is still on its way, or it is older than the watcher) is read from case-core and projected as if
 * registered now; later events with a higher version update it as usual.
 */
export class CaseLookupService {
  constructor(
    private readonly cases: TrackedCaseRepository,
    private readonly projection: CaseProjectionService,
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  /** The case's status as case-core has it now (the projection may be an event behind). */
  async currentStatus(number: string, correlationId: string): Promise<string> {
    const view = await this.rpc.request(getCaseV1, { number }, { actor: SLA_WATCHER_ACTOR, correlationId });
    return view.status;
  }

  async byNumber(manager: EntityManager, number: string, correlationId: string): Promise<TrackedCaseEntity> {
    const known = await this.cases.findByNumber(number, manager);
    if (known) return known;
    let view;
    try {
      view = await this.rpc.request(getCaseV1, { number }, { actor: SLA_WATCHER_ACTOR, correlationId });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CASE.NOT_FOUND') {
        throw new DomainError('SLA.CASE_UNKNOWN', `There is no case ${number}`);
      }
      throw error;
    }
    const now = this.clock.now();
    await this.projection.registered(manager, view, now, now);
    const projected = await this.cases.findByNumber(number, manager);
    if (!projected) throw new DomainError('SLA.CASE_UNKNOWN', `There is no case ${number}`);
    return projected;
  }
}
