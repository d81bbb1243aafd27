import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** The SLA target a case carries from its template; referrals (remisser) and the answers that came back. */
export class TemplatesAndReferrals1764300000000 implements MigrationInterface {
  name = 'TemplatesAndReferrals1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" ADD "sla" jsonb`);
    await queryRunner.query(`CREATE TABLE "${s}"."referral" (
      "id" uuid NOT NULL,
      "case_id" uuid NOT NULL,
      "seq" integer NOT NULL,
      "referral_number" text NOT NULL,
      "recipient_email" text NOT NULL,
      "recipient_name" text,
      "message" text NOT NULL,
      "attachments" jsonb NOT NULL,
      "reply_by" TIMESTAMP WITH TIME ZONE NOT NULL,
      "message_id" text NOT NULL,
      "entry_id" uuid NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "sent_by_id" text NOT NULL,
      "sent_by_name" text,
      "answered_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "referral_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "referral_case_seq_key" UNIQUE ("case_id", "seq"),
      CONSTRAINT "referral_number_key" UNIQUE ("referral_number"),
      CONSTRAINT "referral_message_id_key" UNIQUE ("message_id"),
      CONSTRAINT "referral_case_fkey" FOREIGN KEY ("case_id") REFERENCES "${s}"."case"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE TABLE "${s}"."referral_answer" (
      "referral_id" uuid NOT NULL,
      "entry_id" uuid NOT NULL,
      "sender" text NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "referral_answer_pkey" PRIMARY KEY ("referral_id", "entry_id"),
      CONSTRAINT "referral_answer_referral_fkey" FOREIGN KEY ("referral_id") REFERENCES "${s}"."referral"("id") ON DELETE CASCADE)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."referral_answer"`);
    await queryRunner.query(`DROP TABLE "${s}"."referral"`);
    await queryRunner.query(`ALTER TABLE "${s}"."case" DROP COLUMN "sla"`);
  }
}
