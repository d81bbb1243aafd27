import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Per inbox: how long a case sent there may wait for its acknowledgement and for the customer to be contacted. */
export class AddInboxFollowUpLimits1765300000000 implements MigrationInterface {
  name = 'AddInboxFollowUpLimits1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."inbox" ADD COLUMN "acknowledge_minutes" integer, ADD COLUMN "customer_contact_minutes" integer`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `ALTER TABLE "${s}"."inbox" DROP COLUMN "acknowledge_minutes", DROP COLUMN "customer_contact_minutes"`,
    );
  }
}
