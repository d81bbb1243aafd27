import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, CaseViewSchema } from './case.schemas.js';

export const lockCaseV1 = defineRpc({
  subject: 'case.rpc.lock.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: CaseViewSchema,
  example: { number: '2026-000123' },
  description: 'Locks a case to the caller; others get CASE.LOCKED with the holder until it is unlocked.',
});

export const unlockCaseV1 = defineRpc({
  subject: 'case.rpc.unlock.v1',
  request: z.object({
    number: CaseNumberSchema,
    /** A supervisor may force open a lock somebody else holds. */
    force: z.boolean().default(false),
  }),
  response: CaseViewSchema,
  example: { number: '2026-000123', force: false },
  description: 'Releases the lock on a case (the holder, or a supervisor with force).',
});
