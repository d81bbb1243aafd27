import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Where a case is: a GeoJSON Point or Polygon (WGS 84), validated by the contract before it is written. */
export class CaseLocation1764600000000 implements MigrationInterface {
  name = 'CaseLocation1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" ADD "location" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."case" DROP COLUMN "location"`);
  }
}
