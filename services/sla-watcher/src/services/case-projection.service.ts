import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  type CaseView,
  type caseAcknowledgedV1,
  type caseAssignedV1,
  type caseDistributedV1,
  type caseMovedV1,
  type caseStatusChangedV1,
  type caseUpdatedV1,
  type entryAddedV1,
  type referralAnsweredV1,
  type referralSentV1,
  INBOX_DISTRIBUTION_KINDS,
} from '@arende/contracts';
import { TrackedCaseEntity } from '../entities/tracked-case.entity.js';
import type { TimerRepository } from '../repositories/timer.repository.js';
import type { TrackedCaseRepository } from '../repositories/tracked-case.repository.js';
import type { CalendarService } from './calendar.service.js';
import { type FollowUpService, KINDS_KEPT_WHEN_CLOSED, reminderKey, slaOf } from './follow-up.service.js';
import type { WatchService } from './watch.service.js';

type Data<C extends { data: z.ZodType }> = z.output<C['data']>;

export interface ProjectionSettings {
  acknowledgeMinutes: number;
  customerContactMinutes: number;
}

/**
 * Keeps `tracked_case` from the case stream and, after each event, brings the case's timers in line
 * (`FollowUpService.sync`). Runs inside the consumer's transaction, so the event is applied once.
 */
export class CaseProjectionService {
  constructor(
    private readonly cases: TrackedCaseRepository,
    private readonly timers: TimerRepository,
    private readonly calendars: CalendarService,
    private readonly followUps: FollowUpService,
    private readonly watches: WatchService,
    private readonly settings: ProjectionSettings,
  ) {}

  async registered(manager: EntityManager, view: CaseView, at: Date, now: Date): Promise<void> {
    const existing = await this.cases.lock(manager, view.id);
    if (existing && existing.version >= view.version) return;
    const c = existing ?? new TrackedCaseEntity();
    Object.assign(c, {
      caseId: view.id,
      number: view.number,
      title: view.title,
      status: view.status,
      priority: view.priority,
      version: view.version,
      inboxId: view.inboxId,
      assigneeId: view.assigneeId,
      originInboxId: view.inboxId,
      sla: view.sla,
      customerWantsAnswer: view.customerWantsAnswer,
      customerAnswered: view.customerAnswered,
      registeredAt: new Date(view.registeredAt),
      closedAt: view.closedAt ? new Date(view.closedAt) : null,
      parkedUntil: view.parkedUntil ? new Date(view.parkedUntil) : null,
      waitingSince: view.status === 'waiting_for_customer' ? at : null,
      slaUsedMinutes: 0,
      clockStartedAt: view.status === 'waiting_for_customer' ? null : new Date(view.registeredAt),
      respondedAt: null,
      fedBackAt: view.customerAnswered ? at : null,
      distributedAt: null,
      acknowledgedAt: null,
      customerContactedAt: null,
      acknowledgeDueAt: null,
      contactDueAt: null,
    } satisfies Partial<TrackedCaseEntity>);
    await this.save(manager, c, now);
  }

  async updated(manager: EntityManager, data: Data<typeof caseUpdatedV1>, at: Date, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    const after = (field: string) => data.changes[field]?.after;
    if (typeof after('title') === 'string') c.title = after('title') as string;
    if (typeof after('priority') === 'string') c.priority = after('priority') as string;
    if (typeof after('customerWantsAnswer') === 'boolean')
      c.customerWantsAnswer = after('customerWantsAnswer') as boolean;
    if (typeof after('customerAnswered') === 'boolean') {
      c.customerAnswered = after('customerAnswered') as boolean;
      if (c.customerAnswered) c.fedBackAt ??= at;
    }
    if ('sla' in data.changes) c.sla = (after('sla') as Record<string, unknown> | null) ?? null;
    c.version = Math.max(c.version, data.version);
    await this.watches.triggered(manager, c, 'case_changed', at, now);
    await this.save(manager, c, now);
  }

