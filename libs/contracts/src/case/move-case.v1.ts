import { z } from 'zod';
import { defineEvent, defineRpc } from '../message.js';
import { CaseNumberSchema, CaseViewSchema, RefIdSchema } from './case.schemas.js';

export const MoveCaseRequestV1 = z.object({
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  inboxId: RefIdSchema,
});

export const moveCaseV1 = defineRpc({
  subject: 'case.rpc.move.v1',
  request: MoveCaseRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', version: 3, inboxId: 'gatukontoret' },
  description:
    'Cut and paste: moves a case to another inbox without distributing it (no entry, no notification); only its handling officer may.',
});

export const caseMovedV1 = defineEvent({
  subject: 'case.evt.moved.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    version: z.number().int().positive(),
    fromInboxId: RefIdSchema,
    toInboxId: RefIdSchema,
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    version: 4,
    fromInboxId: 'kundtjanst',
    toInboxId: 'gatukontoret',
  },
  description:
    'A case was moved to another inbox by cut and paste (not a distribution); its acknowledgement and customer-contact marks are cleared, so the new inbox acknowledges again.',
});
