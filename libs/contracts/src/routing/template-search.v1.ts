import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ReferenceItemSchema, TemplateSchema } from './routing.schemas.js';

export const searchTemplatesV1 = defineRpc({
  subject: 'routing.rpc.template-search.v1',
  request: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }),
  response: z.object({
    caseTypes: z.array(ReferenceItemSchema),
    templates: z.array(TemplateSchema),
  }),
  example: { q: 'bygglov' },
  description:
    'For quick registration: the active case types and templates whose name, title or keywords hold a word beginning with the query.',
});
