import { DomainError } from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import type { ArticleRepository, RatingSummaryRow } from '../repositories/article.repository.js';
import type { ArticleService } from './article.service.js';
import { isEditor } from './editor-rules.js';

/**
 * Ratings 1–5 of published articles; a user's new rating replaces their last. Not part of the history. The
 * average and count are shown to editors only.
 */
export class RatingService {
  constructor(
    private readonly articles: ArticleService,
    private readonly repository: ArticleRepository,
  ) {}

  async rate(
    input: { id: string; stars: number },
    ctx: RpcContext,
  ): Promise<{ id: string; myRating: number; rating: RatingSummaryRow | null }> {
    const row = await this.articles.visible(input.id, ctx.actor);
    if (row.status !== 'published') {
      throw new DomainError('KNOWLEDGE.NOT_PUBLISHED', 'Only published articles are rated');
    }
    await this.repository.rate(row.id, ctx.actor.id, input.stars, new Date());
    const rating = isEditor(ctx.actor) ? await this.repository.ratingSummary(row.id) : null;
    return { id: row.id, myRating: input.stars, rating };
  }
}
