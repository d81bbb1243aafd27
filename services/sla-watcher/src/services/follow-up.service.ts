import type { EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { addLocalDays, localDateOf, nextWallClockTime } from '@arende/calendar';
import {
  type Actor,
  type CaseSla,
  CaseSlaSchema,
  DomainError,
  type FollowUpKind,
  type FollowUpRecipient,
  getCaseV1,
  slaDailyReportV1,
  slaReminderV1,
  transitionCaseV1,
} from '@arende/contracts';
import { Outbox, type RpcClient, createEnvelope } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import type { TrackedCaseEntity } from '../entities/tracked-case.entity.js';
import type { TimerRepository, TimerRow } from '../repositories/timer.repository.js';
import type { TrackedCaseRepository } from '../repositories/tracked-case.repository.js';
import type { CalendarService } from './calendar.service.js';
import {
  type RecipientSettings,
  customerServiceOf,
  distinctRecipients,
  handlerOf,
  supervisorOf,
} from './recipients.js';
import type { FireOutcome } from './timer-loop.service.js';
import { reminderText } from './reminder-texts.js';
import type { WatchService } from './watch.service.js';

/** The actor of what the watcher does by itself (reopening, closing unanswered cases, its events). */
export const SLA_WATCHER_ACTOR: Actor = { kind: 'system', id: 'sla-watcher', name: 'Ärende', roles: [] };

/** The follow-ups derived from a case's state: scheduled, moved and dropped as its events arrive. */
export const DERIVED_KINDS = [
  'response',
  'feedback',
  'resolution',
  'acknowledgement',
  'customer_contact',
  'parked',
  'customer_reply',
  'unanswered_close',
] as const satisfies readonly FollowUpKind[];
type DerivedKind = (typeof DERIVED_KINDS)[number];

/** The follow-ups that escalate to the supervisor when their reminder is ignored. */
const ESCALATING: ReadonlySet<string> = new Set([
  'response',
  'feedback',
  'resolution',
  'acknowledgement',
  'customer_contact',
]);

/** Kinds a closed case keeps (everything else stops when a case is resolved or closed). */
export const KINDS_KEPT_WHEN_CLOSED = ['scheduled_reopen', 'watch'];

const SLA_KIND: ReadonlySet<string> = new Set(['response', 'feedback', 'resolution']);

export const DAILY_REPORT_KIND = 'daily_report';
const DAILY_REPORT_MAX_CASES = 500;

export function reminderKey(kind: string, caseId: string): string {
  return `${kind}:${caseId}`;
}
export function escalationKey(kind: string, caseId: string): string {
  return `${kind}:${caseId}:escalation`;
}
export function dailyReportKey(date: string): string {
  return `daily-report:${date}`;
}

export interface FollowUpSettings {
  escalateAfterMinutes: number;
  rpcRetryMs: number;
  dailyReportTime: string;
  recipients: RecipientSettings;
}

function isOpen(c: TrackedCaseEntity): boolean {
  return c.status !== 'resolved' && c.status !== 'closed';
}

export function slaOf(c: TrackedCaseEntity): CaseSla | null {
  if (!c.sla) return null;
  const parsed = CaseSlaSchema.safeParse(c.sla);
  return parsed.success ? parsed.data : null;
}

/**
 * The rules of following a case up: which deadlines its state gives, what a due timer sends and to whom, and
 * what comes after it (an escalation, the next morning's report).
 */
export class FollowUpService {
  constructor(
    private readonly cases: TrackedCaseRepository,
    private readonly timers: TimerRepository,
    private readonly calendars: CalendarService,
    private readonly rpc: RpcClient,
    private readonly settings: FollowUpSettings,
    private readonly schema: string,
    private readonly logger: StructuredLogger,
    private readonly watches: WatchService,
  ) {}

  /**
   * Brings the case's derived timers in line with its state (call after every change, in its transaction) and
   * writes the open SLA deadlines onto the case.
   */
  async sync(manager: EntityManager, c: TrackedCaseEntity, now: Date): Promise<void> {
    const { due, usedUp } = await this.deadlines(manager, c);
    c.responseDueAt = due.response;
    c.feedbackDueAt = due.feedback;
    c.resolutionDueAt = due.resolution;
    for (const kind of DERIVED_KINDS) {
      // An SLA whose time ran out reminded when it did; pausing and resuming the clock does not remind again.
      if (usedUp.has(kind)) continue;
      const at = due[kind];
      const key = reminderKey(kind, c.caseId);
      const escalation = escalationKey(kind, c.caseId);
      if (at) {
        await this.timers.scheduleReminder(
          manager,
          { key, caseId: c.caseId, kind, stage: 'reminder', round: 1, dueAt: at, deadlineAt: at },
          escalation,
          now,
        );
      } else {
        await this.timers.cancel(manager, [key, escalation]);
      }
    }
  }

  /**
   * When each derived follow-up of the case is due, null where none is; `usedUp` names the SLAs whose time ran
   * out in an earlier stretch of the clock (due at once, and already reminded).
   */
  async deadlines(
    manager: EntityManager,
    c: TrackedCaseEntity,
  ): Promise<{ due: Record<DerivedKind, Date | null>; usedUp: Set<DerivedKind> }> {
    const sla = slaOf(c);
    const calendar = await this.calendars.get(manager, sla?.calendarId);
    const open = isOpen(c);
    const running = open ? c.clockStartedAt : null;
    const usedUp = new Set<DerivedKind>();
    const slaAt = (kind: DerivedKind, minutes: number | null | undefined) => {
      if (!minutes || !running) return null;
      const remaining = minutes - c.slaUsedMinutes;
      if (remaining <= 0) usedUp.add(kind);
      return calendar.addBusinessMinutes(running, Math.max(0, remaining));
    };
    const waiting = c.status === 'waiting_for_customer' ? c.waitingSince : null;
    const due: Record<DerivedKind, Date | null> = {
      response: c.respondedAt ? null : slaAt('response', sla?.responseMinutes),
      feedback:
        c.fedBackAt || c.customerAnswered ? null : slaAt('feedback', sla?.feedbackHours && sla.feedbackHours * 60),
      resolution: slaAt('resolution', sla?.resolutionHours && sla.resolutionHours * 60),
      acknowledgement: open && !c.acknowledgedAt ? c.acknowledgeDueAt : null,
      customer_contact: open && !c.customerContactedAt ? c.contactDueAt : null,
      parked: c.status === 'parked' ? c.parkedUntil : null,
      customer_reply: waiting && sla?.customerReminderDays ? addLocalDays(waiting, sla.customerReminderDays) : null,
      unanswered_close: waiting && sla?.closeUnansweredDays ? addLocalDays(waiting, sla.closeUnansweredDays) : null,
    };
    return { due, usedUp };
  }

  /** Fires one claimed timer (see `TimerLoop`). */
  async fire(manager: EntityManager, timer: TimerRow, now: Date): Promise<FireOutcome> {
    if (timer.kind === DAILY_REPORT_KIND) return this.dailyReport(manager, timer, now);
    // Read, not locked: the consumer locks a case before its timers, so locking here (after the timers) could
    // deadlock with it. An event committed meanwhile moves or drops the timer once this batch commits.
    const c = timer.case_id ? await this.cases.find(manager, timer.case_id) : null;
    if (!c) return { outcome: 'no_case' };
    switch (timer.kind) {
      case 'scheduled_reopen':
        return this.reopen(manager, c, timer, now);
      case 'unanswered_close':
        return this.closeUnanswered(manager, c, timer, now);
      case 'customer_reply':
        if (c.status !== 'waiting_for_customer') return { outcome: 'met' };
        await this.remind(manager, c, timer, now, 'reminder', [{ kind: 'customer' }]);
        return { outcome: 'sent' };
      case 'referral':
        // Cancelled when the answer came; still pending means unanswered.
        await this.remind(manager, c, timer, now, 'reminder', [handlerOf(c)]);
        return { outcome: 'sent' };
      case 'watch':
        return this.watches.fire(manager, c, timer, now);
      case 'parked':
        if (c.status !== 'parked') return { outcome: 'met' };
        await this.remind(manager, c, timer, now, 'reminder', [handlerOf(c)]);
        return { outcome: 'sent' };
      default:
        return this.deadline(manager, c, timer, now);
    }
  }

  /** An SLA, acknowledgement or customer-contact deadline: remind, then escalate when ignored. */
  private async deadline(manager: EntityManager, c: TrackedCaseEntity, timer: TimerRow, now: Date) {
    if (!(await this.stillDue(manager, c, timer))) return { outcome: 'met' };
    const { recipients } = this.settings;
    if (timer.stage === 'escalation') {
      await this.remind(manager, c, timer, now, 'escalation', [supervisorOf(c, recipients)]);
      return { outcome: 'sent' };
    }
    await this.remind(manager, c, timer, now, 'reminder', [handlerOf(c), customerServiceOf(c, recipients)]);
    if (ESCALATING.has(timer.kind)) {
      const calendar = await this.calendars.get(manager, slaOf(c)?.calendarId);
      await this.timers.schedule(
        manager,
        {
          key: escalationKey(timer.kind, c.caseId),
          caseId: c.caseId,
          kind: timer.kind,
          stage: 'escalation',
          round: 1,
          dueAt: calendar.addBusinessMinutes(now, this.settings.escalateAfterMinutes),
          deadlineAt: timer.deadline_at,
          data: { remindedAt: now.toISOString() },
        },
        now,
      );
    }
    return { outcome: 'sent' };
  }

  /** The deadline the timer was set for is still the case's, and not met. */
  private async stillDue(manager: EntityManager, c: TrackedCaseEntity, timer: TimerRow): Promise<boolean> {
    const { due } = await this.deadlines(manager, c);
    const current = due[timer.kind as DerivedKind];
    if (!current) return false;
    // An SLA's deadline moves with pauses (sync moves its timer); a used-up one reports as due at the restart.
    return SLA_KIND.has(timer.kind) || current.getTime() === new Date(timer.deadline_at).getTime();
  }

  private async reopen(manager: EntityManager, c: TrackedCaseEntity, timer: TimerRow, now: Date) {
    const result = await this.transition(c, timer, 'reopened', 'Återöppnat enligt plan');
    if (result === 'retry') return { retryAt: new Date(now.getTime() + this.settings.rpcRetryMs) };
    if (result === 'skipped') return { outcome: 'skipped' };
    await this.remind(manager, c, timer, now, 'notice', [handlerOf(c)]);
    return { outcome: 'sent' };
  }

  private async closeUnanswered(manager: EntityManager, c: TrackedCaseEntity, timer: TimerRow, now: Date) {
    if (c.status !== 'waiting_for_customer') return { outcome: 'met' };
    const result = await this.transition(c, timer, 'closed', 'Stängt: kunden svarade inte');
    if (result === 'retry') return { retryAt: new Date(now.getTime() + this.settings.rpcRetryMs) };
    if (result === 'skipped') return { outcome: 'skipped' };
    await this.remind(manager, c, timer, now, 'notice', [handlerOf(c)]);
    return { outcome: 'sent' };
  }

  /**
   * Moves the case through case-core (read for its version, then transition). A refusal (the case moved on)
   * skips; no answer retries later, and case-core's version check keeps a retry after a crash from acting twice.
   */
  private async transition(
    c: TrackedCaseEntity,
    timer: TimerRow,
    to: 'reopened' | 'closed',
    reason: string,
  ): Promise<'done' | 'skipped' | 'retry'> {
    const meta = { actor: SLA_WATCHER_ACTOR, correlationId: `sla-timer-${timer.id}` };
    try {
      const view = await this.rpc.request(getCaseV1, { number: c.number }, meta);
      const from = to === 'reopened' ? ['closed', 'resolved'] : ['waiting_for_customer'];
      if (!from.includes(view.status)) return 'skipped';
      await this.rpc.request(transitionCaseV1, { number: c.number, version: view.version, to, reason }, meta);
      return 'done';
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'INTERNAL';
      if (code.startsWith('CASE.')) {
        this.logger.info({ number: c.number, to, code }, 'Case-core refused a scheduled transition; skipped');
        return 'skipped';
      }
      this.logger.warn({ err: error, number: c.number, to }, 'Scheduled transition failed; retrying later');
      return 'retry';
    }
  }

  async remind(
    manager: EntityManager,
    c: TrackedCaseEntity,
    timer: TimerRow,
    now: Date,
    stage: 'reminder' | 'escalation' | 'notice',
    recipients: ReadonlyArray<FollowUpRecipient | null>,
  ): Promise<void> {
    const deadline = new Date(timer.deadline_at);
    const envelope = createEnvelope(
      slaReminderV1,
      {
        timerId: timer.id,
        kind: timer.kind as FollowUpKind,
        stage,
        round: timer.round,
        caseId: c.caseId,
        number: c.number,
        title: c.title,
        inboxId: c.inboxId,
        assigneeId: c.assigneeId,
        dueAt: deadline.toISOString(),
        firedAt: now.toISOString(),
        recipients: distinctRecipients(recipients),
        text: reminderText(timer.kind, stage, c, deadline, timer.data),
      },
      { actor: SLA_WATCHER_ACTOR, correlationId: `sla-timer-${timer.id}` },
    );
    await Outbox.add(manager, envelope, this.schema);
  }

  /** The morning report: one event per inbox with open cases, then the next morning's timer. */
  private async dailyReport(manager: EntityManager, timer: TimerRow, now: Date): Promise<FireOutcome> {
    const rows = await this.cases.openCases(manager, now, DAILY_REPORT_MAX_CASES);
    const date = localDateOf(now);
    const byInbox = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byInbox.get(row.inbox_id) ?? [];
      list.push(row);
      byInbox.set(row.inbox_id, list);
    }
    for (const [inboxId, list] of byInbox) {
      const envelope = createEnvelope(
        slaDailyReportV1,
        {
          reportId: uuidv7(),
          inboxId,
          date,
          cases: list.map((row) => ({
            number: row.number,
            title: row.title,
            status: row.status,
            priority: row.priority,
            assigneeId: row.assignee_id,
            dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
            overdue: row.overdue,
          })),
          total: Number(list[0].total),
          overdue: Number(list[0].overdue_count),
        },
        { actor: SLA_WATCHER_ACTOR, correlationId: `sla-timer-${timer.id}` },
      );
      await Outbox.add(manager, envelope, this.schema);
    }
    await this.scheduleDailyReport(manager, now);
    return { outcome: byInbox.size > 0 ? 'sent' : 'empty' };
  }

  /** Makes sure the next morning report is pending (one per date, whichever replica gets there first). */
  async scheduleDailyReport(manager: EntityManager, now: Date): Promise<void> {
    const next = nextWallClockTime(now, this.settings.dailyReportTime);
    await this.timers.ensure(
      manager,
      {
        key: dailyReportKey(localDateOf(next)),
        caseId: null,
        kind: DAILY_REPORT_KIND,
        stage: 'notice',
        round: 1,
        dueAt: next,
      },
      now,
    );
  }
}
