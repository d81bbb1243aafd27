import type { DataSource, EntityManager } from 'typeorm';
import {
  CASE_STATUSES,
  type Actor,
  type CaseStatus,
  type CaseSla,
  type CaseView,
  type EventContract,
  type RequestOrigin,
  DomainError,
  caseClosedV1,
  caseLockChangedV1,
  caseRegisteredV1,
  caseReopenedV1,
  caseStatusChangedV1,
  caseUpdatedV1,
  type CasePriority,
  type CountInboxRequestV1,
  type InboxCounts,
  type InboxPage,
  type ListInboxRequestV1,
  type RegisterCaseRequestV1,
  type TransitionCaseRequestV1,
  type UpdateCaseRequestV1,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { type CaseRepository, type EventLogRow, type InboxFilter } from '../repositories/case.repository.js';
import { INBOX_ORDERS } from '../repositories/inbox-order.js';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor.js';
import {
  type CaseRow,
  FIELD_COLUMNS,
  PRIORITY_RANK,
  type UpdatableField,
  toCaseView,
} from '../repositories/case.row.js';
import { assertTransition } from './case-status.js';
import { closeChildren } from './relation-closing.js';
import { removeMemosOnClose } from './entry-closing.js';
import { stockholmYear } from './stockholm-time.js';
import { registrationLink } from './customer-link.js';
import { type AccessScope, accessScope } from './access-scope.js';
import { assertMayChange, auditSecretReads } from './secret-reads.js';
import { assertNotLockedByOther, isPerson, personIdOf } from './person.js';

export interface RequestContext {
  actor: Actor;
  correlationId: string;
  /** Where the HTTP request came from (for the audit of secret reads). */
  origin?: RequestOrigin;
}

/** Anything that should hear that events were committed (the outbox relay). */
export interface CommitListener {
  nudge(): void;
}

const SUPERVISING_ROLES = ['supervisor', 'admin'];
const NOT_CLOSED: readonly CaseStatus[] = CASE_STATUSES.filter((status) => status !== 'closed');
/** Satisfies the case-number pattern until the database gives the real number (it is filled in by the same statement). */
const NUMBER_PENDING = '0000-000000';

export interface CaseServiceOptions {
  defaultInboxId: string;
  /**
   * Closing a case whose customer wants an answer and has had none is refused (CASE.CUSTOMER_NOT_ANSWERED)
   * unless the closer confirms it (default on; CLOSE_UNANSWERED_WARNING).
   */
  closeUnansweredWarning?: boolean;
}

/** A registration as case-core takes it: the request, plus the SLA target a template gives (never from the caller). */
export type CaseRegistration = z.output<typeof RegisterCaseRequestV1> & { sla?: CaseSla | null };

export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly listener: CommitListener,
    private readonly options: CaseServiceOptions,
  ) {}

  async register(input: CaseRegistration, ctx: RequestContext): Promise<CaseView> {
    assertMayChange(accessScope(ctx.actor));
    const now = new Date();
    const view = this.newCase(input, now);
    const event = createEnvelope(caseRegisteredV1, view, ctx);
    // A customer card given at registration is linked by the same statement (customer.service.ts has the rest).
    const link = input.customerId === undefined ? null : registrationLink(view, input.customerId, ctx);
    view.number = await this.cases.insertRegistered(view, stockholmYear(now), event, ctx.actor, undefined, link);
    this.listener.nudge();
    return view;
  }

  /**
   * Registers a case inside the caller's transaction (intake does, with the entry that caused it). The case
   * event goes to the outbox with the case; the caller nudges the relay after commit.
   */
  async registerWithin(
    manager: EntityManager,
    input: CaseRegistration,
    ctx: RequestContext,
    at: Date = new Date(),
  ): Promise<CaseView> {
    const view = this.newCase(input, at);
    const event = createEnvelope(caseRegisteredV1, view, ctx);
    view.number = await this.cases.insertRegistered(view, stockholmYear(at), event, ctx.actor, manager);
    return view;
  }

  /** Reopens a resolved or closed case inside the caller's transaction (a customer wrote again). */
  async reopenWithin(manager: EntityManager, row: CaseRow, reason: string, ctx: RequestContext): Promise<CaseRow> {
    const outcome = await this.applyTransition(manager, row, { to: 'reopened', reason }, ctx, new Date());
    await this.cases.insertEventLog(manager, outcome.log);
    for (const pending of outcome.events) {
      await Outbox.add(manager, createEnvelope(pending.contract, pending.data, ctx));
    }
    return outcome.row;
  }

  private newCase(input: CaseRegistration, now: Date): CaseView {
    const at = now.toISOString();
    const status = input.status ?? 'new';
    return {
      id: uuidv7(),
      number: NUMBER_PENDING,
      version: 1,
      title: input.title,
      description: input.description ?? '',
      status,
      parkedUntil: null,
      priority: input.priority ?? 'normal',
      channel: input.channel ?? 'phone',
      caseTypeId: input.caseTypeId ?? null,
      categoryId: input.categoryId ?? null,
      areaId: input.areaId ?? null,
      orgUnitId: input.orgUnitId ?? null,
      servicePointId: input.servicePointId ?? null,
      templateId: input.templateId ?? null,
      externalOrganisationId: input.externalOrganisationId ?? null,
      inboxId: input.inboxId ?? this.options.defaultInboxId,
      assigneeId: null,
      assigneeName: null,
      customerWantsAnswer: input.customerWantsAnswer ?? false,
      customerAnswered: input.customerAnswered ?? false,
      secret: input.secret ?? false,
      secrecyParagraph: input.secrecyParagraph ?? null,
      personalData: input.personalData ?? false,
      eventAt: input.eventAt ?? null,
      parentCaseId: null,
      registeredAt: at,
      updatedAt: at,
      closedAt: status === 'closed' ? at : null,
      customerRepliedAt: null,
      handlingSeconds: 0,
      lock: null,
      feedbackReturnInboxId: null,
      sla: input.sla ?? null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      customerContactedAt: null,
      customerContactedBy: null,
      location: input.location ?? null,
    };
  }

  /** A case in the caller's scope; out of scope or secret without the permission is CASE.NOT_FOUND. */
  async get(number: string, ctx: RequestContext): Promise<CaseView> {
    const row = await this.cases.findByNumber(accessScope(ctx.actor), number);
    if (!row) throw notFound(number);
    await auditSecretReads(this.cases, ctx, 'case.get', [row]);
    return toCaseView(row);
  }

  async update(input: z.output<typeof UpdateCaseRequestV1>, ctx: RequestContext): Promise<CaseView> {
    return this.change(input.number, ctx, 'case.update', async (manager, row, now) => {
      assertEditable(row, ctx.actor, input.version);
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      const columns: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(input.changes) as Array<[UpdatableField, unknown]>) {
        if (value === undefined) continue;
        const column = FIELD_COLUMNS[field];
        const before = toCaseView(row)[field];
        if (JSON.stringify(before) === JSON.stringify(value)) continue;
        changes[field] = { before, after: value };
        // A jsonb value goes as its JSON text (node-pg would turn an array into a PostgreSQL array).
        columns[column] = field === 'location' && value !== null ? JSON.stringify(value) : value;
        if (field === 'priority') columns.priority_rank = PRIORITY_RANK[value as CaseView['priority']];
      }
      if (Object.keys(changes).length === 0) return { row, events: [], log: [] };
      const updated = await this.cases.update(manager, row.id, columns, now);
      return {
        row: updated,
        log: [{ caseId: row.id, kind: 'updated', actor: ctx.actor, occurredAt: now, changes }],
        events: [event(caseUpdatedV1, { caseId: row.id, number: row.number, version: updated.version, changes })],
      };
    });
  }

  async transition(input: z.output<typeof TransitionCaseRequestV1>, ctx: RequestContext): Promise<CaseView> {
    if (input.parkedUntil !== undefined && input.to !== 'parked') {
      throw new DomainError('REQUEST.INVALID', 'parkedUntil goes only with the status parked', {
        fields: [{ path: 'parkedUntil', message: 'Only with to = parked' }],
      });
    }
    return this.change(input.number, ctx, 'case.transition', async (manager, row, now) => {
      assertNotLockedByOther(row, ctx.actor);
      assertVersion(row, input.version);
      if (input.to === 'closed' && input.confirmUnanswered !== true && this.options.closeUnansweredWarning !== false) {
        // A close that would fail anyway fails for that reason, not with a warning one cannot act on.
        assertTransition(row.status as CaseStatus, input.to);
        assertNoFeedbackOwed(row, input.to);
        await this.assertCustomersAnswered(manager, row, ctx);
      }
      return this.applyTransition(manager, row, input, ctx, now);
    });
  }

  /**
   * The close warning: the case, or an open child its closing would close with it, has a customer who wants an
   * answer and has had none (never answered nor contacted). The closer sees them all at once and confirms them
   * with one confirmUnanswered; a child the closer may not see is counted but not named.
   */
  private async assertCustomersAnswered(manager: EntityManager, row: CaseRow, ctx: RequestContext): Promise<void> {
    const unanswered = await this.cases.unansweredNumbers(manager, row.id);
    if (unanswered.length === 0) return;
    const visible = await this.cases.visibleNumbers(accessScope(ctx.actor), unanswered);
    const named = unanswered.filter((number) => visible.has(number));
    throw new DomainError(
      'CASE.CUSTOMER_NOT_ANSWERED',
      unanswered.includes(row.number)
        ? `The customer of case ${row.number} wants an answer and has not had one; confirm to close anyway`
        : `Closing case ${row.number} closes child cases whose customers want an answer and have not had one; confirm to close anyway`,
      { cases: named, count: unanswered.length },
    );
  }

  /** A status change of a case the caller holds in its transaction (distribution uses it too). */
  async applyTransition(
    manager: EntityManager,
    row: CaseRow,
    input: { to: CaseStatus; parkedUntil?: string; reason?: string },
    ctx: RequestContext,
    now: Date,
  ): Promise<ChangeOutcome> {
    const from = row.status as CaseStatus;
    assertTransition(from, input.to);
    assertNoFeedbackOwed(row, input.to);
    const columns: Record<string, unknown> = {
      status: input.to,
      parked_until: input.to === 'parked' ? (input.parkedUntil ?? null) : null,
    };
    if (input.to === 'closed') {
      columns.closed_at = now;
      columns.handling_seconds = Math.max(0, Math.round((now.getTime() - row.registered_at.getTime()) / 1000));
    }
    if (input.to === 'reopened') columns.closed_at = null;
    const updated = await this.cases.update(manager, row.id, columns, now);
    const data = {
      caseId: row.id,
      number: row.number,
      version: updated.version,
      from,
      to: input.to,
      parkedUntil: updated.parked_until?.toISOString() ?? null,
      reason: input.reason ?? null,
      inboxId: updated.inbox_id,
      assigneeId: updated.assignee_id,
    };
    const events = [event(caseStatusChangedV1, data)];
    if (input.to === 'closed') events.push(event(caseClosedV1, data));
    if (input.to === 'reopened') events.push(event(caseReopenedV1, data));
    // Closing a master closes its children in the same transaction (relation-closing.ts).
    const cascade = input.to === 'closed' ? await closeChildren(manager, this.cases, updated, ctx.actor, now) : null;
    if (cascade) events.push(...cascade.events);
    // A closing case loses its memos in the same transaction; notes stay (entry-closing.ts).
    const memos = input.to === 'closed' ? await removeMemosOnClose(manager, updated, ctx.actor, now) : null;
    if (memos) events.push(...memos.events);
    return {
      row: updated,
      events,
      log: [
        {
          caseId: row.id,
          kind: 'status-changed',
          actor: ctx.actor,
          occurredAt: now,
          changes: {
            status: { before: from, after: input.to },
            ...(input.reason ? { reason: { before: null, after: input.reason } } : {}),
          },
        },
        ...(cascade?.log ?? []),
        ...(memos?.log ?? []),
      ],
    };
  }

  async lock(number: string, ctx: RequestContext): Promise<CaseView> {
    return this.change(number, ctx, 'case.lock', async (manager, row, now) => {
      if (isPerson(ctx.actor, row.lock_holder_id)) return { row, events: [], log: [] };
      assertNotLockedByOther(row, ctx.actor);
      const updated = await this.cases.setWithoutVersion(manager, row.id, {
        lock_holder_id: personIdOf(ctx.actor),
        lock_holder_name: ctx.actor.name ?? null,
        locked_at: now,
      });
      const lock = toCaseView(updated).lock;
      return {
        row: updated,
        log: [{ caseId: row.id, kind: 'locked', actor: ctx.actor, occurredAt: now, changes: null }],
        events: [event(caseLockChangedV1, { caseId: row.id, number: row.number, lock, forced: false })],
      };
    });
  }

  async unlock(number: string, force: boolean, ctx: RequestContext): Promise<CaseView> {
    return this.change(number, ctx, 'case.unlock', async (manager, row, now) => {
      if (row.lock_holder_id === null) {
        throw new DomainError('CASE.NOT_LOCKED', `Case ${number} is not locked`);
      }
      const own = isPerson(ctx.actor, row.lock_holder_id);
      if (!own) {
        if (!force) assertNotLockedByOther(row, ctx.actor);
        if (!ctx.actor.roles.some((r) => SUPERVISING_ROLES.includes(r))) {
          throw new DomainError('AUTH.FORBIDDEN', 'Only a supervisor can force open a lock somebody else holds');
        }
      }
      const updated = await this.cases.setWithoutVersion(manager, row.id, {
        lock_holder_id: null,
        lock_holder_name: null,
        locked_at: null,
      });
      const forced = !own;
      return {
        row: updated,
        log: [
          {
            caseId: row.id,
            kind: forced ? 'lock-forced' : 'unlocked',
            actor: ctx.actor,
            occurredAt: now,
            changes: { lock: { before: row.lock_holder_id, after: null } },
          },
        ],
        events: [event(caseLockChangedV1, { caseId: row.id, number: row.number, lock: null, forced })],
      };
    });
  }

  /** An inbox's cases in the caller's scope (the others are left out silently), with the count on the first page. */
  async listInbox(input: z.input<typeof ListInboxRequestV1>, ctx: RequestContext): Promise<InboxPage> {
    const sort = input.sort ?? 'priority';
    const limit = input.limit ?? 50;
    const order = INBOX_ORDERS[sort];
    const after = input.cursor === undefined ? null : decodeInboxCursor(input.cursor, sort, order);
    const scope = accessScope(ctx.actor);
    const filter = inboxFilter(input);
    const [rows, total] = await Promise.all([
      this.cases.listInbox(scope, filter, order, after, limit + 1),
      after === null ? this.cases.countInbox(scope, filter) : null,
    ]);
    const page = rows.slice(0, limit);
    await auditSecretReads(this.cases, ctx, 'inbox.list', page);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeInboxCursor(sort, last.sort_keys) : null;
    return { items: page.map(toCaseView), nextCursor, total };
  }

  /** The group heads of an inbox view, in the caller's scope. */
  async countInbox(input: z.input<typeof CountInboxRequestV1>, ctx: RequestContext): Promise<InboxCounts> {
    const rows = await this.cases.inboxCounts(accessScope(ctx.actor), inboxFilter(input));
    const counts: InboxCounts = { total: 0, byStatus: {}, byPriority: {}, byAssignee: [] };
    for (const row of rows) {
      if (row.grouping === 0b111) counts.total = row.count;
      else if (row.grouping === 0b011) counts.byStatus[row.status as CaseStatus] = row.count;
      else if (row.grouping === 0b101) counts.byPriority[row.priority as CasePriority] = row.count;
      else counts.byAssignee.push({ assigneeId: row.assignee_id, assigneeName: row.assignee_name, count: row.count });
    }
    counts.byAssignee.sort((a, b) => b.count - a.count || (a.assigneeId ?? '').localeCompare(b.assigneeId ?? ''));
    return counts;
  }

  /**
   * The shape of every change: lock the row, apply the rule, write the log and the events in the same
   * transaction, then tell the relay.
   */
  async change(
    number: string,
    ctx: RequestContext,
    /** What the audit of secret reads calls it: the answer shows the case. */
    action: string,
    apply: (manager: EntityManager, row: CaseRow, now: Date) => Promise<ChangeOutcome>,
    /** Who may make this change among those who see the case (default: staff and the platform). */
    assertMay: (scope: AccessScope) => void = assertMayChange,
  ): Promise<CaseView> {
    const result = await this.dataSource.transaction((manager) =>
      this.changeWithin(manager, number, ctx, action, apply, assertMay),
    );
    if (result.events.length > 0) this.listener.nudge();
    return toCaseView(result.row);
  }

  /** One change inside the caller's transaction (several cases in one); the caller nudges the relay after commit. */
  async changeWithin(
    manager: EntityManager,
    number: string,
    ctx: RequestContext,
    action: string,
    apply: (manager: EntityManager, row: CaseRow, now: Date) => Promise<ChangeOutcome>,
    assertMay: (scope: AccessScope) => void = assertMayChange,
  ): Promise<ChangeOutcome> {
    const scope = accessScope(ctx.actor);
    const row = await this.cases.findByNumberForUpdate(manager, scope, number);
    if (!row) throw notFound(number);
    assertMay(scope);
    const outcome = await apply(manager, row, new Date());
    await this.recordWithin(manager, ctx, action, outcome);
    return outcome;
  }

  /** Writes what a change did (the audit of a secret case, the log lines, the events) in the caller's transaction. */
  async recordWithin(
    manager: EntityManager,
    ctx: RequestContext,
    action: string,
    outcome: ChangeOutcome,
  ): Promise<void> {
    await auditSecretReads(this.cases, ctx, action, [outcome.row], manager);
    await this.cases.insertEventLog(manager, outcome.log);
    for (const pending of outcome.events) {
      await Outbox.add(manager, createEnvelope(pending.contract, pending.data, ctx));
    }
  }
}

