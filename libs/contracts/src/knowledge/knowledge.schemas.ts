import { z } from 'zod';
import { RefIdSchema, TimestampSchema } from '../case/case.schemas.js';

/** Call script (talmanus), checklist (checklista) or plain information. Wire values: do not rename. */
export const ARTICLE_KINDS = ['call_script', 'checklist', 'information'] as const;
export const ArticleKindSchema = z.enum(ARTICLE_KINDS);
export type ArticleKind = z.infer<typeof ArticleKindSchema>;

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

/** What links an article to the case model: a case type (ärendetyp) or a category (kategori). */
export const LINK_KINDS = ['case_type', 'category'] as const;
export const LinkKindSchema = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKindSchema>;

export const ArticleIdSchema = z.uuid();
export const DateOnlySchema = z.iso.date();

/** A tag: a short word or phrase, compared in lower case. */
export const TagSchema = z.string().trim().min(1).max(60);

/** The fields an editor writes. The body is Markdown. */
export const ArticleFieldsSchema = z.object({
  kind: ArticleKindSchema,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(1000).default(''),
  body: z.string().max(100_000).default(''),
  tags: z.array(TagSchema).max(30).default([]),
  folderId: z.uuid().nullable().default(null),
  ownerDepartment: RefIdSchema.nullable().default(null),
  reviewDate: DateOnlySchema.nullable().default(null),
});
export type ArticleFields = z.infer<typeof ArticleFieldsSchema>;
export const ARTICLE_FIELDS = Object.keys(ArticleFieldsSchema.shape) as Array<keyof ArticleFields>;

/** Changes to some fields; at least one. */
export const ArticleChangesSchema = z
  .object({
    kind: ArticleKindSchema,
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(1000),
    body: z.string().max(100_000),
    tags: z.array(TagSchema).max(30),
    folderId: z.uuid().nullable(),
    ownerDepartment: RefIdSchema.nullable(),
    reviewDate: DateOnlySchema.nullable(),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'Nothing to change');
export type ArticleChanges = z.infer<typeof ArticleChangesSchema>;

export const ArticleLinkSchema = z.object({ kind: LinkKindSchema, targetId: RefIdSchema });
export type ArticleLink = z.infer<typeof ArticleLinkSchema>;

export const RatingSummarySchema = z.object({
  average: z.number().min(0).max(5).nullable(),
  count: z.number().int().min(0),
});

export const ArticleViewSchema = z.object({
  id: ArticleIdSchema,
  version: z.number().int().positive(),
  status: ArticleStatusSchema,
  kind: ArticleKindSchema,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  folderId: z.uuid().nullable(),
  ownerDepartment: z.string().nullable(),
  reviewDate: DateOnlySchema.nullable(),
  /** The version that search and readers see; null while the article is a draft. */
  publishedVersion: z.number().int().positive().nullable(),
  publishedAt: TimestampSchema.nullable(),
  links: z.array(ArticleLinkSchema),
  /** A page of the city's website this article is an imported copy of (edit it there); null if written here. */
  sourceUrl: z.string().nullable(),
  /** Average and count, for editors (supervisors, admins); null for everyone else. */
  rating: RatingSummarySchema.nullable(),
  /** The caller's own rating, 1–5, or null. */
  myRating: z.number().int().min(1).max(5).nullable(),
  createdAt: TimestampSchema,
  createdBy: z.string(),
  updatedAt: TimestampSchema,
  updatedBy: z.string(),
});
export type ArticleView = z.infer<typeof ArticleViewSchema>;

/** An article in a list (folder, case type, search): no body. */
export const ArticleSummarySchema = z.object({
  id: ArticleIdSchema,
  kind: ArticleKindSchema,
  status: ArticleStatusSchema,
  title: z.string(),
  summary: z.string(),
  folderId: z.uuid().nullable(),
  updatedAt: TimestampSchema,
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const exampleArticle: ArticleView = {
  id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
  version: 3,
  status: 'published',
  kind: 'call_script',
  title: 'Bygglov för altan',
  summary: 'När behövs bygglov för en altan, och hur söker man?',
  body: '## Fråga först\n- Hur hög är altanen över marken?\n- Hur nära tomtgränsen?\n',
  tags: ['bygglov', 'altan'],
  folderId: '01935c50-0000-7000-8000-000000000001',
  ownerDepartment: 'stadsbyggnad',
  reviewDate: '2027-06-01',
  publishedVersion: 3,
  publishedAt: '2026-11-20T09:00:00.000Z',
  links: [{ kind: 'case_type', targetId: 'bygglov' }],
  sourceUrl: null,
  rating: { average: 4.5, count: 12 },
  myRating: null,
  createdAt: '2026-10-01T08:00:00.000Z',
  createdBy: 'anna',
  updatedAt: '2026-11-20T09:00:00.000Z',
  updatedBy: 'bertil',
};
