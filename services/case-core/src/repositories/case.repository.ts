import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '@arende/persistence';
import { type Actor, type CaseStatus, type CaseView, DomainError, type EventEnvelope } from '@arende/contracts';
import { type CaseRow, PRIORITY_RANK } from './case.row.js';
import { type AccessScope, scopeCondition } from '../services/access-scope.js';
import type { InboxOrder } from './inbox-order.js';

/** One audited read of a secret case. */
export interface SecretRead {
  actorId: string;
  actorName: string | null;
  readAt: Date;
  caseId: string;
  caseNumber: string;
  action: string;
  ip: string | null;
  userAgent: string | null;
}

export interface EventLogRow {
  caseId: string;
  kind: string;
  actor: Actor;
  occurredAt: Date;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** Which cases of an inbox a listing or a count is about. */
export interface InboxFilter {
  inboxId: string;
  statuses: readonly CaseStatus[];
  /** A handler's id; null: unassigned cases only; undefined: everybody's. */
  assigneeId?: string | null;
}

/** A listed case with its sort keys as text (for the cursor). */
export type InboxRow = CaseRow & { sort_keys: string[] };

/** One group of {@link CaseRepository.inboxCounts}; `grouping` says which (bits: status 4, priority 2, assignee 1). */
export interface InboxCountRow {
  status: string | null;
  priority: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  count: number;
  grouping: number;
}

function inboxCondition(scope: AccessScope, filter: InboxFilter, schema: string, params: unknown[]): string {
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = [`c.inbox_id = ${param(filter.inboxId)}`, `c.status = ANY(${param(filter.statuses)}::text[])`];
  if (filter.assigneeId === null) conditions.push('c.assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) conditions.push(`c.assignee_id = ${param(filter.assigneeId)}`);
  conditions.push(scopeCondition(scope, 'c', schema, params));
  return conditions.join(' AND ');
}

/** The two follow-up marks on a case, by their column prefix. */
export type FollowUpMark = 'acknowledged' | 'customer_contacted';

/** The event-log kind of a customer-contact mark (the close warning looks for it). */
export const CUSTOMER_CONTACTED_LOG_KIND = 'customer-contacted';

const UNDEFINED_TABLE = '42P01';
const FOREIGN_KEY_VIOLATION = '23503';

/** A customer card to link in the registering statement, with its customer-linked event (number filled in there). */
export interface RegistrationLink {
  customerId: string;
  event: EventEnvelope<unknown>;
}

function unknownCustomer(link: RegistrationLink | null): DomainError {
  return new DomainError('CUSTOMER.NOT_FOUND', `No customer card ${link?.customerId ?? ''}`);
}

/** The statement returns no row only when the customer card to link does not exist. */
function registeredNumber(rows: Array<{ number: string }>, link: RegistrationLink | null): string {
  if (rows.length === 0) throw unknownCustomer(link);
  return rows[0].number;
}

function isPgError(error: unknown, code: string): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === code || e?.driverError?.code === code;
}

/** Queries of the case table and its event log; no rules here. */
export class CaseRepository {
  private readonly registerSql: string;
  /** Years whose sequence this process has made sure of: one CREATE … IF NOT EXISTS per year, not per case. */
  private readonly knownYears = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {
    const s = `"${schema}"`;
    // One statement, one round trip: the case (numbered from the year's sequence), its outbox event with the
    // number filled in, and its first event-log line. This is the platform's hottest write.
    this.registerSql = `WITH c AS (
      INSERT INTO ${s}."case" (id, number, version, title, description, status, parked_until, priority, priority_rank,
        channel, case_type_id, category_id, area_id, org_unit_id, service_point_id, template_id, inbox_id,
        assignee_id, assignee_name, customer_wants_answer, customer_answered, secret, secrecy_paragraph,
        personal_data, event_at, registered_at, updated_at, closed_at, handling_seconds, registered_by, parent_case_id,
        external_organisation_id, sla, location)
      SELECT $1, $2 || '-' || lpad(nextval($3::regclass)::text, 6, '0'), 1, $4, $5, $6, NULL, $7, $8,
        $9, $10, $11, $12, $13, $14, $15, $16,
        NULL, NULL, $17, $18, $19, $20,
        $21, $22, $23, $23, $24, 0, $25, NULL, $35, $36::jsonb, $37::jsonb
      -- An unknown customer: no row, and no number taken from the sequence (the filter runs first).
      WHERE $31::uuid IS NULL OR EXISTS (SELECT 1 FROM ${s}.customer WHERE id = $31::uuid)
      RETURNING id, number
    ), o AS (
      INSERT INTO ${s}.outbox (id, subject, payload)
      SELECT $26, $27, jsonb_set($28::jsonb, '{data,number}', to_jsonb(c.number)) FROM c
      RETURNING seq
    ), l AS (
      INSERT INTO ${s}.case_event (case_id, kind, actor_id, actor_name, occurred_at, changes)
      SELECT c.id, 'registered', $29, $30, $23, NULL FROM c
      RETURNING id
    ), k AS (
      -- The customer card linked at registration (customerId), with its own event and log line after
      -- the registered ones: joining o and l makes them come first.
      INSERT INTO ${s}.case_customer (case_id, customer_id, linked_at, linked_by)
      SELECT c.id, $31::uuid, $23, $29 FROM c WHERE $31::uuid IS NOT NULL
      RETURNING case_id
    ), ko AS (
      INSERT INTO ${s}.outbox (id, subject, payload)
      SELECT $32, $33, jsonb_set($34::jsonb, '{data,number}', to_jsonb(c.number)) FROM c, k, o
    ), kl AS (
      INSERT INTO ${s}.case_event (case_id, kind, actor_id, actor_name, occurred_at, changes)
      SELECT k.case_id, 'customer-linked', $29, $30, $23,
        jsonb_build_object('customer', jsonb_build_object('before', NULL, 'after', $31::uuid)) FROM k, l
    )
    SELECT number FROM c`;
  }

