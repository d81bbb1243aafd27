import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { ReferenceFieldsSchema, ReferenceItemSchema, ReferenceKindSchema } from './routing.schemas.js';

export const saveReferenceV1 = defineRpc({
  subject: 'routing.rpc.reference-save.v1',
  request: ReferenceFieldsSchema.extend({
    kind: ReferenceKindSchema,
    /** Absent on create: one is made. Kept across renames. */
    id: RefIdSchema.optional(),
    /** Absent: create. Present: the version the change is based on. */
    version: z.number().int().positive().optional(),
  }),
  response: ReferenceItemSchema,
  example: {
    kind: 'case-type',
    id: 'bygglov',
    name: 'Bygglov',
    instruction: 'Hänvisa till e-tjänsten för bygglov; frågor om pågående ärenden går till bygglovsenheten.',
  },
  description:
    'Creates or changes a case type, category, area, org unit, service point or answer group (administrators); a rename keeps the id.',
});
