import type { DataSource } from 'typeorm';
import { type Actor, type WebImportResult, type WebSource, DomainError } from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { WebPageRow, WebSourceRepository, WebSourceRow } from '../repositories/web-source.repository.js';
import { WebFetchError, fetchText } from '../web/web-fetcher.js';
import { type SitemapEntry, contentHash, extractPage, parseSitemap } from '../web/web-page.js';
import type { ArticleService } from './article.service.js';
import { assertEditor } from './editor-rules.js';

export interface WebImportOptions {
  timeoutMs: number;
  maxPageBytes: number;
  /** Pages read per run at most (the rest wait for the next run). */
  maxPages: number;
  /** Hosts sitemaps may come from (`.solna.se` allows its subdomains); empty: any. */
  allowedHosts: string[];
}

/** Who the import acts as: an editor of the knowledge base, so that it may publish and withdraw. */
const IMPORT_ACTOR: Actor = { kind: 'system', id: 'web-import', name: 'Import från webbplatsen', roles: ['admin'] };
/** A sitemap index may point at further sitemaps; one level is followed. */
const MAX_SITEMAPS = 50;

/**
 * Keeps pages of the city's public website as articles: a link and an indexed copy, so the same text is not
 * kept by hand in two places. New pages become published information articles; a changed page (by its
 * lastmod, else by the hash of its text) a new version; a page gone from the sitemap is withdrawn. Only pages
 * on the sitemap's own site are read. Sources are read again every refresh_minutes (see runDue).
 */
