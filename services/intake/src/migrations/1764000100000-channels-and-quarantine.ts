import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Inbound messages and the quarantine carry their channel; quarantined messages can be re-processed. */
export class ChannelsAndQuarantine1764000100000 implements MigrationInterface {
  name = 'ChannelsAndQuarantine1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."inbound_message" ADD "channel" text NOT NULL DEFAULT 'email'`);
    await queryRunner.query(`ALTER TABLE "${s}"."quarantined_message"
      ADD "channel" text NOT NULL DEFAULT 'email',
      ADD "status" text NOT NULL DEFAULT 'quarantined',
      ADD "raw_size" bigint NOT NULL DEFAULT 0,
      ADD "attempts" integer NOT NULL DEFAULT 0,
      ADD "reprocessed_at" TIMESTAMP WITH TIME ZONE,
      ADD "reprocessed_by" text`);
    await queryRunner.query(
      `CREATE INDEX "quarantined_message_status_received_idx" ON "${s}"."quarantined_message" ("status", "received_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."quarantined_message_status_received_idx"`);
    await queryRunner.query(`ALTER TABLE "${s}"."quarantined_message"
      DROP COLUMN "reprocessed_by", DROP COLUMN "reprocessed_at", DROP COLUMN "attempts",
      DROP COLUMN "raw_size", DROP COLUMN "status", DROP COLUMN "channel"`);
    await queryRunner.query(`ALTER TABLE "${s}"."inbound_message" DROP COLUMN "channel"`);
  }
}
