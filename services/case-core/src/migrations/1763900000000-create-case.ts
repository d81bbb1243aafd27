import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTablesSql } from '@arende/messaging';
import { schemaOf } from '@arende/persistence';

export class CreateCase1763900000000 implements MigrationInterface {
  name = 'CreateCase1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."case" (
      "id" uuid NOT NULL,
      "number" text NOT NULL,
      "version" integer NOT NULL,
      "title" text NOT NULL,
      "description" text NOT NULL DEFAULT '',
      "status" text NOT NULL,
      "parked_until" TIMESTAMP WITH TIME ZONE,
      "priority" text NOT NULL,
      "priority_rank" smallint NOT NULL,
      "channel" text NOT NULL,
      "case_type_id" text,
      "category_id" text,
      "area_id" text,
      "org_unit_id" text,
      "service_point_id" text,
      "template_id" text,
      "inbox_id" text NOT NULL,
      "assignee_id" text,
      "assignee_name" text,
      "customer_wants_answer" boolean NOT NULL DEFAULT false,
      "customer_answered" boolean NOT NULL DEFAULT false,
      "secret" boolean NOT NULL DEFAULT false,
      "secrecy_paragraph" text,
      "personal_data" boolean NOT NULL DEFAULT false,
      "event_at" TIMESTAMP WITH TIME ZONE,
      "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "closed_at" TIMESTAMP WITH TIME ZONE,
      "handling_seconds" integer NOT NULL DEFAULT '0',
      "lock_holder_id" text,
      "lock_holder_name" text,
      "locked_at" TIMESTAMP WITH TIME ZONE,
      "parent_case_id" uuid,
      "registered_by" text NOT NULL,
      CONSTRAINT "case_number_key" UNIQUE ("number"),
      CONSTRAINT "case_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "case_assignee_idx" ON "${s}"."case" ("assignee_id")`);
    await queryRunner.query(`CREATE INDEX "case_parent_idx" ON "${s}"."case" ("parent_case_id")`);
    await queryRunner.query(
      `CREATE INDEX "case_inbox_order_idx" ON "${s}"."case" ("inbox_id", "priority_rank", "registered_at", "id")`,
    );
    await queryRunner.query(`CREATE TABLE "${s}"."case_event" (
      "id" BIGSERIAL NOT NULL,
      "case_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "actor_id" text NOT NULL,
      "actor_name" text,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "changes" jsonb,
      CONSTRAINT "case_event_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "case_event_case_idx" ON "${s}"."case_event" ("case_id", "id")`);
    for (const statement of outboxTablesSql(s).up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const statement of outboxTablesSql(s).down) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "${s}"."case_event"`);
    await queryRunner.query(`DROP TABLE "${s}"."case"`);
  }
}
