import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Thread keys for inbound messages, and the warning that the customer wrote. */
export class IntakeThreading1763900500000 implements MigrationInterface {
  name = 'IntakeThreading1763900500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."case_thread_key" (
      "key" text NOT NULL,
      "case_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "case_thread_key_pkey" PRIMARY KEY ("key", "case_id"),
      CONSTRAINT "case_thread_key_case_fkey" FOREIGN KEY ("case_id") REFERENCES "${s}"."case"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX "case_thread_key_case_idx" ON "${s}"."case_thread_key" ("case_id")`);
    await queryRunner.query(`ALTER TABLE "${s}"."case" ADD "customer_replied_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" DROP COLUMN "customer_replied_at"`);
    await queryRunner.query(`DROP TABLE "${s}"."case_thread_key"`);
  }
}
