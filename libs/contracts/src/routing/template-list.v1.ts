import { z } from 'zod';
import { defineRpc } from '../message.js';
import { TemplateSchema } from './routing.schemas.js';

export const listTemplatesV1 = defineRpc({
  subject: 'routing.rpc.template-list.v1',
  request: z.object({ includeInactive: z.boolean().default(false) }),
  response: z.object({ items: z.array(TemplateSchema) }),
  example: {},
  description: 'Every template, in the order their rules are tried.',
});
