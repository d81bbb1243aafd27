import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Each user's saved inbox searches, the links of their quick menu. */
export class SavedSearch1764700000000 implements MigrationInterface {
  name = 'SavedSearch1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."saved_search" (
      "user_id" text NOT NULL,
      "name_key" text NOT NULL,
      "name" text NOT NULL,
      "inbox_id" text NOT NULL,
      "query" text NOT NULL,
      "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "saved_search_pkey" PRIMARY KEY ("user_id", "name_key"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."saved_search"`);
  }
}
