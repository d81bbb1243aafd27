import type { CustomerType, CustomerView } from '@arende/contracts';

/** A row of the customer table as PostgreSQL returns it to `query()`. */
export interface CustomerRow {
  id: string;
  version: number;
  type: string;
  anonymous: boolean;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  organisation_number: string | null;
  care_of: string | null;
  street_address: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  personal_identity_number: string | null;
  home_phone: string | null;
  mobile_phone: string | null;
  work_phone: string | null;
  email: string | null;
  other_email: string | null;
  property_tract: string | null;
  property_block: string | null;
  property_unit: string | null;
  search_name: string;
  search_phones: string[];
  search_emails: string[];
  created_at: Date;
  updated_at: Date;
  created_by: string;
}

/** The card's content: what an agent sets, without id, version and times. */
export type CustomerContent = Omit<CustomerView, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type CustomerField = keyof CustomerContent;

/** Columns written from a card's content plus its search keys. */
export interface CustomerSearchKeys {
  searchName: string;
  searchPhones: string[];
  searchEmails: string[];
}

export function toCustomerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    version: row.version,
    type: row.type as CustomerType,
    anonymous: row.anonymous,
    firstName: row.first_name,
    lastName: row.last_name,
    companyName: row.company_name,
    organisationNumber: row.organisation_number,
    careOf: row.care_of,
    streetAddress: row.street_address,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    personalIdentityNumber: row.personal_identity_number,
    homePhone: row.home_phone,
    mobilePhone: row.mobile_phone,
    workPhone: row.work_phone,
    email: row.email,
    otherEmail: row.other_email,
    propertyDesignation:
      row.property_tract === null || row.property_unit === null
        ? null
        : { tract: row.property_tract, block: row.property_block, unit: row.property_unit },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The columns of a card's content and search keys, by column name. */
export function customerColumns(content: CustomerContent, keys: CustomerSearchKeys): Record<string, unknown> {
  return {
    type: content.type,
    anonymous: content.anonymous,
    first_name: content.firstName,
    last_name: content.lastName,
    company_name: content.companyName,
    organisation_number: content.organisationNumber,
    care_of: content.careOf,
    street_address: content.streetAddress,
    postcode: content.postcode,
    city: content.city,
    country: content.country,
    personal_identity_number: content.personalIdentityNumber,
    home_phone: content.homePhone,
    mobile_phone: content.mobilePhone,
    work_phone: content.workPhone,
    email: content.email,
    other_email: content.otherEmail,
    property_tract: content.propertyDesignation?.tract ?? null,
    property_block: content.propertyDesignation?.block ?? null,
    property_unit: content.propertyDesignation?.unit ?? null,
    search_name: keys.searchName,
    search_phones: keys.searchPhones,
    search_emails: keys.searchEmails,
  };
}