  async statusChanged(
    manager: EntityManager,
    data: Data<typeof caseStatusChangedV1>,
    at: Date,
    now: Date,
  ): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c || data.version <= c.version) return;
    const calendar = await this.calendars.get(manager, slaOf(c)?.calendarId);
    const wasWaiting = c.status === 'waiting_for_customer';
    c.status = data.to;
    c.version = data.version;
    c.parkedUntil = data.parkedUntil ? new Date(data.parkedUntil) : null;
    c.inboxId = data.inboxId;
    c.assigneeId = data.assigneeId;
    if (data.to === 'waiting_for_customer' && !wasWaiting) {
      // The SLA clock pauses while the customer has the ball.
      if (c.clockStartedAt) c.slaUsedMinutes += Math.max(0, calendar.businessMinutesBetween(c.clockStartedAt, at));
      c.clockStartedAt = null;
      c.waitingSince = at;
      // Asking the customer something is an answer to them.
      c.respondedAt ??= at;
    } else if (wasWaiting && data.to !== 'waiting_for_customer') {
      c.clockStartedAt = at;
      c.waitingSince = null;
    }
    if (data.to === 'closed' || data.to === 'resolved') {
      c.closedAt = data.to === 'closed' ? at : c.closedAt;
      await this.timers.cancelCase(manager, c.caseId, KINDS_KEPT_WHEN_CLOSED);
    }
    if (data.to === 'reopened') {
      c.closedAt = null;
      c.clockStartedAt ??= at;
      await this.timers.cancel(manager, [reminderKey('scheduled_reopen', c.caseId)]);
    }
    await this.watches.triggered(manager, c, 'case_changed', at, now);
    await this.save(manager, c, now);
  }

  async assigned(manager: EntityManager, data: Data<typeof caseAssignedV1>, at: Date, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c || data.version <= c.version) return;
    c.version = data.version;
    c.inboxId = data.inboxId;
    c.assigneeId = data.assigneeId;
    await this.watches.triggered(manager, c, 'case_changed', at, now);
    await this.save(manager, c, now);
  }

  /** Sent to another inbox: it must acknowledge, and mark the customer contacted, within the limits. */
  async distributed(manager: EntityManager, data: Data<typeof caseDistributedV1>, at: Date, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    c.version = Math.max(c.version, data.version);
    if (
      data.kind !== 'feedback_return' &&
      INBOX_DISTRIBUTION_KINDS.includes(data.kind) &&
      data.toInboxId !== data.fromInboxId
    ) {
      const sla = slaOf(c);
      const calendar = await this.calendars.get(manager, sla?.calendarId);
      c.originInboxId = data.fromInboxId;
      c.inboxId = data.toInboxId;
      c.assigneeId = null;
      c.distributedAt = at;
      c.acknowledgedAt = null;
      c.customerContactedAt = null;
      // The template's limit, else the receiving inbox's, else the platform's.
      const acknowledgeMinutes = sla?.acknowledgeMinutes ?? data.acknowledgeMinutes ?? this.settings.acknowledgeMinutes;
      const contactMinutes =
        sla?.customerContactMinutes ?? data.customerContactMinutes ?? this.settings.customerContactMinutes;
      c.acknowledgeDueAt = calendar.addBusinessMinutes(at, acknowledgeMinutes);
      c.contactDueAt = calendar.addBusinessMinutes(at, contactMinutes);
    } else if (data.kind === 'feedback_return') {
      c.inboxId = data.toInboxId;
    }
    await this.watches.triggered(manager, c, 'case_changed', at, now);
    await this.save(manager, c, now);
  }

  async moved(manager: EntityManager, data: Data<typeof caseMovedV1>, at: Date, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    c.version = Math.max(c.version, data.version);
    c.inboxId = data.toInboxId;
    await this.watches.triggered(manager, c, 'case_changed', at, now);
    await this.save(manager, c, now);
  }

  async acknowledged(manager: EntityManager, data: Data<typeof caseAcknowledgedV1>, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    c.acknowledgedAt ??= new Date(data.at);
    c.acknowledgeDueAt = null;
    await this.save(manager, c, now);
  }

  async customerContacted(manager: EntityManager, data: Data<typeof caseAcknowledgedV1>, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    const at = new Date(data.at);
    c.customerContactedAt = at;
    c.contactDueAt = null;
    // Contacting the customer is both a first response and feedback to them.
    c.respondedAt ??= at;
    c.fedBackAt ??= at;
    await this.save(manager, c, now);
  }

  async entryAdded(manager: EntityManager, data: Data<typeof entryAddedV1>, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    const at = new Date(data.createdAt);
    if (data.direction === 'outbound') {
      c.respondedAt ??= at;
      c.fedBackAt ??= at;
    }
    if (data.direction === 'inbound' && data.kind !== 'referral_answer') {
      await this.watches.triggered(manager, c, 'customer_reply', at, now);
    }
    await this.watches.triggered(manager, c, 'case_changed', at, now);
    await this.save(manager, c, now);
  }

  async referralSent(manager: EntityManager, data: Data<typeof referralSentV1>, now: Date): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    const replyBy = new Date(data.replyBy);
    await this.timers.schedule(
      manager,
      {
        key: `referral:${data.id}`,
        caseId: c.caseId,
        kind: 'referral',
        stage: 'reminder',
        round: 1,
        dueAt: replyBy,
        data: { referralId: data.id, referralNumber: data.referralNumber },
      },
      now,
    );
  }

  async referralAnswered(
    manager: EntityManager,
    data: Data<typeof referralAnsweredV1>,
    at: Date,
    now: Date,
  ): Promise<void> {
    const c = await this.cases.lock(manager, data.caseId);
    if (!c) return;
    await this.timers.cancel(manager, [`referral:${data.referralId}`]);
    await this.watches.triggered(manager, c, 'referral_answered', at, now);
  }

  private async save(manager: EntityManager, c: TrackedCaseEntity, now: Date): Promise<void> {
    await this.followUps.sync(manager, c, now);
    c.updatedAt = now;
    await this.cases.save(manager, c);
  }
}
