import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Administrators' message templates and signatures, and the files a message is sent with. */
export class CreateMessageTemplates1766130000000 implements MigrationInterface {
  name = 'CreateMessageTemplates1766130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."message_template" (
      "purpose" text NOT NULL,
      "language" text NOT NULL,
      "subject" text NOT NULL,
      "body" text NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "message_template_pkey" PRIMARY KEY ("purpose", "language"))`);
    await queryRunner.query(`CREATE TABLE "${s}"."signature" (
      "user_id" text NOT NULL,
      "service_point_id" text NOT NULL,
      "text" text NOT NULL,
      "html" text,
      "logo" text,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "signature_pkey" PRIMARY KEY ("user_id", "service_point_id"))`);
    await queryRunner.query(`ALTER TABLE "${s}"."message" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."message" DROP COLUMN "attachments"`);
    await queryRunner.query(`DROP TABLE "${s}"."signature"`);
    await queryRunner.query(`DROP TABLE "${s}"."message_template"`);
  }
}
