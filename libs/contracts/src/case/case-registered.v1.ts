import { defineEvent } from '../message.js';
import { CaseViewSchema, exampleCase } from './case.schemas.js';

export const caseRegisteredV1 = defineEvent({
  subject: 'case.evt.registered.v1',
  data: CaseViewSchema,
  example: exampleCase,
  description: 'A case was registered; the data is the whole case as registered.',
});
