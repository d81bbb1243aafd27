import type { EntityManager } from 'typeorm';
import type { ArticleLink, ArticleSummary, LinkKind } from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import type { ArticleRepository } from '../repositories/article.repository.js';
import type { ArticleService } from './article.service.js';
import { toSummary } from './article-fields.js';
import { assertEditor, isEditor } from './editor-rules.js';

/**
 * Links between articles and case types or categories, read both ways: an article lists the case types it
 * serves, a case type lists its articles. Links are not content: they make no new version.
 */
export class ArticleLinkService {
  constructor(
    private readonly articles: ArticleService,
    private readonly repository: ArticleRepository,
  ) {}

  async link(id: string, link: ArticleLink, ctx: RpcContext): Promise<{ id: string; links: ArticleLink[] }> {
    return await this.relink(id, ctx, (manager) =>
      this.repository.addLink(manager, id, link, ctx.actor.id, new Date()),
    );
  }

  async unlink(id: string, link: ArticleLink, ctx: RpcContext): Promise<{ id: string; links: ArticleLink[] }> {
    return await this.relink(id, ctx, (manager) => this.repository.removeLink(manager, id, link));
  }

  /** The articles linked to a case type or category; drafts only for editors who ask. */
  async linked(
    input: { kind: LinkKind; targetId: string; includeDrafts: boolean },
    ctx: RpcContext,
  ): Promise<{ items: ArticleSummary[] }> {
    const rows = await this.repository.linked(input.kind, input.targetId, input.includeDrafts && isEditor(ctx.actor));
    return { items: rows.map(toSummary) };
  }

  private async relink(
    id: string,
    ctx: RpcContext,
    apply: (manager: EntityManager) => Promise<boolean>,
  ): Promise<{ id: string; links: ArticleLink[] }> {
    assertEditor(ctx.actor, 'link articles');
    let links: ArticleLink[] = [];
    await this.articles.change(id, ctx, async (manager, current, events) => {
      const changed = await apply(manager);
      links = await this.repository.links(id, manager);
      // Search back ends filter on case types: a published article's links travel with its published event.
      if (changed && current.status === 'published') events.push(this.articles.publishedEvent(current, links, ctx));
      return current;
    });
    return { id, links };
  }
}
