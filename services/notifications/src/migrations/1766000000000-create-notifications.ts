import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTablesSql } from '@arende/messaging';
import { schemaOf } from '@arende/persistence';

/** Outbound messages with their delivery log, and the suppression list. */
export class CreateNotifications1766000000000 implements MigrationInterface {
  name = 'CreateNotifications1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."message" (
      "id" uuid NOT NULL,
      "channel" text NOT NULL,
      "purpose" text NOT NULL,
      "case_number" text,
      "recipient" text NOT NULL,
      "subject" text NOT NULL,
      "body_text" text NOT NULL,
      "body_html" text,
      "message_id" text,
      "dedupe_key" text,
      "status" text NOT NULL,
      "attempts" integer NOT NULL,
      "reason" text,
      "log" jsonb NOT NULL,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE,
      "case_entry" text NOT NULL,
      "actor" jsonb NOT NULL,
      "correlation_id" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "message_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "message_due_idx" ON "${s}"."message" ("status", "next_attempt_at")`);
    await queryRunner.query(`CREATE INDEX "message_case_idx" ON "${s}"."message" ("case_number", "created_at")`);
    await queryRunner.query(`CREATE INDEX "message_message_id_idx" ON "${s}"."message" ("message_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "message_dedupe_key_key" ON "${s}"."message" ("dedupe_key")`);
    await queryRunner.query(`CREATE TABLE "${s}"."suppression" (
      "address" text NOT NULL,
      "reason" text NOT NULL,
      "until" TIMESTAMP WITH TIME ZONE,
      "source" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "suppression_pkey" PRIMARY KEY ("address"))`);
    for (const statement of outboxTablesSql(s).up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const statement of outboxTablesSql(s).down) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "${s}"."suppression"`);
    await queryRunner.query(`DROP TABLE "${s}"."message"`);
  }
}
