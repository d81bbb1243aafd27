import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

export class CreateFavourite1763900300000 implements MigrationInterface {
  name = 'CreateFavourite1763900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE TABLE "${s}"."favourite" (
      "user_id" text NOT NULL,
      "case_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "favourite_pkey" PRIMARY KEY ("user_id", "case_id"))`);
    await queryRunner.query(
      `CREATE INDEX "favourite_user_order_idx" ON "${s}"."favourite" ("user_id", "created_at", "case_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."favourite"`);
  }
}
