import type { DataSource, EntityManager } from 'typeorm';
import {
  type CreateCustomerRequestV1,
  type CustomerCase,
  type CustomerView,
  DomainError,
  type ListCustomerCasesRequestV1,
  type SearchCustomersRequestV1,
  type UpdateCustomerRequestV1,
  customerLinkedV1,
  customerRegisteredV1,
  customerUnlinkedV1,
  customerUpdatedV1,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import type {
  CasePosition,
  CustomerMatch,
  CustomerPosition,
  CustomerRepository,
} from '../repositories/customer.repository.js';
import {
  type CustomerContent,
  type CustomerRow,
  customerColumns,
  toCustomerView,
} from '../repositories/customer.row.js';
import type { CommitListener, RequestContext } from './case.service.js';
import {
  EMPTY_CUSTOMER,
  assertAnonymity,
  diffContent,
  normalizeFields,
  normalizePersonalIdentityNumber,
  phoneKey,
  searchKeys,
} from './customer-fields.js';
import { emailKey, nameQueryPatterns } from './customer-search.js';
import { accessScope, seesOnlyCustomerVisible } from './access-scope.js';
import { assertMayChange, auditSecretReads } from './secret-reads.js';
import { assertNotLockedByOther } from './person.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Customer cards (kundkort) and their links to cases. */
export class CustomerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerRepository,
    private readonly cases: CaseRepository,
    private readonly listener: CommitListener,
  ) {}

  async create(input: z.output<typeof CreateCustomerRequestV1>, ctx: RequestContext): Promise<CustomerView> {
    assertCityStaff(ctx);
    const content: CustomerContent = { ...EMPTY_CUSTOMER, ...normalizeFields(input, '') };
    assertAnonymity(content, '');
    const now = new Date();
    const view = await this.dataSource.transaction(async (manager) => {
      const row = await this.customers.insert(
        manager,
        uuidv7(),
        customerColumns(content, searchKeys(content)),
        now,
        ctx.actor.id,
      );
      const created = toCustomerView(row);
      await Outbox.add(manager, createEnvelope(customerRegisteredV1, created, ctx));
      return created;
    });
    this.listener.nudge();
    return view;
  }

  async get(id: string, ctx: RequestContext): Promise<CustomerView> {
    assertCityStaff(ctx);
    return toCustomerView(await this.existing(id));
  }

  async update(input: z.output<typeof UpdateCustomerRequestV1>, ctx: RequestContext): Promise<CustomerView> {
    assertCityStaff(ctx);
    const changes = normalizeFields(input.changes, 'changes');
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.customers.findByIdForUpdate(manager, input.id);
      if (!row) throw notFound(input.id);
      if (row.version !== input.version) {
        throw new DomainError(
          'CUSTOMER.VERSION_CONFLICT',
          `The customer card was changed by someone else (version ${row.version}, you had ${input.version}); reload it`,
          { currentVersion: row.version, yourVersion: input.version },
        );
      }
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...before } = toCustomerView(row);
      const after: CustomerContent = { ...before, ...changes };
      assertAnonymity(after, 'changes');
      const diff = diffContent(before, after);
      if (Object.keys(diff).length === 0) return { row, changed: false };
      const updated = await this.customers.update(
        manager,
        row.id,
        customerColumns(after, searchKeys(after)),
        new Date(),
      );
      await Outbox.add(
        manager,
        createEnvelope(customerUpdatedV1, { customerId: row.id, version: updated.version, changes: diff }, ctx),
      );
      return { row: updated, changed: true };
    });
    if (result.changed) this.listener.nudge();
    return toCustomerView(result.row);
  }

  async search(input: z.output<typeof SearchCustomersRequestV1>, ctx: RequestContext): Promise<Page<CustomerView>> {
    assertCityStaff(ctx);
    const after = input.cursor === undefined ? null : decodeCustomerCursor(input.cursor);
    const rows = await this.customers.search(matchOf(input), after, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > input.limit && last ? encodeCursor([last.search_name, last.id]) : null;
    return { items: page.map(toCustomerView), nextCursor };
  }

  /** Links a card to a case: a change of the case, so an event-log line and an event; again is harmless. */
  async link(number: string, customerId: string, ctx: RequestContext): Promise<{ items: CustomerView[] }> {
    return this.changeLinks(number, customerId, ctx, async (manager, caseRow, now) => {
      if (!(await this.customers.link(manager, caseRow.id, customerId, now, ctx.actor.id))) return null;
      return {
        kind: 'customer-linked',
        changes: { customer: { before: null, after: customerId } },
        envelope: createEnvelope(customerLinkedV1, { caseId: caseRow.id, number, customerId }, ctx),
      };
    });
  }

  /** Removes a card from a case; removing one that is not linked changes nothing. */
  async unlink(number: string, customerId: string, ctx: RequestContext): Promise<{ items: CustomerView[] }> {
    return this.changeLinks(number, customerId, ctx, async (manager, caseRow) => {
      if (!(await this.customers.unlink(manager, caseRow.id, customerId))) return null;
      return {
        kind: 'customer-unlinked',
        changes: { customer: { before: customerId, after: null } },
        envelope: createEnvelope(customerUnlinkedV1, { caseId: caseRow.id, number, customerId }, ctx),
      };
    });
  }

  async listByCase(number: string, ctx: RequestContext): Promise<{ items: CustomerView[] }> {
    assertCityStaff(ctx);
    const caseRow = await this.cases.findByNumber(accessScope(ctx.actor), number);
    if (!caseRow) throw caseNotFound(number);
    await auditSecretReads(this.cases, ctx, 'case.customers', [caseRow]);
    return { items: (await this.customers.listByCase(caseRow.id)).map(toCustomerView) };
  }

  /** The card's cases in the caller's scope (the others are left out silently). */
  async listCases(
    input: z.output<typeof ListCustomerCasesRequestV1>,
    ctx: RequestContext,
  ): Promise<Page<CustomerCase>> {
    // Before the existence check: otherwise a citizen could tell whether someone else's card exists.
    assertCityStaff(ctx);
    await this.existing(input.id);
    const after = input.cursor === undefined ? null : decodeCaseCursor(input.cursor);
    const rows = await this.customers.listCases(accessScope(ctx.actor), input.id, after, input.limit + 1);
    const page = rows.slice(0, input.limit);
    await auditSecretReads(this.cases, ctx, 'customer.cases', page);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > input.limit && last ? encodeCursor([last.registered_at.toISOString(), last.id]) : null;
    return {
      items: page.map((row) => ({
        id: row.id,
        number: row.number,
        title: row.title,
        status: row.status as CustomerCase['status'],
        registeredAt: row.registered_at.toISOString(),
        linkedAt: row.linked_at.toISOString(),
      })),
      nextCursor,
    };
  }

  private async existing(id: string, manager?: EntityManager): Promise<CustomerRow> {
    const row = await this.customers.findById(id, manager);
    if (!row) throw notFound(id);
    return row;
  }

  /**
   * The shape of CaseService's changes: lock the case row, apply, write the log line and the event in the
   * same transaction, then tell the relay. The case's version stays: a link edits none of its fields.
   */
  private async changeLinks(
    number: string,
    customerId: string,
    ctx: RequestContext,
    apply: (
      manager: EntityManager,
      caseRow: CaseRow,
      now: Date,
    ) => Promise<{
      kind: string;
      changes: Record<string, { before: unknown; after: unknown }>;
      envelope: ReturnType<typeof createEnvelope>;
    } | null>,
  ): Promise<{ items: CustomerView[] }> {
    const scope = accessScope(ctx.actor);
    const result = await this.dataSource.transaction(async (manager) => {
      const caseRow = await this.cases.findByNumberForUpdate(manager, scope, number);
      if (!caseRow) throw caseNotFound(number);
      assertMayChange(scope);
      assertCaseChangeable(caseRow, ctx);
      await this.existing(customerId, manager);
      const now = new Date();
      const outcome = await apply(manager, caseRow, now);
      if (outcome) {
        await this.cases.insertEventLog(manager, [
          { caseId: caseRow.id, kind: outcome.kind, actor: ctx.actor, occurredAt: now, changes: outcome.changes },
        ]);
        await Outbox.add(manager, outcome.envelope);
      }
      const items = (await this.customers.listByCase(caseRow.id, manager)).map(toCustomerView);
      return { items, changed: outcome !== null };
    });
    if (result.changed) this.listener.nudge();
    return { items: result.items };
  }
}

