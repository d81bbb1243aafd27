import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Distribution to a specialist group that owes feedback: the inbox the case returns to. */
export class Distribution1763900700000 implements MigrationInterface {
  name = 'Distribution1763900700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" ADD "feedback_return_inbox_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" DROP COLUMN "feedback_return_inbox_id"`);
  }
}