export interface PendingEvent {
  contract: EventContract;
  data: unknown;
}

/** What a change did: the case after it, the events to publish and the event-log lines. */
export interface ChangeOutcome {
  row: CaseRow;
  events: PendingEvent[];
  log: EventLogRow[];
}

export function event<T extends z.ZodType>(contract: EventContract<T>, data: z.input<T>): PendingEvent {
  return { contract: contract, data };
}

export function notFound(number: string): DomainError {
  return new DomainError('CASE.NOT_FOUND', `No case ${number}`);
}

export function assertVersion(row: CaseRow, version: number): void {
  if (row.version !== version) {
    throw new DomainError(
      'CASE.VERSION_CONFLICT',
      `Case ${row.number} was changed by someone else (version ${row.version}, you had ${version}); reload it`,
      { currentVersion: row.version, yourVersion: version },
    );
  }
}

export function assertEditable(row: CaseRow, actor: Actor, version: number): void {
  assertNotLockedByOther(row, actor);
  assertVersion(row, version);
  if (row.status === 'closed') {
    throw new DomainError('CASE.CLOSED', `Case ${row.number} is closed; reopen it to change it`);
  }
}

/** A specialist group that owes feedback cannot resolve or close the case; it returns it instead. */
function assertNoFeedbackOwed(row: CaseRow, to: CaseStatus): void {
  if (row.feedback_return_inbox_id !== null && (to === 'resolved' || to === 'closed')) {
    throw new DomainError(
      'CASE.FEEDBACK_REQUIRED',
      `Case ${row.number} requires feedback: return it to ${row.feedback_return_inbox_id} instead`,
      { returnInboxId: row.feedback_return_inbox_id },
    );
  }
}

function inboxFilter(input: {
  inboxId: string;
  statuses?: readonly CaseStatus[];
  assigneeId?: string | null;
}): InboxFilter {
  return { inboxId: input.inboxId, statuses: input.statuses ?? NOT_CLOSED, assigneeId: input.assigneeId };
}
