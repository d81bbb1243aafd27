import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, CaseStatusSchema } from './case.schemas.js';

/** Most children one request may relate: one transaction locks every one of them. */
export const MAX_CHILDREN_PER_RELATE = 100;

/** A case as a relation shows it. */
export const RelatedCaseSchema = z.object({
  number: CaseNumberSchema,
  title: z.string(),
  status: CaseStatusSchema,
});
export type RelatedCase = z.infer<typeof RelatedCaseSchema>;

/** A case with its master (if it is a child) and its children (if it is a master). One level only. */
export const CaseRelationsSchema = z.object({
  case: RelatedCaseSchema,
  master: RelatedCaseSchema.nullable(),
  children: z.array(RelatedCaseSchema),
});
export type CaseRelations = z.infer<typeof CaseRelationsSchema>;

export const RelateCasesRequestV1 = z.object({
  masterNumber: CaseNumberSchema,
  childNumbers: z
    .array(CaseNumberSchema)
    .min(1)
    .max(MAX_CHILDREN_PER_RELATE)
    .refine((numbers) => new Set(numbers).size === numbers.length, 'Each child only once'),
  /** Every child is moved to this status along the normal transitions; one forbidden move fails the request. */
  childStatus: CaseStatusSchema.optional(),
  /** The children take the master's case type and category. */
  inheritCaseType: z.boolean().default(false),
});

export const relateCasesV1 = defineRpc({
  subject: 'case.rpc.relate.v1',
  request: RelateCasesRequestV1,
  response: CaseRelationsSchema,
  example: {
    masterNumber: '2026-000123',
    childNumbers: ['2026-000124', '2026-000130'],
    childStatus: 'open',
    inheritCaseType: true,
  },
  description:
    'Makes cases children of a master case (one level; a child moved from another master says so in its log). Answers the master’s relations.',
});

export const UnrelateCaseRequestV1 = z.object({
  masterNumber: CaseNumberSchema,
  childNumber: CaseNumberSchema,
});

export const unrelateCaseV1 = defineRpc({
  subject: 'case.rpc.unrelate.v1',
  request: UnrelateCaseRequestV1,
  response: CaseRelationsSchema,
  example: { masterNumber: '2026-000123', childNumber: '2026-000124' },
  description: 'Detaches a child from its master. Answers the master’s relations.',
});

export const getRelationsV1 = defineRpc({
  subject: 'case.rpc.get-relations.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: CaseRelationsSchema,
  example: { number: '2026-000123' },
  description: 'The master and the children of a case (number, title, status).',
});
