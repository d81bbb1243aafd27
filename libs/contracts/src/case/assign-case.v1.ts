import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, CaseViewSchema } from './case.schemas.js';

export const AssignCaseRequestV1 = z.object({
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  /** null removes the assignee. */
  assigneeId: z.string().min(1).max(200).nullable(),
  assigneeName: z.string().max(200).nullable().optional(),
});

export const assignCaseV1 = defineRpc({
  subject: 'case.rpc.assign.v1',
  request: AssignCaseRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', version: 2, assigneeId: 'anna.agent', assigneeName: 'Anna Andersson' },
  description: 'Sets or removes the handling officer of a case; the history of who held it is kept.',
});
