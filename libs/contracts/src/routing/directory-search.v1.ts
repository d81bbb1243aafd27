import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { DirectoryHitSchema } from './staff.schemas.js';

export const searchDirectoryV1 = defineRpc({
  subject: 'routing.rpc.directory-search.v1',
  request: z.object({
    /** As typed: every word must begin a word of the name, title, a skill, the department or the unit; the last may be cut off. */
    q: z.string().trim().min(1).max(100),
    limit: z.number().int().min(1).max(50).default(20),
    /** Only people who serve this inbox. */
    inboxId: RefIdSchema.optional(),
    /** Only people of this department. */
    departmentId: RefIdSchema.optional(),
  }),
  response: z.object({ items: z.array(DirectoryHitSchema) }),
  example: { q: 'karin bygg', limit: 20 },
  description:
    'The staff directory as you type: active people with every query word beginning a word of their name, title, skills, department or unit; name matches first, an exact name first of all, then shorter names, then by name.',
});
