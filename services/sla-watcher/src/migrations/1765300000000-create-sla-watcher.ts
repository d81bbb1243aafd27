import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTablesSql } from '@arende/messaging';
import { schemaOf } from '@arende/persistence';

/** Timers, the case projection, watches and calendars; the outbox. */
export class CreateSlaWatcher1765300000000 implements MigrationInterface {
  name = 'CreateSlaWatcher1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."timer" (
      "id" uuid NOT NULL,
      "key" text NOT NULL,
      "case_id" uuid,
      "kind" text NOT NULL,
      "stage" text NOT NULL,
      "round" integer NOT NULL,
      "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "data" jsonb NOT NULL,
      "attempts" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "fired_at" TIMESTAMP WITH TIME ZONE,
      "outcome" text,
      CONSTRAINT "timer_pkey" PRIMARY KEY ("id"))`);
    // Only pending timers are ever searched: fired ones stay out of the indexes, so a million fired rows cost
    // the firing query nothing.
    await queryRunner.query(`CREATE INDEX "timer_due_idx" ON "${s}"."timer" ("due_at") WHERE "fired_at" IS NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "timer_pending_key" ON "${s}"."timer" ("key") WHERE "fired_at" IS NULL`,
    );
    // A reminder is not scheduled again for a deadline it already fired for: looked up by key, fired or not.
    await queryRunner.query(`CREATE INDEX "timer_key_idx" ON "${s}"."timer" ("key", "deadline_at")`);
    await queryRunner.query(
      `CREATE INDEX "timer_pending_case_idx" ON "${s}"."timer" ("case_id") WHERE "fired_at" IS NULL`,
    );
    // Every replica LISTENs on "<schema>_timer": a timer written anywhere wakes the loops to look at their sleep.
    await queryRunner.query(`CREATE FUNCTION "${s}"."timer_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify(TG_TABLE_SCHEMA || '_timer', ''); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER "timer_notify" AFTER INSERT OR UPDATE OF "due_at" ON "${s}"."timer"
      FOR EACH STATEMENT EXECUTE FUNCTION "${s}"."timer_notify"()`);

    await queryRunner.query(`CREATE TABLE "${s}"."tracked_case" (
      "case_id" uuid NOT NULL,
      "number" text NOT NULL,
      "title" text NOT NULL,
      "status" text NOT NULL,
      "priority" text NOT NULL,
      "version" integer NOT NULL,
      "inbox_id" text NOT NULL,
      "assignee_id" text,
      "origin_inbox_id" text NOT NULL,
      "sla" jsonb,
      "customer_wants_answer" boolean NOT NULL,
      "customer_answered" boolean NOT NULL,
      "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "closed_at" TIMESTAMP WITH TIME ZONE,
      "parked_until" TIMESTAMP WITH TIME ZONE,
      "waiting_since" TIMESTAMP WITH TIME ZONE,
      "sla_used_minutes" integer NOT NULL,
      "clock_started_at" TIMESTAMP WITH TIME ZONE,
      "responded_at" TIMESTAMP WITH TIME ZONE,
      "fed_back_at" TIMESTAMP WITH TIME ZONE,
      "distributed_at" TIMESTAMP WITH TIME ZONE,
      "acknowledged_at" TIMESTAMP WITH TIME ZONE,
      "customer_contacted_at" TIMESTAMP WITH TIME ZONE,
      "response_due_at" TIMESTAMP WITH TIME ZONE,
      "feedback_due_at" TIMESTAMP WITH TIME ZONE,
      "resolution_due_at" TIMESTAMP WITH TIME ZONE,
      "acknowledge_due_at" TIMESTAMP WITH TIME ZONE,
      "contact_due_at" TIMESTAMP WITH TIME ZONE,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "tracked_case_pkey" PRIMARY KEY ("case_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "tracked_case_number_key" ON "${s}"."tracked_case" ("number")`);
    await queryRunner.query(`CREATE INDEX "tracked_case_inbox_idx" ON "${s}"."tracked_case" ("inbox_id")`);

    await queryRunner.query(`CREATE TABLE "${s}"."watch" (
      "id" uuid NOT NULL,
      "case_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "user_id" text NOT NULL,
      "comment" text NOT NULL,
      "start_at" TIMESTAMP WITH TIME ZONE,
      "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "fired_at" TIMESTAMP WITH TIME ZONE,
      "outcome" text,
      CONSTRAINT "watch_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "watch_case_idx" ON "${s}"."watch" ("case_id", "user_id")`);

    await queryRunner.query(`CREATE TABLE "${s}"."calendar" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      "definition" jsonb NOT NULL,
      "version" integer NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "calendar_pkey" PRIMARY KEY ("id"))`);

    for (const statement of outboxTablesSql(s).up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const statement of outboxTablesSql(s).down) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "${s}"."calendar"`);
    await queryRunner.query(`DROP TABLE "${s}"."watch"`);
    await queryRunner.query(`DROP TABLE "${s}"."tracked_case"`);
    await queryRunner.query(`DROP TABLE "${s}"."timer"`);
    await queryRunner.query(`DROP FUNCTION "${s}"."timer_notify"()`);
  }
}
