import type { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  type CaseView,
  DomainError,
  type DistributeCasesRequestV1,
  type Inbox,
  type MoveCaseRequestV1,
  type ReturnFeedbackRequestV1,
  INBOX_DISTRIBUTION_KINDS,
  caseAssignedV1,
  caseDistributedV1,
  caseLockChangedV1,
  caseMovedV1,
  caseUpdatedV1,
} from '@arende/contracts';
import { isPerson } from './person.js';
import type { z } from 'zod';
import type { CaseRepository, EventLogRow } from '../repositories/case.repository.js';
import { type CaseRow, toCaseView } from '../repositories/case.row.js';
import {
  type CaseService,
  type ChangeOutcome,
  type CommitListener,
  type PendingEvent,
  type RequestContext,
  assertEditable,
  event,
} from './case.service.js';
import type { EntryService } from './entry.service.js';
import { CLEARED_FOLLOW_UP_MARKS, clearedMarkChanges } from './follow-up-marks.js';
import type { InboxLookup } from './inbox-lookup.js';
import { distributionHeading, entryText, feedbackHeading, feedbackRequiredLine } from './distribution-texts.js';

type DistributeInput = z.output<typeof DistributeCasesRequestV1>;

/**
 * Distribution (fördelning) sends cases on: to another inbox (work group, specialist group, external party)
 * or by e-mail (an external system, or for information). Each writes a distribution entry and publishes
 * case.evt.distributed.v1, from which notifications (a later service) sends the e-mails and the customer's
 * notice; case-core sends no mail. Cut and paste (move) changes the inbox without any of that.
 */
