import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTablesSql } from '@arende/messaging';
import { schemaOf } from '@arende/persistence';

/** Reference data (case types, categories, areas, org units, service points, answer groups) and templates. */
export class CreateRouting1764200000000 implements MigrationInterface {
  name = 'CreateRouting1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."reference" (
      "kind" text NOT NULL,
      "id" text NOT NULL,
      "version" integer NOT NULL,
      "name" text NOT NULL,
      "description" text NOT NULL,
      "instruction" text NOT NULL,
      "org_level" text,
      "parent_id" text,
      "active" boolean NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "reference_pkey" PRIMARY KEY ("kind", "id"))`);

    // What a template pre-fills and its rules live in `fields`: always read and written whole.
    await queryRunner.query(`CREATE TABLE "${s}"."template" (
      "id" text NOT NULL,
      "version" integer NOT NULL,
      "position" integer NOT NULL,
      "active" boolean NOT NULL,
      "title" text NOT NULL,
      "case_type_id" text,
      "fields" jsonb NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "template_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "template_position_idx" ON "${s}"."template" ("position", "id")`);

    for (const statement of outboxTablesSql(s).up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const statement of outboxTablesSql(s).down) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE "${s}"."template"`);
    await queryRunner.query(`DROP TABLE "${s}"."reference"`);
  }
}