  private sequenceName(year: number): string {
    return `"${this.schema}".case_number_${year}`;
  }

  /** Case numbers are never reused: a sequence per year, with no cycle, up to 999999. */
  async ensureYearSequence(year: number): Promise<void> {
    await this.dataSource.query(
      `CREATE SEQUENCE IF NOT EXISTS ${this.sequenceName(year)} AS integer MINVALUE 1 MAXVALUE 999999 NO CYCLE`,
    );
    this.knownYears.add(year);
  }

  /**
   * Writes a registered case with its event and log line in one statement; returns the case number.
   * Inside a transaction (`manager`), ensure the year's sequence first: a failed statement aborts the transaction.
   */
  async insertRegistered(
    view: CaseView,
    year: number,
    event: EventEnvelope<CaseView>,
    actor: Actor,
    manager: EntityManager = this.dataSource.manager,
    link: RegistrationLink | null = null,
  ): Promise<string> {
    const params = [
      view.id,
      String(year),
      this.sequenceName(year),
      view.title,
      view.description,
      view.status,
      view.priority,
      PRIORITY_RANK[view.priority],
      view.channel,
      view.caseTypeId,
      view.categoryId,
      view.areaId,
      view.orgUnitId,
      view.servicePointId,
      view.templateId,
      view.inboxId,
      view.customerWantsAnswer,
      view.customerAnswered,
      view.secret,
      view.secrecyParagraph,
      view.personalData,
      view.eventAt,
      view.registeredAt,
      view.closedAt,
      actor.id,
      event.id,
      event.type,
      JSON.stringify(event),
      actor.id,
      actor.name ?? null,
      link?.customerId ?? null,
      link?.event.id ?? null,
      link?.event.type ?? null,
      link ? JSON.stringify(link.event) : null,
      view.externalOrganisationId,
      view.sla === null ? null : JSON.stringify(view.sla),
      view.location === null ? null : JSON.stringify(view.location),
    ];
    if (!this.knownYears.has(year)) await this.ensureYearSequence(year);
    try {
      const rows =
        manager === this.dataSource.manager
          ? await this.registerPrepared(params)
          : await queryPrepared<{ number: string }>(manager, this.registerSql, params);
      return registeredNumber(rows, link);
    } catch (error) {
      if (isPgError(error, FOREIGN_KEY_VIOLATION)) throw unknownCustomer(link);
      if (!isPgError(error, UNDEFINED_TABLE) || manager.queryRunner?.isTransactionActive) throw error;
      await this.ensureYearSequence(year);
      const rows = await this.dataSource.query<Array<{ number: string }>>(this.registerSql, params);
      return registeredNumber(rows, link);
    }
  }

