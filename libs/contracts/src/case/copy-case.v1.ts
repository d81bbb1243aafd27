import { z } from 'zod';
import { defineEvent, defineRpc } from '../message.js';
import { CaseNumberSchema, CaseViewSchema } from './case.schemas.js';

export const CopyCaseRequestV1 = z.object({
  number: CaseNumberSchema,
  /** Also copy the source's entries (handlingar) onto the new case. */
  withEntries: z.boolean().default(false),
});

export const copyCaseV1 = defineRpc({
  subject: 'case.rpc.copy.v1',
  request: CopyCaseRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', withEntries: false },
  description:
    'Registers a new case (new number, status new) with the fields of another; no handling officer, lock or history. Answers the new case.',
});

export const caseCopiedV1 = defineEvent({
  subject: 'case.evt.copied.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    sourceCaseId: z.uuid(),
    sourceNumber: CaseNumberSchema,
    entriesCopied: z.number().int().nonnegative(),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e70',
    number: '2026-000124',
    sourceCaseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    sourceNumber: '2026-000123',
    entriesCopied: 0,
  },
  description: 'A case was registered as a copy of another (published after its case.evt.registered.v1).',
});
