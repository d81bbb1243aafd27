import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Inboxes: work groups, specialist groups, external parties and personal inboxes. */
export class CreateInbox1764800000000 implements MigrationInterface {
  name = 'CreateInbox1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."inbox" (
      "id" text NOT NULL,
      "version" integer NOT NULL,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "assignment_mode" text NOT NULL,
      "group_path" text NOT NULL,
      "org_unit_id" text,
      "service_point_id" text,
      "external_organisation_id" text,
      "owner_id" text,
      "email" text,
      "active" boolean NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "inbox_pkey" PRIMARY KEY ("id"))`);
    // The gateway lists the inboxes of a caller's groups on every inbox view.
    await queryRunner.query(`CREATE INDEX "inbox_group_path_idx" ON "${s}"."inbox" ("group_path")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."inbox"`);
  }
}
