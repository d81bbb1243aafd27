import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** The receiver's acknowledgement (kvittens) and customer-contact (återkoppling) marks on the case. */
export class FollowUpMarks1764400000000 implements MigrationInterface {
  name = 'FollowUpMarks1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case"
      ADD "acknowledged_at" TIMESTAMP WITH TIME ZONE,
      ADD "acknowledged_by" text,
      ADD "customer_contacted_at" TIMESTAMP WITH TIME ZONE,
      ADD "customer_contacted_by" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case"
      DROP COLUMN "customer_contacted_by",
      DROP COLUMN "customer_contacted_at",
      DROP COLUMN "acknowledged_by",
      DROP COLUMN "acknowledged_at"`);
  }
}