/**
 * Customer cards are the city's register of people: contractors and citizens do not read or search it
 * (a citizen's own details come with the portal's own requests).
 */
function assertCityStaff(ctx: RequestContext): void {
  if (seesOnlyCustomerVisible(accessScope(ctx.actor))) {
    throw new DomainError('AUTH.FORBIDDEN', "Customer cards are for the city's staff");
  }
}

function matchOf(input: z.output<typeof SearchCustomersRequestV1>): CustomerMatch {
  if (input.pin !== undefined) return { by: 'pin', value: normalizePersonalIdentityNumber(input.pin, 'pin') };
  if (input.email !== undefined) return { by: 'email', value: emailKey(input.email) };
  if (input.phone !== undefined) return { by: 'phone', value: phoneKey(input.phone, 'phone') };
  const patterns = nameQueryPatterns(input.name ?? '');
  if (patterns.length === 0) {
    throw new DomainError('REQUEST.INVALID', 'The request is not valid', {
      fields: [{ path: 'name', message: 'Type at least one word' }],
    });
  }
  return { by: 'name', patterns };
}

function notFound(id: string): DomainError {
  return new DomainError('CUSTOMER.NOT_FOUND', `No customer card ${id}`);
}

function caseNotFound(number: string): DomainError {
  return new DomainError('CASE.NOT_FOUND', `No case ${number}`);
}

/** The same guard as other changes of a case: not locked by someone else, not closed. */
function assertCaseChangeable(row: CaseRow, ctx: RequestContext): void {
  assertNotLockedByOther(row, ctx.actor);
  if (row.status === 'closed') {
    throw new DomainError('CASE.CLOSED', `Case ${row.number} is closed; reopen it to change it`);
  }
}

function encodeCursor(position: [string, string]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodePair(cursor: string): [string, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through: the caller refuses it
  }
  return null;
}

function badCursor(): DomainError {
  return new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}

function decodeCustomerCursor(cursor: string): CustomerPosition {
  const pair = decodePair(cursor);
  if (!pair) throw badCursor();
  return { searchName: pair[0], id: pair[1] };
}

function decodeCaseCursor(cursor: string): CasePosition {
  const pair = decodePair(cursor);
  if (!pair || Number.isNaN(Date.parse(pair[0]))) throw badCursor();
  return { registeredAt: pair[0], id: pair[1] };
}
