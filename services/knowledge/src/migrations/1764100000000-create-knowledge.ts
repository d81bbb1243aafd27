import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTablesSql } from '@arende/messaging';
import { schemaOf } from '@arende/persistence';

export class CreateKnowledge1764100000000 implements MigrationInterface {
  name = 'CreateKnowledge1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // pg_trgm finds the words of the knowledge base nearest a misspelt one. It may already be installed in
    // another schema (case-core uses it too), so its functions are called through the schema it is in.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    const located = (await queryRunner.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname = 'pg_trgm'`,
    )) as Array<{ schema: string }>;
    const trgm = located[0].schema;

    await queryRunner.query(`CREATE TABLE "${s}"."folder" (
      "id" uuid NOT NULL,
      "parent_id" uuid,
      "name" text NOT NULL,
      "position" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "folder_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "folder_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "${s}"."folder"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "folder_parent_idx" ON "${s}"."folder" ("parent_id")`);

    await queryRunner.query(`CREATE TABLE "${s}"."article" (
      "id" uuid NOT NULL,
      "version" integer NOT NULL,
      "status" text NOT NULL,
      "kind" text NOT NULL,
      "title" text NOT NULL,
      "summary" text NOT NULL,
      "body" text NOT NULL,
      "tags" text array NOT NULL,
      "folder_id" uuid,
      "owner_department" text,
      "review_date" date,
      "published_version" integer,
      "published_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_by" text NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "article_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "article_folder_fkey" FOREIGN KEY ("folder_id") REFERENCES "${s}"."folder"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "article_folder_idx" ON "${s}"."article" ("folder_id", "title")`);

    await queryRunner.query(`CREATE TABLE "${s}"."article_version" (
      "article_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "source" text NOT NULL,
      "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "changed_by" text NOT NULL,
      "changed_by_name" text,
      "note" text,
      "changes" jsonb NOT NULL,
      "proposal_id" uuid,
      CONSTRAINT "article_version_pkey" PRIMARY KEY ("article_id", "version"),
      CONSTRAINT "article_version_article_fkey" FOREIGN KEY ("article_id") REFERENCES "${s}"."article"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);

    await queryRunner.query(`CREATE TABLE "${s}"."article_link" (
      "article_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "target_id" text NOT NULL,
      "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "linked_by" text NOT NULL,
      CONSTRAINT "article_link_pkey" PRIMARY KEY ("article_id", "kind", "target_id"),
      CONSTRAINT "article_link_article_fkey" FOREIGN KEY ("article_id") REFERENCES "${s}"."article"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(
      `CREATE INDEX "article_link_target_idx" ON "${s}"."article_link" ("kind", "target_id", "article_id")`,
    );

    // One slim row per published article, for search only. The ranking reads head_vector (title, tags,
    // summary: small, kept in the row) for every match, and search_vector (everything, body included:
    // large, out of line) only through its GIN index and for a bounded set of candidates.
    await queryRunner.query(`CREATE TABLE "${s}"."article_search" (
      "article_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "kind" text NOT NULL,
      "folder_id" uuid,
      "title" text NOT NULL,
      "title_key" text NOT NULL,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "head_vector" tsvector NOT NULL,
      "search_vector" tsvector NOT NULL,
      CONSTRAINT "article_search_pkey" PRIMARY KEY ("article_id"),
      CONSTRAINT "article_search_article_fkey" FOREIGN KEY ("article_id") REFERENCES "${s}"."article"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(
      `CREATE INDEX "article_search_vector_idx" ON "${s}"."article_search" USING gin ("search_vector")`,
    );
    // Keep the large vector out of line even when it would fit, so a row stays small for the heap scan.
    await queryRunner.query(`ALTER TABLE "${s}"."article_search" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL`);

    // Every word the published articles use, for spelling tolerance and as-you-type prefixes.
    await queryRunner.query(`CREATE TABLE "${s}"."search_term" (
      "term" text NOT NULL,
      CONSTRAINT "search_term_pkey" PRIMARY KEY ("term"))`);
    await queryRunner.query(
      `CREATE INDEX "search_term_trgm_idx" ON "${s}"."search_term" USING gin ("term" "${trgm}".gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "search_term_prefix_idx" ON "${s}"."search_term" ("term" text_pattern_ops)`);

    await queryRunner.query(`CREATE TABLE "${s}"."synonym_group" (
      "id" uuid NOT NULL,
      "terms" text array NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "synonym_group_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "synonym_group_terms_idx" ON "${s}"."synonym_group" USING gin ("terms")`);

    await queryRunner.query(`CREATE TABLE "${s}"."rating" (
      "article_id" uuid NOT NULL,
      "user_id" text NOT NULL,
      "stars" smallint NOT NULL,
      "rated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "rating_pkey" PRIMARY KEY ("article_id", "user_id"),
      CONSTRAINT "rating_stars_check" CHECK ("stars" BETWEEN 1 AND 5),
      CONSTRAINT "rating_article_fkey" FOREIGN KEY ("article_id") REFERENCES "${s}"."article"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);

    await queryRunner.query(`CREATE TABLE "${s}"."proposal" (
      "id" uuid NOT NULL,
      "article_id" uuid NOT NULL,
      "base_version" integer NOT NULL,
      "changes" jsonb NOT NULL,
      "comment" text NOT NULL,
      "status" text NOT NULL,
      "proposed_by" text NOT NULL,
      "proposed_by_name" text,
      "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "decided_by" text,
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "decision_note" text,
      "accepted_version" integer,
      CONSTRAINT "proposal_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "proposal_article_fkey" FOREIGN KEY ("article_id") REFERENCES "${s}"."article"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "proposal_article_idx" ON "${s}"."proposal" ("article_id", "proposed_at")`);
    await queryRunner.query(`CREATE INDEX "proposal_status_idx" ON "${s}"."proposal" ("status", "proposed_at")`);

    for (const statement of outboxTablesSql(s).up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    // pg_trgm stays: other schemas of the database may use it.
    for (const statement of outboxTablesSql(s).down) await queryRunner.query(statement);
    for (const table of [
      'proposal',
      'rating',
      'synonym_group',
      'search_term',
      'article_search',
      'article_link',
      'article_version',
      'article',
      'folder',
    ]) {
      await queryRunner.query(`DROP TABLE "${s}"."${table}"`);
    }
  }
}
