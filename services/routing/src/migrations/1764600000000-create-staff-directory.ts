import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** The staff directory (telefonkatalog): people and the word prefixes they are found by. */
export class CreateStaffDirectory1764600000000 implements MigrationInterface {
  name = 'CreateStaffDirectory1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."staff" (
      "id" text NOT NULL,
      "version" integer NOT NULL,
      "name" text NOT NULL,
      "title" text NOT NULL,
      "department_id" text NOT NULL,
      "unit_id" text,
      "phone" text,
      "mobile" text,
      "email" text,
      "skills" text array NOT NULL,
      "inbox_ids" text array NOT NULL,
      "user_name" text,
      "active" boolean NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "staff_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "staff_user_name_key" ON "${s}"."staff" ("user_name") WHERE "user_name" IS NOT NULL`,
    );
    // Renaming an org unit rewrites the words of the people in it.
    await queryRunner.query(`CREATE INDEX "staff_department_idx" ON "${s}"."staff" ("department_id")`);
    await queryRunner.query(`CREATE INDEX "staff_unit_idx" ON "${s}"."staff" ("unit_id")`);

    // One row per prefix of every word of an active person's name, title, skills, department and unit, with the
    // best tier it finds them at and what they sort by. The key is the ranking: the people a one-word query finds
    // are read in order from the index, and only as many as are asked for.
    await queryRunner.query(`CREATE TABLE "${s}"."staff_prefix" (
      "prefix" text COLLATE "C" NOT NULL,
      "tier" smallint NOT NULL,
      "name_length" smallint NOT NULL,
      "name_key" text COLLATE "C" NOT NULL,
      "staff_id" text COLLATE "C" NOT NULL,
      CONSTRAINT "staff_prefix_pkey" PRIMARY KEY ("prefix", "tier", "name_length", "name_key", "staff_id"))`);
    // The other words of a query are checked per person; rewriting a person's prefixes starts here too. "C":
    // ids are compared bytewise, which is all an id needs and much cheaper than a linguistic collation.
    await queryRunner.query(
      `CREATE INDEX "staff_prefix_staff_idx" ON "${s}"."staff_prefix" ("staff_id", "prefix") INCLUDE ("tier")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."staff_prefix"`);
    await queryRunner.query(`DROP TABLE "${s}"."staff"`);
  }
}
