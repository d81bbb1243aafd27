import {
  type CustomerFields,
  DomainError,
  type FieldIssue,
  IDENTIFYING_CUSTOMER_FIELDS,
  type PropertyDesignation,
} from '@arende/contracts';
import {
  OrganisationNumberError,
  PersonalIdentityNumberError,
  PhoneNumberError,
  parseOrganisationNumber,
  parsePersonalIdentityNumber,
  phoneNumberSearchKey,
} from '@arende/domain';
import type { CustomerContent, CustomerField, CustomerSearchKeys } from '../repositories/customer.row.js';
import { emailKey, foldName } from './customer-search.js';

interface Issue extends FieldIssue {
  reason?: string;
}

const PHONE_FIELDS = ['homePhone', 'mobilePhone', 'workPhone'] as const;

/** A card with every field empty. */
export const EMPTY_CUSTOMER: CustomerContent = {
  type: 'private_person',
  anonymous: false,
  firstName: null,
  lastName: null,
  companyName: null,
  organisationNumber: null,
  careOf: null,
  streetAddress: null,
  postcode: null,
  city: null,
  country: null,
  personalIdentityNumber: null,
  homePhone: null,
  mobilePhone: null,
  workPhone: null,
  email: null,
  otherEmail: null,
  propertyDesignation: null,
};

function invalid(issues: Issue[]): DomainError {
  return new DomainError('REQUEST.INVALID', 'The request is not valid', { fields: issues });
}

function pathOf(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/** The personnummer as 12 digits, or REQUEST.INVALID at `path` with the reason (never the number). */
export function normalizePersonalIdentityNumber(text: string, path: string): string {
  try {
    return parsePersonalIdentityNumber(text).normalized;
  } catch (error) {
    if (!(error instanceof PersonalIdentityNumberError)) throw error;
    throw invalid([{ path, message: error.message, reason: error.reason }]);
  }
}

/** The phone number's matching key, or REQUEST.INVALID at `path`. */
export function phoneKey(text: string, path: string): string {
  try {
    return phoneNumberSearchKey(text);
  } catch (error) {
    if (!(error instanceof PhoneNumberError)) throw error;
    throw invalid([{ path, message: error.message, reason: error.reason }]);
  }
}

/**
 * Checks and normalizes the numbers among the given fields: the personnummer to 12 digits, the
 * organisation number to NNNNNN-NNNN; phone numbers are kept as typed but must give a key.
 * Every bad field is reported at once, at `<prefix>.<field>`.
 */
export function normalizeFields(fields: Partial<CustomerFields>, prefix: string): Partial<CustomerContent> {
  const issues: Issue[] = [];
  const out: Partial<CustomerContent> = { ...fields };
  const pin = fields.personalIdentityNumber;
  if (pin) {
    try {
      out.personalIdentityNumber = parsePersonalIdentityNumber(pin).normalized;
    } catch (error) {
      if (!(error instanceof PersonalIdentityNumberError)) throw error;
      issues.push({ path: pathOf(prefix, 'personalIdentityNumber'), message: error.message, reason: error.reason });
    }
  }
  const org = fields.organisationNumber;
  if (org) {
    try {
      out.organisationNumber = parseOrganisationNumber(org).formatted;
    } catch (error) {
      if (!(error instanceof OrganisationNumberError)) throw error;
      issues.push({ path: pathOf(prefix, 'organisationNumber'), message: error.message, reason: error.reason });
    }
  }
  for (const field of PHONE_FIELDS) {
    const phone = fields[field];
    if (!phone) continue;
    try {
      phoneNumberSearchKey(phone);
    } catch (error) {
      if (!(error instanceof PhoneNumberError)) throw error;
      issues.push({ path: pathOf(prefix, field), message: error.message, reason: error.reason });
    }
  }
  if (issues.length > 0) throw invalid(issues);
  return out;
}

/** An anonymous card has no identifying fields: each one still set is reported at `<prefix>.<field>`. */
export function assertAnonymity(content: CustomerContent, prefix: string): void {
  if (!content.anonymous) return;
  const issues = IDENTIFYING_CUSTOMER_FIELDS.filter((field) => content[field] !== null).map((field) => ({
    path: pathOf(prefix, field),
    message: 'An anonymous customer has no identifying fields: leave this empty',
  }));
  if (issues.length > 0) throw invalid(issues);
}

/** The keys a search matches on, derived from the card's content. */
export function searchKeys(content: CustomerContent): CustomerSearchKeys {
  const name = [content.firstName, content.lastName, content.companyName].filter((n) => n !== null).join(' ');
  const phones = PHONE_FIELDS.map((field) => content[field])
    .filter((p) => p !== null)
    .map((p) => phoneNumberSearchKey(p));
  const emails = [content.email, content.otherEmail].filter((e) => e !== null).map(emailKey);
  return { searchName: foldName(name), searchPhones: [...new Set(phones)], searchEmails: [...new Set(emails)] };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const x = a as PropertyDesignation;
  const y = b as PropertyDesignation;
  return x.tract === y.tract && x.block === y.block && x.unit === y.unit;
}

/** Field by field, what differs between two versions of a card. */
export function diffContent(
  before: CustomerContent,
  after: CustomerContent,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(EMPTY_CUSTOMER) as CustomerField[]) {
    if (!sameValue(before[field], after[field])) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}
