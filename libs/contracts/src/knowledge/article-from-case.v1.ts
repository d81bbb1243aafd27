import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, RefIdSchema } from '../case/case.schemas.js';
import { ArticleViewSchema } from './knowledge.schemas.js';

export const ArticleFromCaseRequestV1 = z.object({
  number: CaseNumberSchema,
  /** The customer's question, as the case put it. */
  question: z.string().trim().min(1).max(10_000),
  /** The answer that solved it. */
  answer: z.string().trim().min(1).max(50_000),
  title: z.string().trim().min(1).max(200).optional(),
  caseTypeId: RefIdSchema.optional(),
});

export const articleFromCaseV1 = defineRpc({
  subject: 'knowledge.rpc.article-from-case.v1',
  request: ArticleFromCaseRequestV1,
  response: ArticleViewSchema,
  example: {
    number: '2026-000123',
    question: 'Behöver jag bygglov för en altan?',
    answer: 'Inte om den är lägre än 1,8 meter och minst 4,5 meter från tomtgränsen.',
    caseTypeId: 'bygglov',
  },
  description:
    'One step from a case to a draft call script: the question and answer become its body, linked to the case type.',
});