export class DistributionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly rows: CaseRepository,
    private readonly entries: EntryService,
    private readonly inboxes: InboxLookup,
    private readonly listener: CommitListener,
  ) {}

  /** All the cases or none: one transaction, the rows locked in number order so that two distributors never deadlock. */
  async distribute(input: DistributeInput, ctx: RequestContext): Promise<{ items: CaseView[] }> {
    if (input.notifyCustomer !== undefined && input.cases.length > 1) {
      throw new DomainError(
        'CASE.NOTIFY_SINGLE_CASE_ONLY',
        'The customer can be notified only when one case is distributed',
        { cases: input.cases.length },
      );
    }
    const target = input.inboxId === undefined ? null : await this.inboxes.getActive(input.inboxId, ctx.correlationId);
    if (target) assertTargetFits(input, target);
    const ordered = [...input.cases].sort((a, b) => a.number.localeCompare(b.number));
    const byNumber = await this.dataSource.transaction(async (manager) => {
      const done = new Map<string, CaseRow>();
      for (const { number, version } of ordered) {
        const outcome = await this.cases.changeWithin(manager, number, ctx, 'case.distribute', (m, row, now) =>
          this.distributeOne(m, row, version, input, target, ctx, now),
        );
        done.set(number, outcome.row);
      }
      return done;
    });
    this.listener.nudge();
    return { items: input.cases.map(({ number }) => toCaseView(byNumber.get(number) as CaseRow)) };
  }

  /** The specialist's answer: back to the inbox the case came from, with the feedback; the requirement goes. */
  async returnFeedback(input: z.output<typeof ReturnFeedbackRequestV1>, ctx: RequestContext): Promise<CaseView> {
    return this.cases.change(input.number, ctx, 'case.return-feedback', async (manager, row, now) => {
      assertEditable(row, ctx.actor, input.version);
      const returnInboxId = row.feedback_return_inbox_id;
      if (returnInboxId === null) {
        throw new DomainError(
          'CASE.FEEDBACK_NOT_REQUIRED',
          `Case ${row.number} owes no feedback; distribute it instead`,
        );
      }
      const from = await this.inboxes.get(row.inbox_id, ctx.correlationId).catch(() => null);
      const moved = await this.changeInbox(
        manager,
        row,
        returnInboxId,
        { feedback_return_inbox_id: null },
        ctx.actor,
        now,
      );
      const text = entryText(feedbackHeading(from, row.inbox_id), input.note);
      const entry = await this.entries.addWithin(manager, row, distributionEntry(row.number, text), ctx, now);
      moved.events.push(
        event(caseDistributedV1, {
          caseId: row.id,
          number: row.number,
          version: moved.row.version,
          kind: 'feedback_return',
          fromInboxId: row.inbox_id,
          toInboxId: returnInboxId,
          requiresFeedback: false,
          note: input.note,
          entryId: entry.id,
          email: null,
          notifyCustomer: null,
        }),
      );
      return moved;
    });
  }

  /** Cut and paste: only the case's handling officer moves it; no entry, no notification. */
  async move(input: z.output<typeof MoveCaseRequestV1>, ctx: RequestContext): Promise<CaseView> {
    return this.cases.change(input.number, ctx, 'case.move', async (manager, row, now) => {
      assertEditable(row, ctx.actor, input.version);
      if (!isPerson(ctx.actor, row.assignee_id)) {
        throw new DomainError('CASE.NOT_ASSIGNEE', `Only the handling officer of case ${row.number} may move it`, {
          assigneeId: row.assignee_id,
        });
      }
      assertNoFeedbackOwed(row);
      const target = await this.inboxes.getActive(input.inboxId, ctx.correlationId);
      if (target.id === row.inbox_id) return { row, events: [], log: [] };
      // The new inbox acknowledges again (follow-up-marks.ts).
      const updated = await this.rows.update(manager, row.id, { inbox_id: target.id, ...CLEARED_FOLLOW_UP_MARKS }, now);
      return {
        row: updated,
        log: [inboxLog(row, target.id, 'moved', ctx.actor, now)],
        events: [
          event(caseMovedV1, {
            caseId: row.id,
            number: row.number,
            version: updated.version,
            fromInboxId: row.inbox_id,
            toInboxId: target.id,
          }),
        ],
      };
    });
  }

  private async distributeOne(
    manager: EntityManager,
    row: CaseRow,
    version: number,
    input: DistributeInput,
    target: Inbox | null,
    ctx: RequestContext,
    now: Date,
  ): Promise<ChangeOutcome> {
    assertEditable(row, ctx.actor, version);
    let outcome: ChangeOutcome = { row, events: [], log: [] };
    if (target) {
      assertNoFeedbackOwed(row);
      const columns: Record<string, unknown> = {};
      if (input.requiresFeedback) columns.feedback_return_inbox_id = row.inbox_id;
      const organisation = input.kind === 'external_party' ? target.externalOrganisationId : null;
      if (organisation !== row.external_organisation_id) columns.external_organisation_id = organisation;
      outcome = await this.changeInbox(manager, row, target.id, columns, ctx.actor, now);
      if (organisation !== row.external_organisation_id) {
        const changes = { externalOrganisationId: { before: row.external_organisation_id, after: organisation } };
        outcome.events.push(
          event(caseUpdatedV1, { caseId: row.id, number: row.number, version: outcome.row.version, changes }),
        );
      }
      // With an external party the case is "hos extern"; taken back in, it is open again.
      const status = input.kind === 'external_party' ? 'with_external' : row.status === 'with_external' ? 'open' : null;
      if (status !== null && status !== outcome.row.status) {
        const reason = distributionHeading(input.kind, target, []);
        const transition = await this.cases.applyTransition(manager, outcome.row, { to: status, reason }, ctx, now);
        outcome = merge(outcome, transition);
      }
    }
    const to = input.email?.to ?? [];
    const lines = [input.requiresFeedback ? feedbackRequiredLine() : '', input.note];
    const text = entryText(distributionHeading(input.kind, target, to), ...lines);
    const entry = await this.entries.addWithin(manager, row, distributionEntry(row.number, text), ctx, now);
    outcome.events.push(
      event(caseDistributedV1, {
        caseId: row.id,
        number: row.number,
        version: outcome.row.version,
        kind: input.kind,
        fromInboxId: row.inbox_id,
        toInboxId: outcome.row.inbox_id,
        requiresFeedback: input.requiresFeedback,
        note: input.note,
        entryId: entry.id,
        email: input.email ? { to: input.email.to, include: input.email.include } : null,
        notifyCustomer: input.notifyCustomer
          ? { message: input.notifyCustomer.message, email: input.notifyCustomer.email ?? null }
          : null,
        acknowledgeMinutes: target?.acknowledgeMinutes ?? null,
        customerContactMinutes: target?.customerContactMinutes ?? null,
      }),
    );
    return outcome;
  }

  /**
   * Puts the case in another inbox with `columns`; a new inbox means a new handler, so the assignee and a lock
   * go (each with its log line and event).
   */
  private async changeInbox(
    manager: EntityManager,
    row: CaseRow,
    inboxId: string,
    columns: Record<string, unknown>,
    actor: Actor,
    now: Date,
  ): Promise<ChangeOutcome> {
    const leaving = inboxId !== row.inbox_id;
    const all: Record<string, unknown> = { ...columns };
    // A new inbox means a new receiver, who acknowledges again (follow-up-marks.ts).
    if (leaving) Object.assign(all, { inbox_id: inboxId, assignee_id: null, assignee_name: null });
    if (leaving) Object.assign(all, CLEARED_FOLLOW_UP_MARKS);
    if (leaving && row.lock_holder_id !== null)
      Object.assign(all, { lock_holder_id: null, lock_holder_name: null, locked_at: null });
    if (Object.keys(all).length === 0) return { row, events: [], log: [] };
    const updated = await this.rows.update(manager, row.id, all, now);
    const log: EventLogRow[] = leaving ? [inboxLog(row, inboxId, 'distributed', actor, now)] : [];
    const events: PendingEvent[] = [];
    if (leaving && row.assignee_id !== null) {
      log.push({
        caseId: row.id,
        kind: 'assigned',
        actor,
        occurredAt: now,
        changes: { assignee: { before: row.assignee_id, after: null } },
      });
      events.push(
        event(caseAssignedV1, {
          caseId: row.id,
          number: row.number,
          version: updated.version,
          inboxId,
          assigneeId: null,
          assigneeName: null,
          previousAssigneeId: row.assignee_id,
        }),
      );
    }
    if (leaving && row.lock_holder_id !== null) {
      log.push({
        caseId: row.id,
        kind: 'unlocked',
        actor,
        occurredAt: now,
        changes: { lock: { before: row.lock_holder_id, after: null } },
      });
      events.push(event(caseLockChangedV1, { caseId: row.id, number: row.number, lock: null, forced: false }));
    }
    return { row: updated, events, log };
  }
}

