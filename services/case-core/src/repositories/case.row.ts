import type { CaseLocation, CasePriority, CaseSla, CaseStatus, CaseView } from '@arende/contracts';

/** A row of the case table as PostgreSQL returns it to `query()`. */
export interface CaseRow {
  id: string;
  number: string;
  version: number;
  title: string;
  description: string;
  status: string;
  parked_until: Date | null;
  priority: string;
  priority_rank: number;
  channel: string;
  case_type_id: string | null;
  category_id: string | null;
  area_id: string | null;
  org_unit_id: string | null;
  service_point_id: string | null;
  template_id: string | null;
  inbox_id: string;
  external_organisation_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  customer_wants_answer: boolean;
  customer_answered: boolean;
  secret: boolean;
  secrecy_paragraph: string | null;
  personal_data: boolean;
  event_at: Date | null;
  registered_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  customer_replied_at: Date | null;
  handling_seconds: number;
  lock_holder_id: string | null;
  lock_holder_name: string | null;
  locked_at: Date | null;
  parent_case_id: string | null;
  registered_by: string;
  feedback_return_inbox_id: string | null;
  sla: CaseSla | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  customer_contacted_at: Date | null;
  customer_contacted_by: string | null;
  location: CaseLocation | null;
}

export const PRIORITY_RANK: Readonly<Record<CasePriority, number>> = { urgent: 0, prioritised: 1, normal: 2 };

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toCaseView(row: CaseRow): CaseView {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    title: row.title,
    description: row.description,
    status: row.status as CaseStatus,
    parkedUntil: iso(row.parked_until),
    priority: row.priority as CasePriority,
    channel: row.channel as CaseView['channel'],
    caseTypeId: row.case_type_id,
    categoryId: row.category_id,
    areaId: row.area_id,
    orgUnitId: row.org_unit_id,
    servicePointId: row.service_point_id,
    templateId: row.template_id,
    externalOrganisationId: row.external_organisation_id,
    inboxId: row.inbox_id,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    customerWantsAnswer: row.customer_wants_answer,
    customerAnswered: row.customer_answered,
    secret: row.secret,
    secrecyParagraph: row.secrecy_paragraph,
    personalData: row.personal_data,
    eventAt: iso(row.event_at),
    parentCaseId: row.parent_case_id,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: iso(row.closed_at),
    customerRepliedAt: iso(row.customer_replied_at),
    handlingSeconds: row.handling_seconds,
    lock:
      row.lock_holder_id === null || row.locked_at === null
        ? null
        : { holderId: row.lock_holder_id, holderName: row.lock_holder_name, since: row.locked_at.toISOString() },
    feedbackReturnInboxId: row.feedback_return_inbox_id,
    sla: row.sla,
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    customerContactedAt: iso(row.customer_contacted_at),
    customerContactedBy: row.customer_contacted_by,
    location: row.location,
  };
}

/** Case fields in the API and their columns: one table for updates, diffs and the event log. */
export const FIELD_COLUMNS = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  channel: 'channel',
  caseTypeId: 'case_type_id',
  categoryId: 'category_id',
  areaId: 'area_id',
  orgUnitId: 'org_unit_id',
  servicePointId: 'service_point_id',
  templateId: 'template_id',
  externalOrganisationId: 'external_organisation_id',
  customerWantsAnswer: 'customer_wants_answer',
  customerAnswered: 'customer_answered',
  secret: 'secret',
  secrecyParagraph: 'secrecy_paragraph',
  personalData: 'personal_data',
  eventAt: 'event_at',
  location: 'location',
} as const satisfies Record<string, keyof CaseRow>;

export type UpdatableField = keyof typeof FIELD_COLUMNS;
