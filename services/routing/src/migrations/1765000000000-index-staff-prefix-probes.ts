import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/**
 * The other words of a directory query are probed per person in (prefix, person) order: one word's probes fall
 * in one small, hot stretch of the index (the word's own entries), not one page per person as in
 * staff_prefix_staff_idx, which stays for rewriting a person's prefixes.
 */
export class IndexStaffPrefixProbes1765000000000 implements MigrationInterface {
  name = 'IndexStaffPrefixProbes1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE INDEX "staff_prefix_probe_idx" ON "${s}"."staff_prefix" ("prefix", "staff_id") INCLUDE ("tier")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."staff_prefix_probe_idx"`);
  }
}
