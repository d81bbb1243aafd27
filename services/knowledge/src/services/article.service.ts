import type { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  type ArticleChanges,
  type ArticleFields,
  type ArticleLink,
  type ArticleVersion,
  type ArticleView,
  type EventEnvelope,
  DomainError,
  articlePublishedV1,
  articleSavedV1,
  articleUnpublishedV1,
  type ArticleFromCaseRequestV1,
  type UpdateArticleRequestV1,
} from '@arende/contracts';
import { Outbox, createEnvelope, type RpcContext } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { type ArticleRepository, type ArticleRow, FIELD_COLUMNS } from '../repositories/article.repository.js';
import type { KnowledgeSearch } from '../search/knowledge-search.js';
import { assertVersion, fieldsOf, firstLine, notFound, sameValue, toSummary } from './article-fields.js';
import { assertEditor, assertMayEdit, isEditor, maySee } from './editor-rules.js';

/** Anything that should hear that events were committed (the outbox relay). */
export interface CommitListener {
  nudge(): void;
}

type Changes = Record<string, { before: unknown; after: unknown }>;

/** How a version came about; proposals pass their id through {@link ArticleService.applyChanges}. */
export interface VersionOrigin {
  source: 'edited' | 'proposal' | 'imported';
  note: string | null;
  proposalId: string | null;
}

