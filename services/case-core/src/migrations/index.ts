import { CreateCase1763900000000 } from './1763900000000-create-case.js';
import { CreateCustomer1763900100000 } from './1763900100000-create-customer.js';
import { CreateEntry1763900200000 } from './1763900200000-create-entry.js';
import { CreateFavourite1763900300000 } from './1763900300000-create-favourite.js';
import { Access1763900400000 } from './1763900400000-access.js';
import { IntakeThreading1763900500000 } from './1763900500000-intake-threading.js';
import { Distribution1763900700000 } from './1763900700000-distribution.js';
import { TemplatesAndReferrals1764300000000 } from './1764300000000-templates-and-referrals.js';
import { FollowUpMarks1764400000000 } from './1764400000000-follow-up-marks.js';
import { InboxSorts1764500000000 } from './1764500000000-inbox-sorts.js';
import { CaseLocation1764600000000 } from './1764600000000-case-location.js';
import { SavedSearch1764700000000 } from './1764700000000-saved-search.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [
  CreateCase1763900000000,
  CreateCustomer1763900100000,
  CreateEntry1763900200000,
  CreateFavourite1763900300000,
  Access1763900400000,
  IntakeThreading1763900500000,
  Distribution1763900700000,
  TemplatesAndReferrals1764300000000,
  FollowUpMarks1764400000000,
  InboxSorts1764500000000,
  CaseLocation1764600000000,
  SavedSearch1764700000000,
];
