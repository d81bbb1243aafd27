import { type CaseView, customerLinkedV1 } from '@arende/contracts';
import { createEnvelope } from '@arende/messaging';
import type { RegistrationLink } from '../repositories/case.repository.js';
import type { RequestContext } from './case.service.js';

/**
 * The link of a customer card made while registering a case: its customer-linked event carries the
 * placeholder number of the view, which the registering statement replaces with the real one.
 */
export function registrationLink(view: CaseView, customerId: string, ctx: RequestContext): RegistrationLink {
  return {
    customerId,
    event: createEnvelope(customerLinkedV1, { caseId: view.id, number: view.number, customerId }, ctx),
  };
}