function assertTargetFits(input: DistributeInput, target: Inbox): void {
  if (!INBOX_DISTRIBUTION_KINDS.includes(input.kind) || target.kind !== input.kind) {
    throw new DomainError('CASE.INBOX_KIND_MISMATCH', `Inbox ${target.id} is a ${target.kind}, not a ${input.kind}`, {
      inboxId: target.id,
      inboxKind: target.kind,
    });
  }
  if (input.kind === 'external_party' && target.externalOrganisationId === null) {
    throw new DomainError('CASE.INBOX_KIND_MISMATCH', `Inbox ${target.id} names no external organisation`, {
      inboxId: target.id,
      inboxKind: target.kind,
    });
  }
}

/** While a specialist owes feedback the case only goes back, with return-feedback. */
function assertNoFeedbackOwed(row: CaseRow): void {
  if (row.feedback_return_inbox_id !== null) {
    throw new DomainError(
      'CASE.FEEDBACK_REQUIRED',
      `Case ${row.number} requires feedback: return it to ${row.feedback_return_inbox_id} with return-feedback`,
      { returnInboxId: row.feedback_return_inbox_id },
    );
  }
}

function distributionEntry(number: string, text: string) {
  return { number, kind: 'distribution' as const, text, visibility: 'staff' as const, attachments: [] };
}

/** The line of an inbox change, with the follow-up marks it cleared. */
function inboxLog(row: CaseRow, inboxId: string, kind: string, actor: Actor, now: Date): EventLogRow {
  const changes = { inbox: { before: row.inbox_id, after: inboxId }, ...clearedMarkChanges(row) };
  return { caseId: row.id, kind, actor, occurredAt: now, changes };
}

function merge(first: ChangeOutcome, second: ChangeOutcome): ChangeOutcome {
  return { row: second.row, events: [...first.events, ...second.events], log: [...first.log, ...second.log] };
}
