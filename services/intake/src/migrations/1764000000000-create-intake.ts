import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTablesSql } from '@arende/messaging';
import { schemaOf } from '@arende/persistence';

export class CreateIntake1764000000000 implements MigrationInterface {
  name = 'CreateIntake1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."inbound_message" (
      "id" uuid NOT NULL,
      "message_id" text NOT NULL,
      "raw_blob_key" text NOT NULL,
      "from_address" text,
      "rcpt_to" text array NOT NULL,
      "auto_reply" boolean NOT NULL,
      "bounce" boolean NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "inbound_message_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "inbound_message_message_id_key" ON "${s}"."inbound_message" ("message_id")`,
    );
    await queryRunner.query(`CREATE TABLE "${s}"."quarantined_message" (
      "id" uuid NOT NULL,
      "raw_blob_key" text NOT NULL,
      "reason" text NOT NULL,
      "envelope" jsonb NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "quarantined_message_pkey" PRIMARY KEY ("id"))`);
    for (const statement of outboxTablesSql(s).up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const statement of outboxTablesSql(s).down) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "${s}"."quarantined_message"`);
    await queryRunner.query(`DROP TABLE "${s}"."inbound_message"`);
  }
}
