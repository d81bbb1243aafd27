import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@arende/contracts';
import { queryPrepared, quoteIdent, schemaOf } from '@arende/persistence';

/**
 * The outbox and processed-message tables for a service's hand-written migration:
 * `await runner.query(sql)` for each of `outboxTablesSql(schema).up` (and `.down` in `down`).
 * Do not change without a migration: services create these tables from this SQL.
 */
export function outboxTablesSql(schema: string): { up: string[]; down: string[] } {
  const s = quoteIdent(schema);
  return {
    up: [
      `CREATE TABLE ${s}.outbox (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, subject text NOT NULL, ` +
        `payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz)`,
      `CREATE INDEX outbox_unsent_idx ON ${s}.outbox (seq) WHERE sent_at IS NULL`,
      `CREATE TABLE ${s}.processed_message (consumer text NOT NULL, message_id uuid NOT NULL, ` +
        `processed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, message_id))`,
    ],
    down: [`DROP TABLE ${s}.processed_message`, `DROP TABLE ${s}.outbox`],
  };
}

/** `INSERT INTO <schema>.outbox (id, subject, payload) VALUES ($1, $2, $3)`, for hot paths writing their own SQL. */
export function outboxInsertSql(schema: string): string {
  return `INSERT INTO ${quoteIdent(schema)}.outbox (id, subject, payload) VALUES ($1, $2, $3)`;
}

/** The parameters of {@link outboxInsertSql} for one envelope. */
export function outboxRowParams(envelope: EventEnvelope<unknown>): [string, string, string] {
  return [envelope.id, envelope.type, JSON.stringify(envelope)];
}

const insertSqlBySchema = new Map<string, string>();

/** Writes events into the outbox inside the caller's transaction; the relay publishes them after commit. */
export const Outbox = {
  /**
   * One INSERT into `<schema>.outbox` through `manager` (use the transaction's manager). The schema is
   * the DataSource's (see `createDataSource`) unless given. Call `relay.nudge()` after the commit.
   */
  async add(manager: EntityManager, envelope: EventEnvelope<unknown>, schema?: string): Promise<void> {
    const target = schema ?? schemaOf(manager.dataSource);
    let sql = insertSqlBySchema.get(target);
    if (!sql) insertSqlBySchema.set(target, (sql = outboxInsertSql(target)));
    await queryPrepared(manager, sql, outboxRowParams(envelope));
  },
};
