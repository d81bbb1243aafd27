import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema, CaseStatusSchema, TimestampSchema } from './case.schemas.js';

export const CaseStatusChangeSchema = z.object({
  caseId: z.uuid(),
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  from: CaseStatusSchema,
  to: CaseStatusSchema,
  parkedUntil: TimestampSchema.nullable(),
  reason: z.string().nullable(),
  inboxId: z.string(),
  assigneeId: z.string().nullable(),
});

const example = {
  caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
  number: '2026-000123',
  version: 3,
  from: 'open',
  to: 'closed',
  parkedUntil: null,
  reason: null,
  inboxId: 'kundtjanst',
  assigneeId: 'anna.agent',
} as const;

export const caseStatusChangedV1 = defineEvent({
  subject: 'case.evt.status-changed.v1',
  data: CaseStatusChangeSchema,
  example,
  description: 'A case moved from one status to another (every transition, closing and reopening included).',
});

export const caseClosedV1 = defineEvent({
  subject: 'case.evt.closed.v1',
  data: CaseStatusChangeSchema,
  example,
  description: 'A case was closed; published beside status-changed for consumers that only care about closing.',
});

export const caseReopenedV1 = defineEvent({
  subject: 'case.evt.reopened.v1',
  data: CaseStatusChangeSchema,
  example: { ...example, from: 'closed', to: 'reopened', version: 4 },
  description: 'A resolved or closed case was reopened.',
});
