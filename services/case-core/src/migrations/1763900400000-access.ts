import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Access control: the contractor organisation a case is distributed to, and the audit of secret-case reads. */
export class Access1763900400000 implements MigrationInterface {
  name = 'Access1763900400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" ADD "external_organisation_id" text`);
    await queryRunner.query(
      `CREATE INDEX "case_external_organisation_idx" ON "${s}"."case" ("external_organisation_id")`,
    );
    await queryRunner.query(`CREATE TABLE "${s}"."secret_read_audit" (
      "id" bigserial NOT NULL,
      "actor_id" text NOT NULL,
      "actor_name" text,
      "read_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "case_id" uuid NOT NULL,
      "case_number" text NOT NULL,
      "action" text NOT NULL,
      "origin_ip" text,
      "origin_user_agent" text,
      CONSTRAINT "secret_read_audit_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "secret_read_audit_case_idx" ON "${s}"."secret_read_audit" ("case_number", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "secret_read_audit_actor_idx" ON "${s}"."secret_read_audit" ("actor_id", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."secret_read_audit"`);
    await queryRunner.query(`DROP INDEX "${s}"."case_external_organisation_idx"`);
    await queryRunner.query(`ALTER TABLE "${s}"."case" DROP COLUMN "external_organisation_id"`);
  }
}
