import { z } from 'zod';
import { defineRpc } from '../message.js';
import { TimestampSchema } from '../case/case.schemas.js';

/** What one import run did. */
export const WebImportResultSchema = z.object({
  pages: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  withdrawn: z.number().int().min(0),
  /** Pages (or the sitemap itself) that could not be read, each with why. */
  failed: z.array(z.object({ url: z.string(), reason: z.string() })),
});
export type WebImportResult = z.infer<typeof WebImportResultSchema>;

/** A sitemap of the city's public website whose pages are kept as articles (a link and an indexed copy). */
export const WebSourceSchema = z.object({
  id: z.uuid(),
  sitemapUrl: z.string(),
  folderId: z.uuid().nullable(),
  refreshMinutes: z.number().int(),
  nextRunAt: TimestampSchema,
  lastRunAt: TimestampSchema.nullable(),
  lastResult: WebImportResultSchema.nullable(),
});
export type WebSource = z.infer<typeof WebSourceSchema>;

export const SaveWebSourceRequestV1 = z.object({
  /** Absent: a new source. */
  id: z.uuid().optional(),
  sitemapUrl: z.url({ protocol: /^https?$/ }).max(2000),
  folderId: z.uuid().nullable().default(null),
  /** How often the pages are read again: 15 minutes to a week, default a day. */
  refreshMinutes: z.number().int().min(15).max(10_080).default(1440),
});

export const saveWebSourceV1 = defineRpc({
  subject: 'knowledge.rpc.web-source-save.v1',
  request: SaveWebSourceRequestV1,
  response: WebSourceSchema,
  example: { sitemapUrl: 'https://www.solna.se/sitemap.xml', refreshMinutes: 1440 },
  description:
    'Adds or changes a sitemap whose pages are imported as articles (editors); the schedule reads it at its next poll.',
});

export const listWebSourcesV1 = defineRpc({
  subject: 'knowledge.rpc.web-source-list.v1',
  request: z.object({}),
  response: z.object({ items: z.array(WebSourceSchema) }),
  example: {},
  description: 'The sitemaps imported from, with what their last run did.',
});

export const refreshWebSourceV1 = defineRpc({
  subject: 'knowledge.rpc.web-source-refresh.v1',
  request: z.object({ id: z.uuid() }),
  response: WebSourceSchema,
  example: { id: '01935c53-3333-7444-8555-666677778888' },
  description:
    'Reads a sitemap and its changed pages now (editors): new pages become published articles, changed ones new versions, vanished ones are withdrawn.',
});
