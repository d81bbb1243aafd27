import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ReferenceItemSchema, ReferenceKindSchema } from './routing.schemas.js';

export const listReferencesV1 = defineRpc({
  subject: 'routing.rpc.reference-list.v1',
  request: z.object({ kind: ReferenceKindSchema, includeInactive: z.boolean().default(false) }),
  response: z.object({ items: z.array(ReferenceItemSchema) }),
  example: { kind: 'org-unit' },
  description: 'The reference items of one kind, by name.',
});
