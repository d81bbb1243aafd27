import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

export class CreateEntry1763900200000 implements MigrationInterface {
  name = 'CreateEntry1763900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."entry" (
      "id" uuid NOT NULL,
      "case_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "visibility" text NOT NULL,
      "author_id" text,
      "author_name" text,
      "sender" text,
      "text" text NOT NULL,
      "html" text,
      "attachments" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "entry_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "entry_case_timeline_idx" ON "${s}"."entry" ("case_id", "created_at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."entry"`);
  }
}
