import { defineEvent } from '../message.js';
import { ReferenceItemSchema } from './routing.schemas.js';

export const referenceSavedV1 = defineEvent({
  subject: 'routing.evt.reference-saved.v1',
  data: ReferenceItemSchema,
  example: {
    kind: 'org-unit',
    id: 'stadsbyggnad',
    name: 'Stadsbyggnadsförvaltningen',
    description: '',
    instruction: '',
    orgLevel: 'department',
    parentId: null,
    active: true,
    version: 2,
    updatedAt: '2026-11-23T09:00:00.000Z',
  },
  description: 'A reference item was created or changed (its full new state).',
});
