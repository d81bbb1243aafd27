import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { DirectoryHitSchema } from './staff.schemas.js';

export const getStaffV1 = defineRpc({
  subject: 'routing.rpc.staff-get.v1',
  request: z.object({ id: RefIdSchema }),
  response: DirectoryHitSchema.omit({ matched: true }),
  example: { id: '019ad3f0-6c1e-7a55-8f00-3c2b1a9e4d10' },
  description: 'One person of the staff directory with the names of their department and unit (inactive ones too).',
});

export const getStaffByUserNameV1 = defineRpc({
  subject: 'routing.rpc.staff-get-by-user-name.v1',
  request: z.object({ userName: z.string().trim().min(1).max(200) }),
  response: DirectoryHitSchema.omit({ matched: true }),
  example: { userName: 'karin' },
  description:
    "The person of the staff directory with this login (the token's preferred_username, a case's assigneeId), inactive ones too; ROUTING.NOT_FOUND when nobody has it.",
});
