import { CaseEntity } from './case.entity.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CustomerEntity } from './customer.entity.js';
import { CaseCustomerEntity } from './case-customer.entity.js';
import { FavouriteEntity } from './favourite.entity.js';
import { SavedSearchEntity } from './saved-search.entity.js';
import { EntryEntity } from './entry.entity.js';
import { SecretReadAuditEntity } from './secret-read-audit.entity.js';
import { CaseThreadKeyEntity } from './case-thread-key.entity.js';
import { ReferralAnswerEntity, ReferralEntity } from './referral.entity.js';

export const ENTITIES = [
  CaseEntity,
  CaseEventEntity,
  CustomerEntity,
  CaseCustomerEntity,
  FavouriteEntity,
  SavedSearchEntity,
  EntryEntity,
  SecretReadAuditEntity,
  CaseThreadKeyEntity,
  ReferralEntity,
  ReferralAnswerEntity,
];
export {
  CaseEntity,
  CaseEventEntity,
  CustomerEntity,
  CaseCustomerEntity,
  FavouriteEntity,
  SavedSearchEntity,
  EntryEntity,
  SecretReadAuditEntity,
  CaseThreadKeyEntity,
  ReferralEntity,
  ReferralAnswerEntity,
};
