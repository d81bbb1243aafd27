import {
  articleFromCaseV1,
  createArticleV1,
  getArticleV1,
  linkArticleV1,
  listArticleVersionsV1,
  listFolderArticlesV1,
  listLinkedArticlesV1,
  publishArticleV1,
  rateArticleV1,
  unlinkArticleV1,
  unpublishArticleV1,
  updateArticleV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { ArticleLinkService } from '../services/article-link.service.js';
import type { ArticleService } from '../services/article.service.js';
import type { RatingService } from '../services/rating.service.js';

/** The NATS edge of articles, their links and ratings. */
export class ArticleHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly articles: ArticleService,
    private readonly links: ArticleLinkService,
    private readonly ratings: RatingService,
  ) {}

  listen(): void {
    this.rpc
      .handle(createArticleV1, (data, ctx) => this.articles.create(data, ctx))
      .handle(articleFromCaseV1, (data, ctx) => this.articles.fromCase(data, ctx))
      .handle(getArticleV1, (data, ctx) => this.articles.get(data.id, ctx))
      .handle(updateArticleV1, (data, ctx) => this.articles.update(data, ctx))
      .handle(publishArticleV1, (data, ctx) => this.articles.publish(data, ctx))
      .handle(unpublishArticleV1, (data, ctx) => this.articles.unpublish(data, ctx))
      .handle(listArticleVersionsV1, (data, ctx) => this.articles.versions(data.id, ctx))
      .handle(linkArticleV1, (data, ctx) => this.links.link(data.id, data.link, ctx))
      .handle(unlinkArticleV1, (data, ctx) => this.links.unlink(data.id, data.link, ctx))
      .handle(listLinkedArticlesV1, (data, ctx) => this.links.linked(data, ctx))
      .handle(listFolderArticlesV1, (data, ctx) => this.articles.inFolder(data, ctx))
      .handle(rateArticleV1, (data, ctx) => this.ratings.rate(data, ctx));
  }
}
