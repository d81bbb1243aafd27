import type { DataSource, EntityManager } from 'typeorm';
import type { CustomerRow } from './customer.row.js';
import { type AccessScope, scopeCondition } from '../services/access-scope.js';

/** What a customer search matches on; the value is already normalized by the service. */
export type CustomerMatch =
  | { by: 'pin'; value: string }
  | { by: 'email'; value: string }
  | { by: 'phone'; value: string }
  | { by: 'name'; patterns: string[] };

export interface CustomerPosition {
  searchName: string;
  id: string;
}

export interface CasePosition {
  registeredAt: string;
  id: string;
}

export interface CustomerCaseRow {
  id: string;
  number: string;
  title: string;
  status: string;
  registered_at: Date;
  linked_at: Date;
  secret: boolean;
}

/** Queries of customer cards and their links to cases; no rules here. */
export class CustomerRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  private get table(): string {
    return `"${this.schema}".customer`;
  }

  async insert(manager: EntityManager, id: string, columns: Record<string, unknown>, at: Date, by: string) {
    const all: Record<string, unknown> = { id, version: 1, ...columns, created_at: at, updated_at: at, created_by: by };
    const names = Object.keys(all);
    const rows = await manager.query<CustomerRow[]>(
      `INSERT INTO ${this.table} (${names.map((n) => `"${n}"`).join(', ')})
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
      names.map((n) => all[n]),
    );
    return rows[0];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerRow | null> {
    const rows = await manager.query<CustomerRow[]>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Reads the card and holds its row until the transaction ends. */
  async findByIdForUpdate(manager: EntityManager, id: string): Promise<CustomerRow | null> {
    const rows = await manager.query<CustomerRow[]>(`SELECT * FROM ${this.table} WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Sets columns and bumps the version. */
  async update(manager: EntityManager, id: string, columns: Record<string, unknown>, at: Date): Promise<CustomerRow> {
    const names = Object.keys(columns);
    const assignments = names.map((name, i) => `"${name}" = $${i + 3}`);
    const rows = await manager.query<[CustomerRow[], number]>(
      `UPDATE ${this.table} SET ${[...assignments, 'version = version + 1', 'updated_at = $2'].join(', ')}
       WHERE id = $1 RETURNING *`,
      [id, at, ...names.map((n) => columns[n])],
    );
    return rows[0][0];
  }

  /** One page of matching cards, ordered by folded name, then id. */
  async search(match: CustomerMatch, after: CustomerPosition | null, limit: number): Promise<CustomerRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    let where: string;
    switch (match.by) {
      case 'pin':
        where = `personal_identity_number = ${param(match.value)}`;
        break;
      case 'email':
        where = `search_emails @> ARRAY[${param(match.value)}::text]`;
        break;
      case 'phone':
        where = `search_phones @> ARRAY[${param(match.value)}::text]`;
        break;
      case 'name':
        // One LIKE per word, so the trigram index serves each of them.
        where = match.patterns.map((p) => `search_name LIKE ${param(p)}`).join(' AND ');
        break;
    }
    if (after) where += ` AND (search_name, id) > (${param(after.searchName)}, ${param(after.id)}::uuid)`;
    return await this.dataSource.query<CustomerRow[]>(
      `SELECT * FROM ${this.table} WHERE ${where} ORDER BY search_name, id LIMIT ${param(limit)}`,
      params,
    );
  }

  /** Links a card to a case; false when it was linked already. */
  async link(manager: EntityManager, caseId: string, customerId: string, at: Date, by: string): Promise<boolean> {
    const rows = await manager.query<Array<{ case_id: string }>>(
      `INSERT INTO "${this.schema}".case_customer (case_id, customer_id, linked_at, linked_by)
       VALUES ($1, $2, $3, $4) ON CONFLICT (case_id, customer_id) DO NOTHING RETURNING case_id`,
      [caseId, customerId, at, by],
    );
    return rows.length > 0;
  }

  /** Removes a card from a case; false when it was not linked. */
  async unlink(manager: EntityManager, caseId: string, customerId: string): Promise<boolean> {
    const rows = await manager.query<[Array<{ case_id: string }>, number]>(
      `DELETE FROM "${this.schema}".case_customer WHERE case_id = $1 AND customer_id = $2 RETURNING case_id`,
      [caseId, customerId],
    );
    return rows[1] > 0;
  }

  /** The cards linked to a case, in the order they were linked. */
  async listByCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<CustomerRow[]> {
    return await manager.query<CustomerRow[]>(
      `SELECT c.* FROM "${this.schema}".case_customer l JOIN ${this.table} c ON c.id = l.customer_id
       WHERE l.case_id = $1 ORDER BY l.linked_at, c.id`,
      [caseId],
    );
  }

  /** One page of the cases a card is linked to that are in the caller's scope, newest first. */
  async listCases(
    scope: AccessScope,
    customerId: string,
    after: CasePosition | null,
    limit: number,
  ): Promise<CustomerCaseRow[]> {
    const params: unknown[] = [customerId, limit];
    let keyset = '';
    if (after) {
      params.push(after.registeredAt, after.id);
      keyset = 'AND (k.registered_at, k.id) < ($3, $4::uuid)';
    }
    const inScope = scopeCondition(scope, 'k', this.schema, params);
    return await this.dataSource.query<CustomerCaseRow[]>(
      `SELECT k.id, k.number, k.title, k.status, k.registered_at, k.secret, l.linked_at
       FROM "${this.schema}".case_customer l JOIN "${this.schema}"."case" k ON k.id = l.case_id
       WHERE l.customer_id = $1 ${keyset} AND ${inScope}
       ORDER BY k.registered_at DESC, k.id DESC
       LIMIT $2`,
      params,
    );
  }
}
