import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { TemplateSchema } from './routing.schemas.js';

export const getTemplateV1 = defineRpc({
  subject: 'routing.rpc.template-get.v1',
  request: z.object({ id: RefIdSchema }),
  response: TemplateSchema,
  example: { id: 'snorojning' },
  description: 'One template with everything it holds.',
});
