import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseViewSchema, RefIdSchema } from './case.schemas.js';

export const PickNextRequestV1 = z.object({ inboxId: RefIdSchema });

export const pickNextV1 = defineRpc({
  subject: 'case.rpc.pick-next.v1',
  request: PickNextRequestV1,
  response: z.object({ case: CaseViewSchema.nullable() }),
  example: { inboxId: 'kundtjanst' },
  description:
    'Assigns the caller the next case of an inbox (unassigned, not resolved, closed or parked; urgent, prioritised, normal, then oldest); null when there is none. Two callers never get the same case.',
});
