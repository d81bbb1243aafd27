import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { TemplateFieldsSchema, TemplateSchema } from './routing.schemas.js';

export const saveTemplateV1 = defineRpc({
  subject: 'routing.rpc.template-save.v1',
  request: TemplateFieldsSchema.extend({
    /** Absent on create: one is made. Kept across renames. */
    id: RefIdSchema.optional(),
    /** Absent: create. Present: the version the change is based on. */
    version: z.number().int().positive().optional(),
  }),
  response: TemplateSchema,
  example: {
    id: 'snorojning',
    title: 'Snöröjning',
    caseTypeId: 'gata-park',
    inboxId: 'snorojning-entreprenor',
    defaultPriority: 'prioritised',
    sla: { resolutionHours: 24 },
    rules: [
      { name: 'Snö i ämnet', conditions: [{ field: 'subject', match: 'keywords', keywords: ['snöröj*', 'plogning'] }] },
      { name: 'Ej plogat', conditions: [{ field: 'body', match: 'regex', pattern: 'inte\\s+(plogat|sandat)' }] },
    ],
  },
  description:
    'Creates or changes a template with its matching rules (administrators); references and regular expressions are checked before it is saved.',
});