export class ArticleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly search: KnowledgeSearch,
    private readonly listener: CommitListener,
    private readonly schema: string,
  ) {}

  async create(input: ArticleFields, ctx: RpcContext): Promise<ArticleView> {
    return await this.createDraft(input, ctx, { source: 'created', note: null, links: [] });
  }

  /** The question and answer of a case become a draft call script, linked to the case's type. */
  async fromCase(input: z.output<typeof ArticleFromCaseRequestV1>, ctx: RpcContext): Promise<ArticleView> {
    const title = input.title ?? firstLine(input.question, 200);
    const body = `## Fråga\n\n${input.question}\n\n## Svar\n\n${input.answer}\n`;
    return await this.createDraft(
      {
        kind: 'call_script',
        title,
        summary: firstLine(input.question, 1000),
        body,
        tags: [],
        folderId: null,
        ownerDepartment: null,
        reviewDate: null,
      },
      ctx,
      {
        source: 'case',
        note: `Från ärende ${input.number}`,
        links: input.caseTypeId ? [{ kind: 'case_type', targetId: input.caseTypeId }] : [],
      },
    );
  }

  /** A page of the city's website becomes a published article, a copy of `sourceUrl`. */
  async importPage(fields: ArticleFields, sourceUrl: string, ctx: RpcContext): Promise<ArticleView> {
    return await this.createDraft(fields, ctx, { source: 'imported', note: sourceUrl, links: [], sourceUrl });
  }

  /** A changed page becomes a new version of its article (published again if it had been withdrawn). */
  async reimportPage(id: string, changes: ArticleChanges, ctx: RpcContext): Promise<ArticleRow> {
    return await this.change(id, ctx, async (manager, current, events) => {
      const updated = await this.applyChanges(manager, current, changes, ctx, events, {
        source: 'imported',
        note: current.source_url,
        proposalId: null,
      });
      return updated;
    });
  }

  async get(id: string, ctx: RpcContext): Promise<ArticleView> {
    const row = await this.visible(id, ctx.actor);
    return await this.view(row, ctx.actor);
  }

  async update(input: z.output<typeof UpdateArticleRequestV1>, ctx: RpcContext): Promise<ArticleView> {
    const row = await this.change(input.id, ctx, async (manager, current, events) => {
      assertMayEdit(ctx.actor, current);
      assertVersion(current, input.version);
      return await this.applyChanges(manager, current, input.changes, ctx, events, {
        source: 'edited',
        note: input.note ?? null,
        proposalId: null,
      });
    });
    return await this.view(row, ctx.actor);
  }

  /**
   * Writes a new version with the fields that differ, inside the caller's transaction (also used to accept
   * proposals). A published article is re-indexed at once. Nothing differs: the row as it was.
   */
  async applyChanges(
    manager: EntityManager,
    current: ArticleRow,
    changes: ArticleChanges,
    ctx: RpcContext,
    events: Array<EventEnvelope<unknown>>,
    origin: VersionOrigin,
  ): Promise<ArticleRow> {
    const diff: Changes = {};
    const columns: Record<string, unknown> = {};
    const before = fieldsOf(current);
    for (const [field, value] of Object.entries(changes) as Array<[keyof ArticleFields, unknown]>) {
      if (value === undefined || sameValue(before[field], value)) continue;
      diff[field] = { before: before[field], after: value };
      columns[FIELD_COLUMNS[field]] = value;
    }
    if (Object.keys(diff).length === 0) return current;
    if (
      current.source_url !== null &&
      origin.source !== 'imported' &&
      !('folderId' in diff && Object.keys(diff).length === 1)
    ) {
      throw new DomainError(
        'KNOWLEDGE.IMPORTED_ARTICLE',
        `This article is a copy of ${current.source_url}: change the page on the website (only its folder is set here)`,
      );
    }
    if (typeof columns.folder_id === 'string') await this.assertFolder(manager, columns.folder_id);
    const now = new Date();
    if (current.status === 'published') columns.published_at = now;
    const published = current.status === 'published';
    const updated = await this.articles.update(manager, current.id, columns, ctx.actor.id, now, published);
    await this.articles.insertVersion(manager, {
      article_id: current.id,
      version: updated.version,
      source: origin.source,
      changed_at: now,
      changed_by: ctx.actor.id,
      changed_by_name: ctx.actor.name ?? null,
      note: origin.note,
      changes: diff,
      proposal_id: origin.proposalId,
    });
    events.push(
      createEnvelope(articleSavedV1, { id: current.id, version: updated.version, created: false, changes: diff }, ctx),
    );
    if (updated.status === 'published') events.push(await this.publishIndexed(manager, updated, ctx));
    return updated;
  }

  async publish(input: { id: string; version: number }, ctx: RpcContext): Promise<ArticleView> {
    assertEditor(ctx.actor, 'publish articles');
    const row = await this.change(input.id, ctx, async (manager, current, events) => {
      if (current.status === 'published') return current;
      assertVersion(current, input.version);
      const now = new Date();
      const updated = await this.articles.update(
        manager,
        current.id,
        { status: 'published', published_at: now },
        ctx.actor.id,
        now,
        true,
      );
      await this.statusVersion(manager, updated, 'published', ctx, now);
      events.push(await this.publishIndexed(manager, updated, ctx));
      return updated;
    });
    return await this.view(row, ctx.actor);
  }

  async unpublish(input: { id: string; version: number }, ctx: RpcContext): Promise<ArticleView> {
    assertEditor(ctx.actor, 'withdraw articles');
    const row = await this.change(input.id, ctx, async (manager, current, events) => {
      if (current.status === 'draft') return current;
      assertVersion(current, input.version);
      const now = new Date();
      const updated = await this.articles.update(
        manager,
        current.id,
        { status: 'draft', published_version: null },
        ctx.actor.id,
        now,
      );
      await this.statusVersion(manager, updated, 'unpublished', ctx, now);
      await this.search.remove(updated.id, manager);
      events.push(createEnvelope(articleUnpublishedV1, { id: updated.id, version: updated.version }, ctx));
      return updated;
    });
    return await this.view(row, ctx.actor);
  }

  async versions(id: string, ctx: RpcContext): Promise<{ items: ArticleVersion[] }> {
    await this.visible(id, ctx.actor);
    const rows = await this.articles.versions(id);
    return {
      items: rows.map((row) => ({
        version: row.version,
        source: row.source as ArticleVersion['source'],
        changedAt: row.changed_at.toISOString(),
        changedBy: row.changed_by,
        changedByName: row.changed_by_name,
        note: row.note,
        changes: row.changes,
        proposalId: row.proposal_id,
      })),
    };
  }

  async inFolder(input: { folderId: string; includeDrafts: boolean }, ctx: RpcContext) {
    const rows = await this.articles.inFolder(input.folderId, input.includeDrafts && isEditor(ctx.actor));
    return { items: rows.map(toSummary) };
  }

  /** Runs `work` on the locked article in one transaction, writes the events it collected to the outbox. */
  async change(
    id: string,
    ctx: RpcContext,
    work: (manager: EntityManager, row: ArticleRow, events: Array<EventEnvelope<unknown>>) => Promise<ArticleRow>,
  ): Promise<ArticleRow> {
    const events: Array<EventEnvelope<unknown>> = [];
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.articles.lock(manager, id);
      if (!current || !maySee(ctx.actor, current)) throw notFound(id);
      const result = await work(manager, current, events);
      for (const envelope of events) await Outbox.add(manager, envelope, this.schema);
      return result;
    });
    if (events.length > 0) this.listener.nudge();
    return row;
  }

  /** The article if the actor may see it; KNOWLEDGE.ARTICLE_NOT_FOUND otherwise. */
  async visible(id: string, actor: Actor): Promise<ArticleRow> {
    const row = await this.articles.find(id);
    if (!row || !maySee(actor, row)) throw notFound(id);
    return row;
  }

  async view(row: ArticleRow, actor: Actor): Promise<ArticleView> {
    const [links, rating, myRating] = await Promise.all([
      this.articles.links(row.id),
      // The average and count are for editors, who act on them; agents see their own rating.
      isEditor(actor) ? this.articles.ratingSummary(row.id) : null,
      this.articles.myRating(row.id, actor.id),
    ]);
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      ...fieldsOf(row),
      publishedVersion: row.published_version,
      publishedAt: row.published_at?.toISOString() ?? null,
      links,
      sourceUrl: row.source_url,
      rating,
      myRating,
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by,
    };
  }

  private async createDraft(
    input: ArticleFields,
    ctx: RpcContext,
    origin: {
      source: 'created' | 'case' | 'imported';
      note: string | null;
      links: ArticleLink[];
      /** Imported pages are published at once, as copies of this URL. */
      sourceUrl?: string;
    },
  ): Promise<ArticleView> {
    const now = new Date();
    const imported = origin.sourceUrl !== undefined;
    const row: ArticleRow = {
      id: uuidv7(),
      version: 1,
      status: imported ? 'published' : 'draft',
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: input.body,
      tags: input.tags,
      folder_id: input.folderId,
      owner_department: input.ownerDepartment,
      review_date: input.reviewDate,
      published_version: imported ? 1 : null,
      published_at: imported ? now : null,
      created_at: now,
      created_by: ctx.actor.id,
      updated_at: now,
      updated_by: ctx.actor.id,
      source_url: origin.sourceUrl ?? null,
    };
    const changes: Changes = {};
    for (const [field, value] of Object.entries(fieldsOf(row))) {
      if (value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) {
        changes[field] = { before: null, after: value };
      }
    }
    await this.dataSource.transaction(async (manager) => {
      if (row.folder_id) await this.assertFolder(manager, row.folder_id);
      await this.articles.insert(manager, row);
      await this.articles.insertVersion(manager, {
        article_id: row.id,
        version: 1,
        source: origin.source,
        changed_at: now,
        changed_by: ctx.actor.id,
        changed_by_name: ctx.actor.name ?? null,
        note: origin.note,
        changes,
        proposal_id: null,
      });
      for (const link of origin.links) await this.articles.addLink(manager, row.id, link, ctx.actor.id, now);
      await Outbox.add(
        manager,
        createEnvelope(articleSavedV1, { id: row.id, version: 1, created: true, changes }, ctx),
        this.schema,
      );
      if (imported) {
        await Outbox.add(manager, await this.publishIndexed(manager, row, ctx), this.schema);
      }
    });
    this.listener.nudge();
    return await this.view(row, ctx.actor);
  }

  private async statusVersion(
    manager: EntityManager,
    row: ArticleRow,
    source: 'published' | 'unpublished',
    ctx: RpcContext,
    now: Date,
  ): Promise<void> {
    const after = source === 'published' ? 'published' : 'draft';
    await this.articles.insertVersion(manager, {
      article_id: row.id,
      version: row.version,
      source,
      changed_at: now,
      changed_by: ctx.actor.id,
      changed_by_name: ctx.actor.name ?? null,
      note: null,
      changes: { status: { before: after === 'published' ? 'draft' : 'published', after } },
      proposal_id: null,
    });
  }

  /** Indexes the published row (in this transaction, for PostgreSQL) and returns its published event. */
  private async publishIndexed(
    manager: EntityManager,
    row: ArticleRow,
    ctx: RpcContext,
  ): Promise<EventEnvelope<unknown>> {
    const links = await this.articles.links(row.id, manager);
    await this.search.index(
      {
        id: row.id,
        version: row.version,
        kind: row.kind,
        title: row.title,
        summary: row.summary,
        body: row.body,
        tags: row.tags,
        folderId: row.folder_id,
        caseTypeIds: links.filter((l) => l.kind === 'case_type').map((l) => l.targetId),
        publishedAt: row.published_at ?? new Date(),
      },
      manager,
    );
    return this.publishedEvent(row, links, ctx);
  }

  /** The published event of a row (search back ends index from it). */
  publishedEvent(row: ArticleRow, links: ArticleLink[], ctx: RpcContext): EventEnvelope<unknown> {
    return createEnvelope(articlePublishedV1, { id: row.id, version: row.version, ...fieldsOf(row), links }, ctx);
  }

  private async assertFolder(manager: EntityManager, folderId: string): Promise<void> {
    if (!(await this.articles.folderExists(manager, folderId))) {
      throw new DomainError('KNOWLEDGE.FOLDER_NOT_FOUND', `No folder ${folderId}`);
    }
  }
}
