export {
  CASE_NUMBER_MAX_SEQUENCE,
  CASE_NUMBER_MAX_YEAR,
  CASE_NUMBER_MIN_YEAR,
  CaseNumberError,
  findCaseNumberInText,
  formatCaseNumber,
  isCaseNumber,
  parseCaseNumber,
} from './case-number.js';
export type { CaseNumberErrorReason, CaseNumberParts } from './case-number.js';
export {
  MASKED_INVALID_PERSONAL_IDENTITY_NUMBER,
  PersonalIdentityNumberError,
  isValidPersonalIdentityNumber,
  maskPersonalIdentityNumber,
  parsePersonalIdentityNumber,
} from './personal-identity-number.js';
export type {
  PersonalIdentityNumber,
  PersonalIdentityNumberErrorReason,
  PersonalIdentityNumberKind,
  PersonalIdentityNumberOptions,
} from './personal-identity-number.js';
export { OrganisationNumberError, isValidOrganisationNumber, parseOrganisationNumber } from './organisation-number.js';
export type { OrganisationNumber, OrganisationNumberErrorReason } from './organisation-number.js';
export { PhoneNumberError, phoneNumberSearchKey } from './phone-number.js';
export type { PhoneNumberErrorReason } from './phone-number.js';
