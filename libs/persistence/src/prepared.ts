import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

const names = new Map<string, string>();

/** The statement's name: the same text always gets the same name, so each connection plans it once. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement: PostgreSQL parses and plans it once per connection instead
 * of on every call. Inside a transaction (`manager` of `dataSource.transaction`) it runs on the transaction's
 * connection; otherwise on the pool. For the hot paths only: it bypasses TypeORM's query logging.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const client = (manager.queryRunner as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
  const runner: Pool | PoolClient = client ?? (manager.connection.driver as unknown as { master: Pool }).master;
  const result = await runner.query({ name: nameOf(text), text, values });
  return result.rows as T[];
}
