import type { DataSource, EntityManager } from 'typeorm';
import type { CaseRow } from './case.row.js';
import { type AccessScope, scopeCondition } from '../services/access-scope.js';

/** Queries for master and child cases; the rules are in RelationService. */
export class RelationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Reads without locking: to learn which rows the transaction must lock, in which order. */
  async findByNumbers(manager: EntityManager, scope: AccessScope, numbers: readonly string[]): Promise<CaseRow[]> {
    const params: unknown[] = [numbers];
    return await manager.query<CaseRow[]>(
      `SELECT c.* FROM "${this.schema}"."case" c
       WHERE c.number = ANY($1) AND ${scopeCondition(scope, 'c', this.schema, params)}`,
      params,
    );
  }

  /** Locks rows in id order, so two transactions locking overlapping sets cannot deadlock each other. */
  async lockByIds(manager: EntityManager, ids: readonly string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    return await manager.query<CaseRow[]>(
      `SELECT * FROM "${this.schema}"."case" WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  /** The ids among `ids` that are masters (have at least one child). */
  async mastersAmong(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows = await manager.query<Array<{ parent_case_id: string }>>(
      `SELECT DISTINCT parent_case_id FROM "${this.schema}"."case" WHERE parent_case_id = ANY($1)`,
      [ids],
    );
    return new Set(rows.map((r) => r.parent_case_id));
  }

  async findById(
    scope: AccessScope,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseRow | null> {
    const params: unknown[] = [id];
    const rows = await manager.query<CaseRow[]>(
      `SELECT c.* FROM "${this.schema}"."case" c WHERE c.id = $1 AND ${scopeCondition(scope, 'c', this.schema, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The children in the caller's scope. */
  async findChildren(
    scope: AccessScope,
    parentId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseRow[]> {
    const params: unknown[] = [parentId];
    return await manager.query<CaseRow[]>(
      `SELECT c.* FROM "${this.schema}"."case" c
       WHERE c.parent_case_id = $1 AND ${scopeCondition(scope, 'c', this.schema, params)} ORDER BY c.number`,
      params,
    );
  }

  async childNumbers(manager: EntityManager, parentIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await manager.query<Array<{ parent_case_id: string; number: string }>>(
      `SELECT parent_case_id, number FROM "${this.schema}"."case" WHERE parent_case_id = ANY($1) ORDER BY number`,
      [parentIds],
    );
    const byParent = new Map<string, string[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) byParent.get(row.parent_case_id)?.push(row.number);
    return byParent;
  }
}
