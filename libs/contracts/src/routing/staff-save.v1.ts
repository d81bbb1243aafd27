import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { StaffFieldsSchema, StaffPersonSchema, exampleStaffPerson } from './staff.schemas.js';

export const saveStaffV1 = defineRpc({
  subject: 'routing.rpc.staff-save.v1',
  request: StaffFieldsSchema.extend({
    /** Absent on create: one is made. Kept across changes. */
    id: RefIdSchema.optional(),
    /** Absent: create. Present: the version the change is based on. */
    version: z.number().int().positive().optional(),
  }),
  response: StaffPersonSchema,
  example: {
    name: exampleStaffPerson.name,
    title: exampleStaffPerson.title,
    departmentId: exampleStaffPerson.departmentId,
    unitId: exampleStaffPerson.unitId,
    phone: exampleStaffPerson.phone,
    email: exampleStaffPerson.email,
    skills: exampleStaffPerson.skills,
    inboxIds: exampleStaffPerson.inboxIds,
    userName: exampleStaffPerson.userName,
  },
  description:
    'Creates or changes a person of the staff directory (administrators); the department and unit must be org units, the unit under the department.',
});
