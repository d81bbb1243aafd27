import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '@arende/persistence';
import type { EntryAttachment, EntryKind, EventEnvelope } from '@arende/contracts';
import { outboxRowParams } from '@arende/messaging';
import { type AccessScope, scopeCondition } from '../services/access-scope.js';

/** A row of the entry table with its case's number, as `query()` returns it. */
export interface EntryRow {
  id: string;
  case_id: string;
  case_number: string;
  kind: string;
  visibility: string;
  author_id: string | null;
  author_name: string | null;
  sender: string | null;
  text: string;
  html: string | null;
  attachments: EntryAttachment[];
  created_at: Date;
}

export type NewEntryRow = Omit<EntryRow, 'case_number'>;

/** What adding an entry needs to know of its case. */
export interface EntryCaseRow {
  id: string;
  number: string;
  status: string;
  lock_holder_id: string | null;
  lock_holder_name: string | null;
  locked_at: Date | null;
}

export interface TimelinePosition {
  createdAt: string;
  id: string;
}

const COLUMNS =
  'e.id, e.case_id, c.number AS case_number, e.kind, e.visibility, e.author_id, e.author_name, e.sender, e.text, e.html, e.attachments, e.created_at';

/** Queries of the entry table; no rules here. */
export class EntryRepository {
  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
  ) {}

  /**
   * Reads the case and holds it against changes until the transaction ends. A share lock: entries may be
   * added side by side, but not while the case is being closed (so a memo cannot slip past the closing). An
   * entry that also changes the case takes the row lock instead (two share holders both updating deadlock).
   */
  async findCaseForShare(
    manager: EntityManager,
    scope: AccessScope,
    number: string,
    /** `update` when the entry will change the case row too (an answer marks the customer contacted). */
    lock: 'share' | 'update' = 'share',
  ): Promise<EntryCaseRow | null> {
    const params: unknown[] = [number];
    const rows = await manager.query<EntryCaseRow[]>(
      `SELECT c.id, c.number, c.status, c.lock_holder_id, c.lock_holder_name, c.locked_at
       FROM "${this.schema}"."case" c
       WHERE c.number = $1 AND ${scopeCondition(scope, 'c', this.schema, params)}
       ${lock === 'update' ? 'FOR UPDATE OF c' : 'FOR SHARE OF c'}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The case in the caller's scope, or null. */
  async findCase(scope: AccessScope, number: string): Promise<{ id: string; number: string; secret: boolean } | null> {
    const params: unknown[] = [number];
    const rows = await this.dataSource.query<Array<{ id: string; number: string; secret: boolean }>>(
      `SELECT c.id, c.number, c.secret FROM "${this.schema}"."case" c
       WHERE c.number = $1 AND ${scopeCondition(scope, 'c', this.schema, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * Writes the entry, its event-log line and its event in one statement (one round trip instead of three: the
   * intake consumer writes an entry for every inbound message).
   */
  async insert(
    manager: EntityManager,
    row: NewEntryRow,
    log: { actorId: string; actorName: string | null; changes: unknown },
    event: EventEnvelope<unknown>,
  ): Promise<void> {
    await queryPrepared(
      manager,
      `WITH entry AS (
         INSERT INTO "${this.schema}".entry (id, case_id, kind, visibility, author_id, author_name, sender, text, html,
           attachments, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)),
       log AS (
         INSERT INTO "${this.schema}".case_event (case_id, kind, actor_id, actor_name, occurred_at, changes)
         VALUES ($2, 'entry-added', $12, $13, $11, $14))
       INSERT INTO "${this.schema}".outbox (id, subject, payload) VALUES ($15, $16, $17)`,
      [
        row.id,
        row.case_id,
        row.kind,
        row.visibility,
        row.author_id,
        row.author_name,
        row.sender,
        row.text,
        row.html,
        JSON.stringify(row.attachments),
        row.created_at,
        log.actorId,
        log.actorName,
        JSON.stringify(log.changes),
        ...outboxRowParams(event),
      ],
    );
  }

  /** The entry, if its case is in the caller's scope (and, for `customerOnly`, it is customer-visible). */
  async findById(
    scope: AccessScope,
    id: string,
    customerOnly: boolean,
  ): Promise<(EntryRow & { case_secret: boolean }) | null> {
    const params: unknown[] = [id];
    const visible = customerOnly ? ` AND e.visibility = 'customer'` : '';
    const rows = await this.dataSource.query<Array<EntryRow & { case_secret: boolean }>>(
      `SELECT ${COLUMNS}, c.secret AS case_secret
       FROM "${this.schema}".entry e JOIN "${this.schema}"."case" c ON c.id = e.case_id
       WHERE e.id = $1${visible} AND ${scopeCondition(scope, 'c', this.schema, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** One page of a case's timeline by (created_at, id), oldest or newest first, optionally only some kinds. */
  async listByCase(
    caseId: string,
    order: 'asc' | 'desc',
    kinds: readonly EntryKind[] | null,
    after: TimelinePosition | null,
    limit: number,
    customerOnly: boolean,
  ): Promise<EntryRow[]> {
    const params: unknown[] = [caseId, limit];
    const conditions = ['e.case_id = $1'];
    if (customerOnly) conditions.push(`e.visibility = 'customer'`);
    if (kinds) {
      params.push(kinds);
      conditions.push(`e.kind = ANY($${params.length})`);
    }
    if (after) {
      params.push(after.createdAt, after.id);
      const cmp = order === 'asc' ? '>' : '<';
      conditions.push(`(e.created_at, e.id) ${cmp} ($${params.length - 1}, $${params.length})`);
    }
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    return await this.dataSource.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".entry e JOIN "${this.schema}"."case" c ON c.id = e.case_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY e.created_at ${direction}, e.id ${direction}
       LIMIT $2`,
      params,
    );
  }

  /** Deletes a case's entries of the given kinds; returns their ids. */
  async deleteKinds(manager: EntityManager, caseId: string, kinds: readonly EntryKind[]): Promise<string[]> {
    const result = await manager.query<[Array<{ id: string }>, number]>(
      `DELETE FROM "${this.schema}".entry WHERE case_id = $1 AND kind = ANY($2) RETURNING id`,
      [caseId, kinds],
    );
    return result[0].map((r) => r.id).sort();
  }
}
