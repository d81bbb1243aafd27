import { z } from 'zod';
import { defineRpc } from '../message.js';

/** Words the city treats as one in search (snöröjning ~ plogning ~ snöplogning). */
export const SynonymGroupSchema = z.object({ id: z.uuid(), terms: z.array(z.string()) });

const Term = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}]+$/u, 'One word: letters and digits only')
  .max(60);

export const saveSynonymGroupV1 = defineRpc({
  subject: 'knowledge.rpc.synonym-save.v1',
  request: z.object({
    /** Absent: a new group. */
    id: z.uuid().optional(),
    terms: z
      .array(Term)
      .min(2)
      .max(30)
      .refine((terms) => new Set(terms).size === terms.length, 'A word appears twice'),
  }),
  response: SynonymGroupSchema,
  example: { terms: ['snöröjning', 'plogning', 'snöplogning'] },
  description: 'Creates or replaces a group of synonyms (editors); search uses it at once.',
});

export const deleteSynonymGroupV1 = defineRpc({
  subject: 'knowledge.rpc.synonym-delete.v1',
  request: z.object({ id: z.uuid() }),
  response: z.object({ id: z.uuid(), deleted: z.boolean() }),
  example: { id: '01935c52-2222-7333-8444-555566667777' },
  description: 'Deletes a group of synonyms (editors); deleting one that is gone changes nothing.',
});

export const listSynonymGroupsV1 = defineRpc({
  subject: 'knowledge.rpc.synonym-list.v1',
  request: z.object({}),
  response: z.object({ items: z.array(SynonymGroupSchema) }),
  example: {},
  description: 'Every synonym group, by its first word.',
});
