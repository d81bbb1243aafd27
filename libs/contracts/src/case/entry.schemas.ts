import { z } from 'zod';
import { CaseNumberSchema, TimestampSchema } from './case.schemas.js';

/** Wire names of entry kinds (handlingar): do not change without a migration plan. */
export const ENTRY_KINDS = [
  'inbound_email',
  'inbound_sms',
  'inbound_social',
  'inbound_web',
  'outbound_email',
  'outbound_sms',
  'phone_note',
  'memo',
  'internal_note',
  'official_note',
  'distribution',
  'referral',
  'referral_answer',
  'system_event',
] as const;
export const EntryKindSchema = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKindSchema>;

export const ENTRY_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const EntryDirectionSchema = z.enum(ENTRY_DIRECTIONS);
export type EntryDirection = z.infer<typeof EntryDirectionSchema>;

/** `staff`: only staff see the entry; `customer`: the customer may see it too (e-services, copies). */
export const ENTRY_VISIBILITIES = ['staff', 'customer'] as const;
export const EntryVisibilitySchema = z.enum(ENTRY_VISIBILITIES);
export type EntryVisibility = z.infer<typeof EntryVisibilitySchema>;

export interface EntryKindRule {
  direction: EntryDirection;
  /** The only visibility the kind may have, or null when the writer chooses (then `defaultVisibility`). */
  fixedVisibility: EntryVisibility | null;
  defaultVisibility: EntryVisibility;
  /** Arrives from outside (the customer, a referral body, the platform): no author, not refused on a closed or locked case. */
  external: boolean;
}

const inbound: EntryKindRule = {
  direction: 'inbound',
  fixedVisibility: 'customer',
  defaultVisibility: 'customer',
  external: true,
};
const outbound: EntryKindRule = {
  direction: 'outbound',
  fixedVisibility: 'customer',
  defaultVisibility: 'customer',
  external: false,
};
const staffOnly: EntryKindRule = {
  direction: 'internal',
  fixedVisibility: 'staff',
  defaultVisibility: 'staff',
  external: false,
};

/**
 * What each kind of entry is. Memos (intern anteckning) are staff-only and removed when the case closes;
 * internal notes (intern tjänsteanteckning) are staff-only and stay; official notes (tjänsteanteckning)
 * are visible to the customer and stay.
 */
export const ENTRY_KIND_RULES: Readonly<Record<EntryKind, EntryKindRule>> = {
  inbound_email: inbound,
  inbound_sms: inbound,
  inbound_social: inbound,
  inbound_web: inbound,
  outbound_email: outbound,
  outbound_sms: outbound,
  phone_note: {
    direction: 'internal',
    fixedVisibility: null,
    defaultVisibility: 'staff',
    external: false,
  },
  memo: staffOnly,
  internal_note: staffOnly,
  official_note: { ...staffOnly, fixedVisibility: 'customer', defaultVisibility: 'customer' },
  distribution: { ...outbound, fixedVisibility: null, defaultVisibility: 'staff' },
  referral: { ...outbound, fixedVisibility: null, defaultVisibility: 'staff' },
  referral_answer: { ...inbound, fixedVisibility: null, defaultVisibility: 'staff' },
  system_event: { ...staffOnly, fixedVisibility: null, external: true },
};

/**
 * The kinds an agent may add through the HTTP API; the others come from intake, notifications and routing
 * over `case.rpc.add-entry.v1`.
 */
export const STAFF_WRITABLE_ENTRY_KINDS = ['phone_note', 'memo', 'internal_note', 'official_note'] as const;
export const StaffEntryKindSchema = EntryKindSchema.extract(STAFF_WRITABLE_ENTRY_KINDS);

/**
 * An answer to the customer, which marks the case's customer contacted (återkopplat): an e-mail or SMS to
 * them, or a phone note they may see (a call with them, written for their eyes). Distributions and referrals
 * go to third parties; notes are not contact.
 */
export function isCustomerContact(kind: EntryKind, visibility: EntryVisibility): boolean {
  return visibility === 'customer' && (kind === 'outbound_email' || kind === 'outbound_sms' || kind === 'phone_note');
}

/** Kinds removed from a case when it closes. */
export const ENTRY_KINDS_REMOVED_ON_CLOSE: readonly EntryKind[] = ['memo'];

// Limits: a long e-mail thread fits; anything bigger is an attachment, not an entry body.
export const ENTRY_TEXT_MAX = 100_000;
export const ENTRY_HTML_MAX = 500_000;
export const ENTRY_ATTACHMENTS_MAX = 50;

/** Metadata of a file attached to an entry; the file itself lives in object storage. */
export const EntryAttachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string().trim().min(1).max(255),
  contentType: z
    .string()
    .max(255)
    .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;.*)?$/, 'A MIME type'),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  storageKey: z.string().min(1).max(1000).optional(),
});
export type EntryAttachment = z.infer<typeof EntryAttachmentSchema>;

export const EntryAuthorSchema = z.object({ id: z.string(), name: z.string().nullable() });

/** An entry (handling) on a case's timeline. */
export const EntryViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: CaseNumberSchema,
  kind: EntryKindSchema,
  direction: EntryDirectionSchema,
  /** Null for entries that arrive from outside; then `from` says who sent it. */
  author: EntryAuthorSchema.nullable(),
  /** Sender's address or number for entries from outside; null otherwise. */
  from: z.string().nullable(),
  text: z.string(),
  /** Sanitised HTML, when the entry came as HTML. */
  html: z.string().nullable(),
  attachments: z.array(EntryAttachmentSchema),
  visibility: EntryVisibilitySchema,
  createdAt: TimestampSchema,
});
export type EntryView = z.infer<typeof EntryViewSchema>;

export const exampleEntry: EntryView = {
  id: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
  caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
  caseNumber: '2026-000123',
  kind: 'phone_note',
  direction: 'internal',
  author: { id: 'anna.agent', name: 'Anna Andersson' },
  from: null,
  text: 'Ringde kunden, snöröjningen är beställd till i morgon förmiddag.',
  html: null,
  attachments: [],
  visibility: 'staff',
  createdAt: '2026-11-23T09:02:00.000Z',
};
