import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema } from './case.schemas.js';
import {
  ENTRY_ATTACHMENTS_MAX,
  ENTRY_HTML_MAX,
  ENTRY_TEXT_MAX,
  EntryAttachmentSchema,
  EntryKindSchema,
  EntryViewSchema,
  EntryVisibilitySchema,
} from './entry.schemas.js';

/**
 * Adds an entry to a case. Rules checked by case-core (400 with the field path): text, html or an attachment
 * must be given; `from` goes with (and only with) kinds arriving from outside the city; a visibility that
 * contradicts the kind is refused. The author is the caller, except for entries from outside (no author).
 */
export const AddEntryRequestV1 = z.object({
  number: CaseNumberSchema,
  kind: EntryKindSchema,
  /** Plain text; derived from `html` when left out. */
  text: z.string().max(ENTRY_TEXT_MAX).optional(),
  /** HTML as it arrived (an e-mail body); sanitised by case-core before it is stored. */
  html: z.string().max(ENTRY_HTML_MAX).optional(),
  /** Default: the kind's visibility (see ENTRY_KIND_RULES). */
  visibility: EntryVisibilitySchema.optional(),
  /** Sender's e-mail address, phone number or handle, for inbound entries and referral answers. */
  from: z.string().trim().min(1).max(320).optional(),
  attachments: z.array(EntryAttachmentSchema).max(ENTRY_ATTACHMENTS_MAX).default([]),
  /**
   * The Message-ID of the e-mail this entry is (an outbound reply, or an inbound mail delivered by hand): a
   * later mail whose In-Reply-To or References names it threads onto this case.
   */
  messageId: z
    .string()
    .trim()
    .regex(/^<[^<>\s]+>$/, 'A Message-ID looks like <id@host>')
    .max(998)
    .optional(),
});

export const addEntryV1 = defineRpc({
  subject: 'case.rpc.add-entry.v1',
  request: AddEntryRequestV1,
  response: EntryViewSchema,
  example: {
    number: '2026-000123',
    kind: 'phone_note',
    text: 'Ringde kunden, snöröjningen är beställd till i morgon förmiddag.',
  },
  description:
    'Adds an entry (handling) to a case timeline; does not change the case version. Refused on a case locked by ' +
    'someone else or closed, except for entries arriving from outside (inbound, referral answers, system events).',
});