export class WebImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: WebSourceRepository,
    private readonly articles: ArticleService,
    private readonly options: WebImportOptions,
  ) {}

  async save(
    input: { id?: string; sitemapUrl: string; folderId: string | null; refreshMinutes: number },
    ctx: RpcContext,
  ): Promise<WebSource> {
    assertEditor(ctx.actor, 'import from the website');
    if (!hostAllowed(new URL(input.sitemapUrl).hostname, this.options.allowedHosts)) {
      throw new DomainError('REQUEST.INVALID', 'Sitemaps are imported only from the city’s own sites', {
        fields: [{ path: 'sitemapUrl', message: `Allowed hosts: ${this.options.allowedHosts.join(', ')}` }],
      });
    }
    const row = await this.dataSource.transaction(async (manager) => {
      if (input.id && !(await this.sources.find(input.id, manager))) throw notFound(input.id);
      const same = await this.sources.findByUrl(manager, input.sitemapUrl);
      const id = input.id ?? same?.id ?? uuidv7();
      return await this.sources.save(
        manager,
        { id, sitemap_url: input.sitemapUrl, folder_id: input.folderId, refresh_minutes: input.refreshMinutes },
        ctx.actor.id,
        new Date(),
      );
    });
    return toWebSource(row);
  }

  async list(): Promise<{ items: WebSource[] }> {
    return { items: (await this.sources.list()).map(toWebSource) };
  }

  /** Reads a source now (editors), whatever its schedule. */
  async refresh(input: { id: string }, ctx: RpcContext): Promise<WebSource> {
    assertEditor(ctx.actor, 'import from the website');
    const source = await this.sources.find(input.id);
    if (!source) throw notFound(input.id);
    return toWebSource(await this.run(source));
  }

  /** Reads the sources that are due, one after another; what the schedule calls. Returns how many ran. */
  async runDue(now = new Date()): Promise<number> {
    let count = 0;
    for (let source = await this.sources.claimDue(now); source; source = await this.sources.claimDue(now)) {
      await this.run(source);
      count++;
    }
    return count;
  }

  private async run(source: WebSourceRow): Promise<WebSourceRow> {
    const result: WebImportResult = { pages: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, failed: [] };
    const entries = await this.readSitemaps(source.sitemap_url, result);
    if (entries) {
      const known = await this.sources.pages(source.id);
      const origin = new URL(source.sitemap_url).origin;
      const seen = new Set<string>();
      for (const entry of entries.slice(0, this.options.maxPages)) {
        if (!sameSite(entry.url, origin)) {
          result.failed.push({ url: entry.url, reason: 'Not on the sitemap’s site' });
          continue;
        }
        seen.add(entry.url);
        result.pages++;
        try {
          await this.importPage(source, entry, known.get(entry.url), result);
        } catch (error) {
          if (!(error instanceof WebFetchError || error instanceof DomainError)) throw error;
          result.failed.push({ url: entry.url, reason: error.message });
        }
      }
      // Only a complete sitemap says a page is gone.
      if (entries.length <= this.options.maxPages) {
        for (const [url, page] of known) {
          if (seen.has(url)) continue;
          await this.withdraw(page.article_id);
          await this.sources.removePage(url);
          result.withdrawn++;
        }
      }
    }
    return await this.sources.finish(source.id, result, new Date());
  }

  /** The sitemap's pages (following one level of sitemap index); null if it could not be read at all. */
  private async readSitemaps(url: string, result: WebImportResult): Promise<SitemapEntry[] | null> {
    const read = async (at: string) => {
      const { text } = await fetchText(at, { timeoutMs: this.options.timeoutMs, maxBytes: 50 * 1024 * 1024 });
      return parseSitemap(text);
    };
    try {
      const top = await read(url);
      const pages = [...top.pages];
      for (const nested of top.sitemaps.slice(0, MAX_SITEMAPS)) {
        if (!sameSite(nested, new URL(url).origin)) continue;
        pages.push(...(await read(nested)).pages);
      }
      return pages;
    } catch (error) {
      if (!(error instanceof WebFetchError)) throw error;
      result.failed.push({ url, reason: error.message });
      return null;
    }
  }

  private async importPage(
    source: WebSourceRow,
    entry: SitemapEntry,
    known: WebPageRow | undefined,
    result: WebImportResult,
  ): Promise<void> {
    if (known && entry.lastmod !== null && known.lastmod === entry.lastmod) {
      result.unchanged++;
      return;
    }
    const { text, contentType } = await fetchText(entry.url, {
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxPageBytes,
    });
    if (contentType && !/html/i.test(contentType)) throw new WebFetchError(`Not an HTML page: ${contentType}`);
    const page = extractPage(text, entry.url);
    const hash = contentHash(page);
    const ctx = { actor: IMPORT_ACTOR, correlationId: `web-import-${uuidv7()}` };
    const articleId = known?.article_id ?? (await this.sources.articleOf(entry.url));
    if (articleId && known?.content_hash === hash) {
      result.unchanged++;
    } else if (articleId) {
      await this.articles.reimportPage(articleId, { title: page.title, summary: page.summary, body: page.body }, ctx);
      result.updated++;
    }
    let id = articleId;
    if (!id) {
      const created = await this.articles.importPage(
        {
          kind: 'information',
          title: page.title,
          summary: page.summary,
          body: page.body,
          tags: [],
          folderId: source.folder_id,
          ownerDepartment: null,
          reviewDate: null,
        },
        entry.url,
        ctx,
      );
      id = created.id;
      result.created++;
    }
    // A page that came back after it had vanished is published again.
    const current = await this.articles.visible(id, IMPORT_ACTOR);
    if (current.status === 'draft') await this.articles.publish({ id, version: current.version }, ctx);
    await this.sources.savePage({
      url: entry.url,
      source_id: source.id,
      article_id: id,
      lastmod: entry.lastmod,
      content_hash: hash,
      fetched_at: new Date(),
    });
  }

  private async withdraw(articleId: string): Promise<void> {
    const ctx = { actor: IMPORT_ACTOR, correlationId: `web-import-${uuidv7()}` };
    const current = await this.articles.visible(articleId, IMPORT_ACTOR);
    if (current.status === 'published') await this.articles.unpublish({ id: articleId, version: current.version }, ctx);
  }
}

/** Whether a host is one of `allowed` (an entry starting with a dot allows that domain and its subdomains). */
export function hostAllowed(host: string, allowed: string[]): boolean {
  if (allowed.length === 0) return true;
  const name = host.toLowerCase();
  return allowed.some((entry) =>
    entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry,
  );
}

function sameSite(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
  } catch {
    return false;
  }
}

function notFound(id: string): DomainError {
  return new DomainError('KNOWLEDGE.WEB_SOURCE_NOT_FOUND', `No web source ${id}`);
}

function toWebSource(row: WebSourceRow): WebSource {
  return {
    id: row.id,
    sitemapUrl: row.sitemap_url,
    folderId: row.folder_id,
    refreshMinutes: row.refresh_minutes,
    nextRunAt: row.next_run_at.toISOString(),
    lastRunAt: row.last_run_at?.toISOString() ?? null,
    lastResult: row.last_result,
  };
}
