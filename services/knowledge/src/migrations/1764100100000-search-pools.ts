import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Indexes for the bounded candidate pools of search (see search/postgres-search.ts): head matches, titles. */
export class SearchPools1764100100000 implements MigrationInterface {
  name = 'SearchPools1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE INDEX "article_search_head_idx" ON "${s}"."article_search" USING gin ("head_vector")`,
    );
    await queryRunner.query(
      `CREATE INDEX "article_search_title_idx" ON "${s}"."article_search" ("title_key" text_pattern_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX "${s}"."article_search_title_idx"`);
    await queryRunner.query(`DROP INDEX "${s}"."article_search_head_idx"`);
  }
}
