import type { CaseSla, CaseStatus, RegisterCaseRequestV1, Template } from '@arende/contracts';
import type { z } from 'zod';
import type { CaseRegistration } from './case.service.js';

type RegistrationStatus = NonNullable<z.output<typeof RegisterCaseRequestV1>['status']>;

/** A template's default status where a registration allows it (parked and reopened are not statuses to start in). */
const REGISTRATION_STATUSES: readonly CaseStatus[] = [
  'new',
  'open',
  'waiting_for_customer',
  'with_external',
  'resolved',
  'closed',
];

/** Left out is undefined; a null the caller gave is kept. */
function given<T, D>(value: T | undefined, fallback: D): T | D {
  return value === undefined ? fallback : value;
}

/** The template's SLA target as the case carries it; null when the template sets none of it. */
export function slaOf(template: Pick<Template, 'sla'>): CaseSla | null {
  const sla: CaseSla = {
    responseMinutes: template.sla.responseMinutes,
    resolutionHours: template.sla.resolutionHours,
    calendarId: template.sla.calendarId,
    feedbackHours: template.sla.feedbackHours,
    customerReminderDays: template.sla.customerReminderDays,
    closeUnansweredDays: template.sla.closeUnansweredDays,
    acknowledgeMinutes: template.sla.acknowledgeMinutes,
    customerContactMinutes: template.sla.customerContactMinutes,
  };
  return Object.values(sla).every((value) => value === null) ? null : sla;
}

/**
 * Fills every field the registration leaves out (undefined) from the template: case type, category, area,
 * org unit, service point, inbox, description, default status and priority, the SLA target, and the template
 * id itself. What the registration gives wins. The title stays the registration's (it is required, and an
 * inbound message's subject says more than the template's name).
 */
export function applyTemplate(
  input: CaseRegistration,
  template: Template,
  /** The contractor organisation of the template's inbox, when that inbox is an external party. */
  externalOrganisationId: string | null = null,
): CaseRegistration {
  const status = REGISTRATION_STATUSES.includes(template.defaultStatus)
    ? (template.defaultStatus as RegistrationStatus)
    : undefined;
  return {
    ...input,
    templateId: given(input.templateId, template.id),
    caseTypeId: given(input.caseTypeId, template.caseTypeId),
    categoryId: given(input.categoryId, template.categoryId),
    areaId: given(input.areaId, template.areaId),
    orgUnitId: given(input.orgUnitId, template.orgUnitId),
    servicePointId: given(input.servicePointId, template.servicePointId),
    inboxId: input.inboxId ?? template.inboxId ?? undefined,
    externalOrganisationId: given(input.externalOrganisationId, externalOrganisationId),
    description: given(input.description, template.description === '' ? undefined : template.description),
    status: input.status ?? status,
    priority: input.priority ?? template.defaultPriority,
    sla: given(input.sla, slaOf(template)),
  };
}