  /**
   * The registration statement as a named prepared statement on the pool: PostgreSQL parses and plans
   * this CTE once per connection instead of on every case (a third of its CPU per registration).
   */
  private async registerPrepared(params: unknown[]): Promise<Array<{ number: string }>> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<{ number: string }>({
      name: `register-case-${this.schema}`,
      text: this.registerSql,
      values: params,
    });
    return result.rows;
  }

  /** The case, if it is in the caller's scope (else null, as if it did not exist). */
  async findByNumber(
    scope: AccessScope,
    number: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseRow | null> {
    const params: unknown[] = [number];
    const rows = await manager.query<CaseRow[]>(
      `SELECT c.* FROM "${this.schema}"."case" c
       WHERE c.number = $1 AND ${scopeCondition(scope, 'c', this.schema, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Reads the case in the caller's scope and holds its row until the transaction ends. */
  async findByNumberForUpdate(manager: EntityManager, scope: AccessScope, number: string): Promise<CaseRow | null> {
    const params: unknown[] = [number];
    const rows = await manager.query<CaseRow[]>(
      `SELECT c.* FROM "${this.schema}"."case" c
       WHERE c.number = $1 AND ${scopeCondition(scope, 'c', this.schema, params)} FOR UPDATE OF c`,
      params,
    );
    return rows[0] ?? null;
  }

  /** A case by id, whatever the scope (the platform's own lookups), held until the transaction ends. */
  async findByIdForUpdate(manager: EntityManager, id: string): Promise<CaseRow | null> {
    const rows = await manager.query<CaseRow[]>(`SELECT * FROM "${this.schema}"."case" WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** The children of a master that are not closed yet, held until the transaction ends (in id order). */
  async findOpenChildrenForUpdate(manager: EntityManager, parentId: string): Promise<CaseRow[]> {
    return await manager.query<CaseRow[]>(
      `SELECT * FROM "${this.schema}"."case" WHERE parent_case_id = $1 AND status <> 'closed' ORDER BY id FOR UPDATE`,
      [parentId],
    );
  }

  /** Sets columns and bumps the version. */
  async update(manager: EntityManager, id: string, columns: Record<string, unknown>, at: Date): Promise<CaseRow> {
    const names = Object.keys(columns);
    const assignments = names.map((name, i) => `"${name}" = $${i + 3}`);
    const rows = await manager.query<[CaseRow[], number]>(
      `UPDATE "${this.schema}"."case" SET ${[...assignments, 'version = version + 1', 'updated_at = $2'].join(', ')}
       WHERE id = $1 RETURNING *`,
      [id, at, ...names.map((n) => columns[n])],
    );
    return rows[0][0];
  }

  /** Sets columns without a new version (locks: holding a case is not a change of its content). */
  async setWithoutVersion(manager: EntityManager, id: string, columns: Record<string, unknown>): Promise<CaseRow> {
    const names = Object.keys(columns);
    const rows = await manager.query<[CaseRow[], number]>(
      `UPDATE "${this.schema}"."case" SET ${names.map((n, i) => `"${n}" = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING *`,
      [id, ...names.map((n) => columns[n])],
    );
    return rows[0][0];
  }

  /**
   * Sets a follow-up mark (its `_at` and `_by` columns) unless it is set already, without a new version: null
   * when it was. Of two at once, the second waits for the first's row lock and then finds it set.
   */
  async setMarkIfUnset(
    manager: EntityManager,
    id: string,
    mark: FollowUpMark,
    by: string,
    at: Date,
  ): Promise<CaseRow | null> {
    const rows = await manager.query<[CaseRow[], number]>(
      `UPDATE "${this.schema}"."case" SET "${mark}_at" = $2, "${mark}_by" = $3
       WHERE id = $1 AND "${mark}_at" IS NULL RETURNING *`,
      [id, at, by],
    );
    return rows[0][0] ?? null;
  }

  /**
   * The numbers of the case and of its open children whose customer wants an answer and has had none: not
   * answered, not contacted now, and never marked contacted in the event log (a mark cleared by a later move
   * still counts).
   */
  async unansweredNumbers(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.query<Array<{ number: string }>>(
      `SELECT c.number FROM "${this.schema}"."case" c
       WHERE (c.id = $1 OR (c.parent_case_id = $1 AND c.status <> 'closed'))
         AND c.customer_wants_answer AND NOT c.customer_answered AND c.customer_contacted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM "${this.schema}".case_event e WHERE e.case_id = c.id AND e.kind = $2)
       ORDER BY c.number`,
      [id, CUSTOMER_CONTACTED_LOG_KIND],
    );
    return rows.map((row) => row.number);
  }

  async insertEventLog(manager: EntityManager, rows: EventLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values: unknown[] = [];
    const tuples = rows.map((row, i) => {
      values.push(row.caseId, row.kind, row.actor.id, row.actor.name ?? null, row.occurredAt, row.changes);
      const b = i * 6;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
    });
    await manager.query(
      `INSERT INTO "${this.schema}".case_event (case_id, kind, actor_id, actor_name, occurred_at, changes) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** One page of an inbox in `order`, after the cursor's keys (`after`). Only cases in scope. */
  async listInbox(
    scope: AccessScope,
    filter: InboxFilter,
    order: InboxOrder,
    after: readonly string[] | null,
    limit: number,
  ): Promise<InboxRow[]> {
    const params: unknown[] = [limit];
    const where = inboxCondition(scope, filter, this.schema, params);
    const keys = order.keys.map((key) => key.sql);
    let keyset = '';
    if (after) {
      const values = order.keys.map((key, i) => `$${params.push(after[i])}::${key.type}`);
      keyset = `AND (${keys.join(', ')}) ${order.descending ? '<' : '>'} (${values.join(', ')})`;
    }
    const direction = order.descending ? ' DESC' : '';
    // The keys as text, timestamps in UTC to the microsecond, so that the cursor names the last row exactly.
    const cursorKeys = order.keys.map((key) =>
      key.type === 'timestamptz'
        ? `to_char(${key.sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
        : `${key.sql}::text`,
    );
    return await this.dataSource.query<InboxRow[]>(
      `SELECT c.*, ARRAY[${cursorKeys.join(', ')}] AS sort_keys FROM "${this.schema}"."case" c
       WHERE ${where} ${keyset}
       ORDER BY ${keys.map((key) => key + direction).join(', ')}
       LIMIT $1`,
      params,
    );
  }

  /** How many cases of an inbox match (exactly). */
  async countInbox(scope: AccessScope, filter: InboxFilter): Promise<number> {
    const params: unknown[] = [];
    const where = inboxCondition(scope, filter, this.schema, params);
    const rows = await this.dataSource.query<Array<{ total: number }>>(
      `SELECT count(*)::int AS total FROM "${this.schema}"."case" c WHERE ${where}`,
      params,
    );
    return rows[0].total;
  }

  /** The counts of an inbox per status, per priority and per handler, and in all, in one pass. */
  async inboxCounts(scope: AccessScope, filter: InboxFilter): Promise<InboxCountRow[]> {
    const params: unknown[] = [];
    const where = inboxCondition(scope, filter, this.schema, params);
    return await this.dataSource.query<InboxCountRow[]>(
      `SELECT c.status, c.priority, c.assignee_id, max(c.assignee_name) AS assignee_name, count(*)::int AS count,
              GROUPING(c.status, c.priority, c.assignee_id)::int AS grouping
         FROM "${this.schema}"."case" c WHERE ${where}
        GROUP BY GROUPING SETS ((c.status), (c.priority), (c.assignee_id), ())`,
      params,
    );
  }

  /** Which of these case numbers are cases in the caller's scope. */
  async visibleNumbers(scope: AccessScope, numbers: readonly string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const params: unknown[] = [numbers];
    const rows = await this.dataSource.query<Array<{ number: string }>>(
      `SELECT c.number FROM "${this.schema}"."case" c
       WHERE c.number = ANY($1) AND ${scopeCondition(scope, 'c', this.schema, params)}`,
      params,
    );
    return new Set(rows.map((r) => r.number));
  }

  /** Records reads of secret cases (the caller decides which reads those are). */
  async insertSecretReads(
    records: readonly SecretRead[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (records.length === 0) return;
    const values: unknown[] = [];
    const tuples = records.map((r) => {
      const b = values.push(r.actorId, r.actorName, r.readAt, r.caseId, r.caseNumber, r.action, r.ip, r.userAgent) - 8;
      return `(${Array.from({ length: 8 }, (_, i) => `$${b + i + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO "${this.schema}".secret_read_audit
         (actor_id, actor_name, read_at, case_id, case_number, action, origin_ip, origin_user_agent)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
