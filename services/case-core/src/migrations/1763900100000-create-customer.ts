import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

export class CreateCustomer1763900100000 implements MigrationInterface {
  name = 'CreateCustomer1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // pg_trgm lets a name search for "%berg%" use an index. It may already be installed in another schema.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    const located = (await queryRunner.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname = 'pg_trgm'`,
    )) as Array<{ schema: string }>;
    const trgm = located[0].schema;
    await queryRunner.query(`CREATE TABLE "${s}"."customer" (
      "id" uuid NOT NULL,
      "version" integer NOT NULL,
      "type" text NOT NULL,
      "anonymous" boolean NOT NULL DEFAULT false,
      "first_name" text,
      "last_name" text,
      "company_name" text,
      "organisation_number" text,
      "care_of" text,
      "street_address" text,
      "postcode" text,
      "city" text,
      "country" text,
      "personal_identity_number" text,
      "home_phone" text,
      "mobile_phone" text,
      "work_phone" text,
      "email" text,
      "other_email" text,
      "property_tract" text,
      "property_block" text,
      "property_unit" text,
      "search_name" text NOT NULL,
      "search_phones" text array NOT NULL,
      "search_emails" text array NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_by" text NOT NULL,
      CONSTRAINT "customer_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "customer_pin_idx" ON "${s}"."customer" ("personal_identity_number")`);
    await queryRunner.query(
      `CREATE INDEX "customer_search_name_trgm_idx" ON "${s}"."customer" USING gin ("search_name" "${trgm}".gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "customer_search_phones_idx" ON "${s}"."customer" USING gin ("search_phones")`,
    );
    await queryRunner.query(
      `CREATE INDEX "customer_search_emails_idx" ON "${s}"."customer" USING gin ("search_emails")`,
    );
    await queryRunner.query(`CREATE TABLE "${s}"."case_customer" (
      "case_id" uuid NOT NULL,
      "customer_id" uuid NOT NULL,
      "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "linked_by" text NOT NULL,
      CONSTRAINT "case_customer_pkey" PRIMARY KEY ("case_id", "customer_id"),
      CONSTRAINT "case_customer_case_fkey" FOREIGN KEY ("case_id") REFERENCES "${s}"."case"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION,
      CONSTRAINT "case_customer_customer_fkey" FOREIGN KEY ("customer_id") REFERENCES "${s}"."customer"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(
      `CREATE INDEX "case_customer_customer_idx" ON "${s}"."case_customer" ("customer_id", "case_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // pg_trgm stays: other schemas of the database may use it.
    await queryRunner.query(`DROP TABLE "${s}"."case_customer"`);
    await queryRunner.query(`DROP TABLE "${s}"."customer"`);
  }
}
