import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@arende/persistence';

/** Pages of the city's website kept as articles: the sitemaps read, the pages seen, each article's source URL. */
export class WebImport1764100200000 implements MigrationInterface {
  name = 'WebImport1764100200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}"."article" ADD "source_url" text`);
    await queryRunner.query(
      `ALTER TABLE "${s}"."article" ADD CONSTRAINT "article_source_url_key" UNIQUE ("source_url")`,
    );
    await queryRunner.query(`CREATE TABLE "${s}"."web_source" (
      "id" uuid NOT NULL,
      "sitemap_url" text NOT NULL,
      "folder_id" uuid,
      "refresh_minutes" integer NOT NULL,
      "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_run_at" TIMESTAMP WITH TIME ZONE,
      "last_result" jsonb,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_by" text NOT NULL,
      CONSTRAINT "web_source_sitemap_url_key" UNIQUE ("sitemap_url"),
      CONSTRAINT "web_source_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "web_source_folder_fkey" FOREIGN KEY ("folder_id") REFERENCES "${s}"."folder"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "web_source_due_idx" ON "${s}"."web_source" ("next_run_at")`);
    await queryRunner.query(`CREATE TABLE "${s}"."web_page" (
      "url" text NOT NULL,
      "source_id" uuid NOT NULL,
      "article_id" uuid NOT NULL,
      "lastmod" text,
      "content_hash" text NOT NULL,
      "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "web_page_pkey" PRIMARY KEY ("url"),
      CONSTRAINT "web_page_source_fkey" FOREIGN KEY ("source_id") REFERENCES "${s}"."web_source"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION,
      CONSTRAINT "web_page_article_fkey" FOREIGN KEY ("article_id") REFERENCES "${s}"."article"("id")
        ON DELETE NO ACTION ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "web_page_source_idx" ON "${s}"."web_page" ("source_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE "${s}"."web_page"`);
    await queryRunner.query(`DROP TABLE "${s}"."web_source"`);
    await queryRunner.query(`ALTER TABLE "${s}"."article" DROP CONSTRAINT "article_source_url_key"`);
    await queryRunner.query(`ALTER TABLE "${s}"."article" DROP COLUMN "source_url"`);
  }
}
