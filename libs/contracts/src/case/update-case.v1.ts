import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseFieldsSchema, CaseNumberSchema, CaseViewSchema } from './case.schemas.js';

export const UpdateCaseRequestV1 = z.object({
  number: CaseNumberSchema,
  /** The version the editor read: a stale one is refused with CASE.VERSION_CONFLICT. */
  version: z.number().int().positive(),
  changes: CaseFieldsSchema.partial().refine((c) => Object.keys(c).length > 0, 'Nothing to change'),
});

export const updateCaseV1 = defineRpc({
  subject: 'case.rpc.update.v1',
  request: UpdateCaseRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', version: 1, changes: { priority: 'urgent' } },
  description: 'Changes fields of a case, guarded by the version the editor read.',
});
