import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseFieldsSchema, CaseStatusSchema, CaseViewSchema, RefIdSchema } from './case.schemas.js';

export const RegisterCaseRequestV1 = CaseFieldsSchema.partial()
  .required({ title: true })
  .extend({
    /** Default: the template's default status (with a templateId), else new. */
    status: CaseStatusSchema.extract([
      'new',
      'open',
      'waiting_for_customer',
      'with_external',
      'resolved',
      'closed',
    ]).optional(),
    inboxId: RefIdSchema.optional(),
    customerId: z.uuid().optional(),
  });

export const registerCaseV1 = defineRpc({
  subject: 'case.rpc.register.v1',
  request: RegisterCaseRequestV1,
  response: CaseViewSchema,
  example: { title: 'Fråga om bygglov för altan', channel: 'phone', caseTypeId: 'bygglov' },
  description:
    'Registers a new case and gives it the next case number of the year; with a templateId, every field left out ' +
    'is taken from the template (type, category, area, org unit, service point, inbox, description, status, priority, SLA).',
});
