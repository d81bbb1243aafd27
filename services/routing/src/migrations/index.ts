import { CreateRouting1764200000000 } from './1764200000000-create-routing.js';
import { CreateStaffDirectory1764600000000 } from './1764600000000-create-staff-directory.js';
import { CreateInbox1764800000000 } from './1764800000000-create-inbox.js';
import { IndexStaffPrefixProbes1765000000000 } from './1765000000000-index-staff-prefix-probes.js';
import { AddInboxFollowUpLimits1765300000000 } from './1765300000000-add-inbox-follow-up-limits.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [
  CreateRouting1764200000000,
  CreateStaffDirectory1764600000000,
  CreateInbox1764800000000,
  IndexStaffPrefixProbes1765000000000,
  AddInboxFollowUpLimits1765300000000,
];
