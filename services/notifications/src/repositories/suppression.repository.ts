import type { EntityManager } from 'typeorm';

export interface SuppressionRow {
  address: string;
  reason: string;
  until: Date | null;
  source: string;
  created_at: Date;
}

/** Queries on `suppression`; nothing else. */
export class SuppressionRepository {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `"${schema}"."suppression"`;
  }

  /** The suppression in force for an address at `now`, if any. */
  async active(manager: EntityManager, address: string, now: Date): Promise<SuppressionRow | null> {
    const rows = await manager.query<SuppressionRow[]>(
      `SELECT * FROM ${this.table} WHERE address = $1 AND (until IS NULL OR until > $2)`,
      [address.toLowerCase(), now],
    );
    return rows[0] ?? null;
  }

  /** A bounce (until null) outranks an auto-reply; a later auto-reply extends an earlier one. */
  async upsert(manager: EntityManager, row: SuppressionRow): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (address, reason, until, source, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (address) DO UPDATE SET
         reason = CASE WHEN ${this.table}.until IS NULL THEN ${this.table}.reason ELSE EXCLUDED.reason END,
         until = CASE WHEN ${this.table}.until IS NULL OR EXCLUDED.until IS NULL THEN NULL
                      ELSE GREATEST(${this.table}.until, EXCLUDED.until) END,
         source = EXCLUDED.source`,
      [row.address.toLowerCase(), row.reason, row.until, row.source, row.created_at],
    );
  }
}
