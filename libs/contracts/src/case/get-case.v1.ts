import { defineRpc } from '../message.js';
import { CaseRefSchema, CaseViewSchema } from './case.schemas.js';

export const getCaseV1 = defineRpc({
  subject: 'case.rpc.get.v1',
  request: CaseRefSchema,
  response: CaseViewSchema,
  example: { number: '2026-000123' },
  description: 'Reads one case by its number.',
});
