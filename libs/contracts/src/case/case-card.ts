import { z } from 'zod';
import { CaseViewSchema, pageSchema } from './case.schemas.js';
import { EntryViewSchema } from './entry.schemas.js';
import { CaseRelationsSchema } from './case-relations.v1.js';
import { CaseCustomersSchema } from '../customer/link-customer.v1.js';

/**
 * What the case card opens with, in one HTTP round trip (the gateway asks case-core for the parts at once):
 * the case, the newest page of its timeline (`timeline.nextCursor` continues at
 * `GET /api/v1/cases/{number}/entries?order=desc`), its customer cards and its master and children.
 */
export const CaseCardSchema = z.object({
  case: CaseViewSchema,
  timeline: pageSchema(EntryViewSchema),
  customers: CaseCustomersSchema.shape.items,
  relations: CaseRelationsSchema,
});
export type CaseCard = z.infer<typeof CaseCardSchema>;
