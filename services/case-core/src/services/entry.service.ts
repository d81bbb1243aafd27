import type { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  DomainError,
  ENTRY_KIND_RULES,
  type EntryKind,
  type EntryView,
  type ListEntriesRequestV1,
  entryAddedV1,
  isCustomerContact,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { CaseRepository } from '../repositories/case.repository.js';
import {
  type EntryCaseRow,
  type EntryRepository,
  type EntryRow,
  type TimelinePosition,
} from '../repositories/entry.repository.js';
import type { CommitListener, RequestContext } from './case.service.js';
import { ThreadKeyRepository } from '../repositories/thread-key.repository.js';
import { threadKey } from '../intake/thread-keys.js';
import { type AddEntryInput, prepareEntry, resolveVisibility } from './entry-rules.js';
import { setMarkWithin } from './follow-up-marks.js';
import { assertNotLockedByOther } from './person.js';
import { SYSTEM_SCOPE, accessScope, seesOnlyCustomerVisible } from './access-scope.js';
import { assertMayChange, auditSecretReads } from './secret-reads.js';

/**
 * Entries on a case's timeline. Adding one is a change to the case (event-log line and event in the same
 * transaction) but not to its content: the case version stays, so nobody's open edit goes stale.
 */
export class EntryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: EntryRepository,
    private readonly cases: CaseRepository,
    private readonly listener: CommitListener,
    private readonly threads: ThreadKeyRepository = new ThreadKeyRepository(entries.schema),
  ) {}

  async add(input: AddEntryInput, ctx: RequestContext): Promise<EntryView> {
    prepareEntry(input, ctx.actor); // refuses a bad entry before the transaction starts
    // The platform's intake services deliver what arrives from outside onto the case it names; that reads
    // nothing of the case. Every other write needs the case in the writer's scope.
    const delivery = ctx.actor.kind === 'service' && ENTRY_KIND_RULES[input.kind].external;
    const scope = delivery ? SYSTEM_SCOPE : accessScope(ctx.actor);
    const view = await this.dataSource.transaction(async (manager) => {
      const contact = isCustomerContact(input.kind, resolveVisibility(input.kind, input.visibility));
      const row = await this.entries.findCaseForShare(manager, scope, input.number, contact ? 'update' : 'share');
      if (!row) throw new DomainError('CASE.NOT_FOUND', `No case ${input.number}`);
      assertMayChange(scope);
      assertMayAdd(row, input.kind, ctx.actor);
      const entry = await this.addWithin(manager, row, input, ctx);
      if (input.messageId) await this.threads.add(manager, row.id, [threadKey.email(input.messageId)], new Date());
      return entry;
    });
    this.listener.nudge();
    return view;
  }

  /**
   * Writes an entry on a case the caller has already found (and locked or shared) in its own transaction,
   * with its event-log line and event. The caller nudges the relay after commit.
   */
  async addWithin(
    manager: EntityManager,
    row: Pick<EntryCaseRow, 'id' | 'number'>,
    input: AddEntryInput,
    ctx: RequestContext,
    now: Date = new Date(),
  ): Promise<EntryView> {
    const prepared = prepareEntry(input, ctx.actor);
    const entry: EntryView = {
      id: uuidv7(),
      caseId: row.id,
      caseNumber: row.number,
      createdAt: now.toISOString(),
      ...prepared,
    };
    const event = createEnvelope(
      entryAddedV1,
      {
        entryId: entry.id,
        caseId: row.id,
        number: row.number,
        kind: entry.kind,
        direction: entry.direction,
        visibility: entry.visibility,
        author: entry.author,
        hasHtml: entry.html !== null,
        attachmentCount: entry.attachments.length,
        createdAt: entry.createdAt,
      },
      ctx,
    );
    await this.entries.insert(
      manager,
      {
        id: entry.id,
        case_id: row.id,
        kind: entry.kind,
        visibility: entry.visibility,
        author_id: entry.author?.id ?? null,
        author_name: entry.author?.name ?? null,
        sender: entry.from,
        text: entry.text,
        html: entry.html,
        attachments: entry.attachments,
        created_at: now,
      },
      {
        actorId: ctx.actor.id,
        actorName: ctx.actor.name ?? null,
        changes: { entry: { before: null, after: { id: entry.id, kind: entry.kind, visibility: entry.visibility } } },
      },
      event,
    );
    // An answer to the customer marks the customer contacted (once per inbox; follow-up-marks.ts).
    if (isCustomerContact(entry.kind, entry.visibility)) {
      const changes = { entry: { before: null, after: { id: entry.id, kind: entry.kind } } };
      const contacted = await setMarkWithin(manager, this.cases, row.id, 'customer_contacted', ctx.actor, now, changes);
      if (contacted) {
        await this.cases.insertEventLog(manager, contacted.log);
        for (const pending of contacted.events) {
          await Outbox.add(manager, createEnvelope(pending.contract, pending.data, ctx));
        }
      }
    }
    return entry;
  }

  /** An entry of a case in the caller's scope; contractors and citizens see only customer-visible ones. */
  async get(entryId: string, number: string | undefined, ctx: RequestContext): Promise<EntryView> {
    const scope = accessScope(ctx.actor);
    const row = await this.entries.findById(scope, entryId, seesOnlyCustomerVisible(scope));
    if (!row || (number !== undefined && row.case_number !== number)) {
      throw new DomainError('ENTRY.NOT_FOUND', `No entry ${entryId}${number ? ` on case ${number}` : ''}`);
    }
    await auditSecretReads(this.cases, ctx, 'entries.get', [
      { id: row.case_id, number: row.case_number, secret: row.case_secret },
    ]);
    const { case_secret: _secret, ...entry } = row;
    return toEntryView(entry);
  }

  async list(
    input: z.output<typeof ListEntriesRequestV1>,
    ctx: RequestContext,
  ): Promise<{ items: EntryView[]; nextCursor: string | null }> {
    const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
    const scope = accessScope(ctx.actor);
    const found = await this.entries.findCase(scope, input.number);
    if (found === null) throw new DomainError('CASE.NOT_FOUND', `No case ${input.number}`);
    await auditSecretReads(this.cases, ctx, 'entries.list', [found]);
    const rows = await this.entries.listByCase(
      found.id,
      input.order,
      input.kinds ?? null,
      after,
      input.limit + 1,
      seesOnlyCustomerVisible(scope),
    );
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.created_at.toISOString(), id: last.id })
        : null;
    return { items: page.map(toEntryView), nextCursor };
  }
}

/** Entries from outside always land (the customer wrote on a closed case); the city's own need an open, free case. */
function assertMayAdd(row: EntryCaseRow, kind: EntryKind, actor: Actor): void {
  if (ENTRY_KIND_RULES[kind].external) return;
  assertNotLockedByOther(row, actor);
  if (row.status === 'closed') {
    throw new DomainError('CASE.CLOSED', `Case ${row.number} is closed; reopen it to add a ${kind}`);
  }
}

export function toEntryView(row: EntryRow): EntryView {
  const kind = row.kind as EntryKind;
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    kind,
    direction: ENTRY_KIND_RULES[kind].direction,
    author: row.author_id === null ? null : { id: row.author_id, name: row.author_name },
    from: row.sender,
    text: row.text,
    html: row.html,
    attachments: row.attachments,
    visibility: row.visibility as EntryView['visibility'],
    createdAt: row.created_at.toISOString(),
  };
}

function encodeCursor(position: TimelinePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): TimelinePosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}
