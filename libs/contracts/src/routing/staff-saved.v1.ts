import { defineEvent } from '../message.js';
import { StaffPersonSchema, exampleStaffPerson } from './staff.schemas.js';

export const staffSavedV1 = defineEvent({
  subject: 'routing.evt.staff-saved.v1',
  data: StaffPersonSchema,
  example: exampleStaffPerson,
  description: 'A person of the staff directory was created or changed (their full new state).',
});
