import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import {
  type Actor,
  DomainError,
  PERIOD_WATCH_KINDS,
  type WatchKind,
  type WatchView,
  type createWatchV1,
} from '@arende/contracts';
import type { z } from 'zod';
import { WatchEntity } from '../entities/watch.entity.js';
import type { TrackedCaseEntity } from '../entities/tracked-case.entity.js';
import type { TimerRepository, TimerRow } from '../repositories/timer.repository.js';
import type { TrackedCaseRepository } from '../repositories/tracked-case.repository.js';
import type { CaseLookupService } from './case-lookup.service.js';
import type { FireOutcome } from './timer-loop.service.js';

/** How a watch fires its reminder: the follow-up service words and writes it. */
export interface WatchReminders {
  remind(
    manager: EntityManager,
    c: TrackedCaseEntity,
    timer: TimerRow,
    now: Date,
    stage: 'notice',
    recipients: [{ kind: 'user'; userId: string }],
  ): Promise<void>;
}

const watchKey = (id: string) => `watch:${id}`;

/**
 * Watches (bevakningar). A point watch (no handler, not closed, customer not answered) has a timer at its end
 * and notifies when the event has not happened by then. A period watch (customer reply, referral answer, change)
 * notifies when the event happens inside its period: the event moves its timer to now; otherwise the timer at
 * the end of the period lets it expire quietly.
 */
export class WatchService {
  private reminders: WatchReminders | undefined;
  private lookup: CaseLookupService | undefined;

  constructor(
    private readonly cases: TrackedCaseRepository,
    private readonly timers: TimerRepository,
  ) {}

  /** Set once at boot (the follow-up service, the lookup and this one need each other). */
  useReminders(reminders: WatchReminders, lookup: CaseLookupService): void {
    this.reminders = reminders;
    this.lookup = lookup;
  }

  async create(
    manager: EntityManager,
    input: z.output<(typeof createWatchV1)['request']>,
    ctx: { actor: Actor; correlationId: string },
    now: Date,
  ): Promise<WatchView> {
    const { actor } = ctx;
    const c = this.lookup
      ? await this.lookup.byNumber(manager, input.number, ctx.correlationId)
      : await this.caseOf(input.number, manager);
    const period = PERIOD_WATCH_KINDS.includes(input.kind);
    const watch = manager.getRepository(WatchEntity).create({
      id: uuidv7(),
      caseId: c.caseId,
      kind: input.kind,
      userId: actor.id,
      comment: input.comment,
      startAt: period ? new Date(input.startAt ?? now) : null,
      endAt: new Date(input.endAt),
      createdAt: now,
      firedAt: null,
      outcome: null,
    });
    await manager.getRepository(WatchEntity).insert(watch);
    await this.timers.schedule(
      manager,
      {
        key: watchKey(watch.id),
        caseId: c.caseId,
        kind: 'watch',
        stage: 'notice',
        round: 1,
        dueAt: watch.endAt,
        data: { watchId: watch.id, watchKind: watch.kind },
      },
      now,
    );
    return view(watch, c.number);
  }

  async list(number: string, actor: Actor, manager: EntityManager): Promise<WatchView[]> {
    const c = await this.caseOf(number, manager);
    const rows = await manager
      .getRepository(WatchEntity)
      .find({ where: { caseId: c.caseId, userId: actor.id }, order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map((row) => view(row, c.number));
  }

  async delete(manager: EntityManager, number: string, id: string, actor: Actor): Promise<void> {
    const c = await this.caseOf(number, manager);
    const result = await manager.getRepository(WatchEntity).delete({ id, caseId: c.caseId, userId: actor.id });
    if (!result.affected) throw new DomainError('SLA.WATCH_NOT_FOUND', 'You have no such watch on this case');
    await this.timers.cancel(manager, [watchKey(id)]);
  }

  /** An event a period watch looks for happened at `at`: the watches whose period holds it fire now. */
  async triggered(manager: EntityManager, c: TrackedCaseEntity, kind: WatchKind, at: Date, now: Date): Promise<void> {
    const rows = await manager.getRepository(WatchEntity).find({ where: { caseId: c.caseId, kind } });
    for (const watch of rows) {
      if (watch.firedAt || !watch.startAt) continue;
      if (at < watch.startAt || at > watch.endAt) continue;
      await this.timers.schedule(
        manager,
        {
          key: watchKey(watch.id),
          caseId: c.caseId,
          kind: 'watch',
          stage: 'notice',
          round: 1,
          dueAt: now,
          deadlineAt: watch.endAt,
          data: { watchId: watch.id, watchKind: watch.kind, happenedAt: at.toISOString() },
        },
        now,
      );
    }
  }

  /** A watch's timer came due: notify the watcher if its event happened (period) or did not (point). */
  async fire(manager: EntityManager, c: TrackedCaseEntity, timer: TimerRow, now: Date): Promise<FireOutcome> {
    const id = typeof timer.data.watchId === 'string' ? timer.data.watchId : '';
    const repository = manager.getRepository(WatchEntity);
    const watch = await repository.findOneBy({ id });
    if (!watch || watch.firedAt) return { outcome: 'no_watch' };
    const notify = PERIOD_WATCH_KINDS.includes(watch.kind as WatchKind)
      ? typeof timer.data.happenedAt === 'string'
      : !pointEventHappened(watch.kind as WatchKind, c);
    if (notify) {
      await this.reminders?.remind(manager, c, timer, now, 'notice', [{ kind: 'user', userId: watch.userId }]);
    }
    const outcome = notify ? 'notified' : PERIOD_WATCH_KINDS.includes(watch.kind as WatchKind) ? 'expired' : 'met';
    await repository.update({ id }, { firedAt: now, outcome });
    return { outcome };
  }

  private async caseOf(number: string, manager: EntityManager): Promise<TrackedCaseEntity> {
    const c = await this.cases.findByNumber(number, manager);
    if (!c) throw new DomainError('SLA.CASE_UNKNOWN', `The SLA watcher knows no case ${number}`);
    return c;
  }
}

/** Whether what a point watch waits for has happened. */
function pointEventHappened(kind: WatchKind, c: TrackedCaseEntity): boolean {
  switch (kind) {
    case 'no_handler':
      return c.assigneeId !== null;
    case 'not_closed':
      return c.status === 'closed';
    case 'customer_not_answered':
      return c.customerAnswered || c.fedBackAt !== null;
    default:
      return true;
  }
}

function view(watch: WatchEntity, number: string): WatchView {
  return {
    id: watch.id,
    number,
    kind: watch.kind as WatchKind,
    userId: watch.userId,
    comment: watch.comment,
    startAt: watch.startAt?.toISOString() ?? null,
    endAt: watch.endAt.toISOString(),
    createdAt: watch.createdAt.toISOString(),
    firedAt: watch.firedAt?.toISOString() ?? null,
    outcome: (watch.outcome as WatchView['outcome']) ?? null,
  };
}
