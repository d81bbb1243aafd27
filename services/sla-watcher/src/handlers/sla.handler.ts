import type { DataSource } from 'typeorm';
import {
  type Actor,
  DomainError,
  cancelReopenV1,
  createWatchV1,
  deleteWatchV1,
  listWatchesV1,
  getScheduledReopenV1,
  scheduleReopenV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { Clock } from '../clock.js';
import type { TimerRepository } from '../repositories/timer.repository.js';
import type { TrackedCaseRepository } from '../repositories/tracked-case.repository.js';
import { reminderKey } from '../services/follow-up.service.js';
import type { CaseLookupService } from '../services/case-lookup.service.js';
import type { WatchService } from '../services/watch.service.js';

/** Staff only: the gateway reads the case as the caller first, so whoever gets here may see it. */
function assertStaff(actor: Actor): void {
  if (actor.kind !== 'staff' && actor.kind !== 'system') {
    throw new DomainError('AUTH.FORBIDDEN', 'Only staff schedule reopenings and set watches');
  }
}

/** The RPC edge: scheduled reopening and watches. */
export class SlaHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly dataSource: DataSource,
    private readonly cases: TrackedCaseRepository,
    private readonly timers: TimerRepository,
    private readonly watches: WatchService,
    private readonly lookup: CaseLookupService,
    private readonly clock: Clock,
    private readonly onWrite: () => void,
  ) {}

  listen(): void {
    this.rpc
      .handle(scheduleReopenV1, async (input, ctx) => {
        assertStaff(ctx.actor);
        const at = new Date(input.at);
        if (at <= this.clock.now()) {
          throw new DomainError('SLA.REOPEN_IN_PAST', 'A case is reopened at a time still to come', { at: input.at });
        }
        await this.dataSource.transaction(async (manager) => {
          const found = await this.lookup.byNumber(manager, input.number, ctx.correlationId);
          const c = (await this.cases.lock(manager, found.caseId))!;
          const closed = (status: string) => status === 'closed' || status === 'resolved';
          // Closed a moment ago, the closing event may still be on its way here: case-core decides.
          if (!closed(c.status) && !closed(await this.lookup.currentStatus(input.number, ctx.correlationId))) {
            throw new DomainError('SLA.CASE_NOT_CLOSED', 'Only a resolved or closed case is reopened at a time');
          }
          await this.timers.schedule(
            manager,
            {
              key: reminderKey('scheduled_reopen', c.caseId),
              caseId: c.caseId,
              kind: 'scheduled_reopen',
              stage: 'notice',
              round: 1,
              dueAt: at,
              data: { reason: input.reason ?? null, scheduledBy: ctx.actor.id },
            },
            this.clock.now(),
          );
        });
        this.onWrite();
        return { number: input.number, at: at.toISOString(), reason: input.reason ?? null, scheduledBy: ctx.actor.id };
      })
      .handle(getScheduledReopenV1, async (input, ctx) => {
        assertStaff(ctx.actor);
        const c = await this.cases.findByNumber(input.number);
        const timer = c && (await this.timers.pending(reminderKey('scheduled_reopen', c.caseId)));
        if (!timer) return { scheduled: null };
        const data = timer.data as { reason?: string | null; scheduledBy?: string };
        return {
          scheduled: {
            number: input.number,
            at: timer.due_at.toISOString(),
            reason: data.reason ?? null,
            scheduledBy: data.scheduledBy ?? '',
          },
        };
      })
      .handle(cancelReopenV1, async (input, ctx) => {
        assertStaff(ctx.actor);
        const c = await this.cases.findByNumber(input.number);
        // A case the watcher has not heard of yet has nothing scheduled.
        if (!c) return { number: input.number, cancelled: false };
        const cancelled = await this.dataSource.transaction((manager) =>
          this.timers.cancel(manager, [reminderKey('scheduled_reopen', c.caseId)]),
        );
        return { number: input.number, cancelled: cancelled > 0 };
      })
      .handle(createWatchV1, async (input, ctx) => {
        assertStaff(ctx.actor);
        const watch = await this.dataSource.transaction((manager) =>
          this.watches.create(manager, input, ctx, this.clock.now()),
        );
        this.onWrite();
        return watch;
      })
      .handle(listWatchesV1, async (input, ctx) => {
        assertStaff(ctx.actor);
        return { items: await this.watches.list(input.number, ctx.actor, this.dataSource.manager) };
      })
      .handle(deleteWatchV1, async (input, ctx) => {
        assertStaff(ctx.actor);
        await this.dataSource.transaction((manager) => this.watches.delete(manager, input.number, input.id, ctx.actor));
        return { id: input.id, deleted: true as const };
      });
  }
}
