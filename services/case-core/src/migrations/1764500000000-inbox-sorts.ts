import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/**
 * An index per inbox sort (the work order has one since the first migration), so that each page of an inbox of
 * any size reads only its own rows, and one for counting an inbox from the index alone. The two expressions are
 * spelled as in the repository's inbox orders.
 */
export class InboxSorts1764500000000 implements MigrationInterface {
  name = 'InboxSorts1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE INDEX "case_inbox_registered_idx" ON "${s}"."case" ("inbox_id", "registered_at", "id")`,
    );
    // In the C collation, which the number sort asks for, so that the unique index on number is no candidate.
    await queryRunner.query(`CREATE INDEX "case_inbox_number_idx" ON "${s}"."case" ("inbox_id", "number" COLLATE "C")`);
    await queryRunner.query(`CREATE INDEX "case_inbox_updated_idx" ON "${s}"."case" ("inbox_id", "updated_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "case_inbox_status_order_idx" ON "${s}"."case" ("inbox_id",
        (CASE status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'reopened' THEN 2 WHEN 'waiting_for_customer' THEN 3
          WHEN 'with_external' THEN 4 WHEN 'parked' THEN 5 WHEN 'resolved' THEN 6 WHEN 'closed' THEN 7 ELSE 8 END),
        "priority_rank", "registered_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "case_inbox_assignee_order_idx" ON "${s}"."case" ("inbox_id", (COALESCE("assignee_name", '')),
        "priority_rank", "registered_at", "id")`,
    );
    // The total and the counts of an inbox read only this index (with the columns the caller's scope needs).
    await queryRunner.query(
      `CREATE INDEX "case_inbox_counts_idx" ON "${s}"."case" ("inbox_id", "status")
        INCLUDE ("priority", "assignee_id", "assignee_name", "secret", "service_point_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const index of [
      'case_inbox_counts_idx',
      'case_inbox_assignee_order_idx',
      'case_inbox_status_order_idx',
      'case_inbox_updated_idx',
      'case_inbox_number_idx',
      'case_inbox_registered_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "${s}"."${index}"`);
    }
  }
}
