import type { DataSource } from 'typeorm';
import type { CasePriority, CaseStatus } from '@arende/contracts';
import { type AccessScope, scopeCondition } from '../services/access-scope.js';

export interface FavouriteRow {
  number: string;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  created_at: Date;
  case_id: string;
  secret: boolean;
}

export interface FavouritePosition {
  createdAt: string;
  caseId: string;
}

/** A user's favourite cases. */
export class FavouriteRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async add(userId: string, caseId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}".favourite (user_id, case_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, case_id) DO NOTHING`,
      [userId, caseId, at],
    );
  }

  async remove(userId: string, caseId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "${this.schema}".favourite WHERE user_id = $1 AND case_id = $2`, [
      userId,
      caseId,
    ]);
  }

  /** Latest marked first; only cases still in the caller's scope (access may have been taken away since). */
  async list(
    scope: AccessScope,
    userId: string,
    after: FavouritePosition | null,
    limit: number,
  ): Promise<FavouriteRow[]> {
    const params: unknown[] = [userId, limit];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.caseId);
      keyset = 'AND (f.created_at, f.case_id) < ($3, $4)';
    }
    const inScope = scopeCondition(scope, 'c', this.schema, params);
    return await this.dataSource.query<FavouriteRow[]>(
      `SELECT c.number, c.title, c.status, c.priority, c.secret, f.created_at, f.case_id
       FROM "${this.schema}".favourite f JOIN "${this.schema}"."case" c ON c.id = f.case_id
       WHERE f.user_id = $1 ${keyset} AND ${inScope}
       ORDER BY f.created_at DESC, f.case_id DESC
       LIMIT $2`,
      params,
    );
  }
}
