import { z } from 'zod';
import { RefIdSchema, TimestampSchema } from '../case/case.schemas.js';
import { defineEvent, defineRpc } from '../message.js';

/** Wire names: do not change without a migration plan. */
export const INBOX_KINDS = ['work_group', 'specialist_group', 'external_party', 'personal'] as const;
export const InboxKindSchema = z.enum(INBOX_KINDS);
export type InboxKind = z.infer<typeof InboxKindSchema>;

/**
 * How cases in an inbox get their handler: `dispatcher` (a dispatcher — supervisor or admin — hands them out),
 * `pick_next` (an agent takes the next case in inbox order: urgent, prioritised, normal, then oldest),
 * `pick_own` (an agent takes any case; it is then locked to them).
 */
export const ASSIGNMENT_MODES = ['dispatcher', 'pick_next', 'pick_own'] as const;
export const AssignmentModeSchema = z.enum(ASSIGNMENT_MODES);
export type AssignmentMode = z.infer<typeof AssignmentModeSchema>;

const text = (max: number) => z.string().trim().max(max);

/** The fields an administrator sets on an inbox. */
export const InboxFieldsSchema = z.object({
  name: text(200).min(1),
  kind: InboxKindSchema,
  assignmentMode: AssignmentModeSchema.default('pick_own'),
  /** Identity group whose members serve the inbox (Keycloak group path, `/inbox/<id>`). */
  group: z
    .string()
    .regex(/^\/inbox\/[A-Za-z0-9_.:-]+$/, 'A group path like /inbox/kundtjanst')
    .max(200),
  orgUnitId: RefIdSchema.nullable().default(null),
  servicePointId: RefIdSchema.nullable().default(null),
  /** External parties only: the contractor organisation whose contractors see the inbox's cases. */
  externalOrganisationId: RefIdSchema.nullable().default(null),
  /** Personal inboxes only: the user they belong to. */
  ownerId: z.string().min(1).max(200).nullable().default(null),
  /** Where the inbox is told of new cases (a shared mailbox of the group or the contractor). */
  email: z.email().max(320).nullable().default(null),
  /** Business minutes a case sent here has to be acknowledged (kvitteras); null: the platform's limit. */
  acknowledgeMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  /** Business minutes a case sent here has to have its customer contacted; null: the platform's limit. */
  customerContactMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  active: z.boolean().default(true),
});
export type InboxFields = z.infer<typeof InboxFieldsSchema>;

export const InboxSchema = InboxFieldsSchema.extend({
  id: RefIdSchema,
  version: z.number().int().positive(),
  updatedAt: TimestampSchema,
});
export type Inbox = z.infer<typeof InboxSchema>;

export const exampleInbox: Inbox = {
  id: 'snorojning-ab',
  name: 'Snöröjning (entreprenör)',
  kind: 'external_party',
  assignmentMode: 'pick_own',
  group: '/inbox/snorojning-ab',
  orgUnitId: 'stadsbyggnad',
  servicePointId: 'kundtjanst',
  externalOrganisationId: 'snorojning-ab',
  ownerId: null,
  email: 'arbetsorder@snorojning-ab.example',
  acknowledgeMinutes: 120,
  customerContactMinutes: 240,
  active: true,
  version: 1,
  updatedAt: '2026-11-23T09:00:00.000Z',
};

export const saveInboxV1 = defineRpc({
  subject: 'routing.rpc.inbox-save.v1',
  request: InboxFieldsSchema.extend({
    /** Absent on create: one is made. Kept across renames. */
    id: RefIdSchema.optional(),
    /** Absent: create. Present: the version the change is based on. */
    version: z.number().int().positive().optional(),
  }),
  response: InboxSchema,
  example: {
    id: 'snorojning-ab',
    name: 'Snöröjning (entreprenör)',
    kind: 'external_party',
    assignmentMode: 'pick_own',
    group: '/inbox/snorojning-ab',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    externalOrganisationId: 'snorojning-ab',
    ownerId: null,
    email: 'arbetsorder@snorojning-ab.example',
    active: true,
  },
  description:
    'Creates or changes an inbox (work group, specialist group, external party or personal) with its assignment mode (administrators); a rename keeps the id.',
});

export const getInboxV1 = defineRpc({
  subject: 'routing.rpc.inbox-get.v1',
  request: z.object({ id: RefIdSchema }),
  response: InboxSchema,
  example: { id: 'snorojning-ab' },
  description: 'One inbox with its kind, assignment mode, identity group and external organisation.',
});

export const listInboxesV1 = defineRpc({
  subject: 'routing.rpc.inbox-list.v1',
  request: z.object({
    /** Only inboxes whose group is one of these (the caller's own inboxes); absent: every inbox. */
    groups: z.array(z.string().max(200)).max(1000).optional(),
    includeInactive: z.boolean().default(false),
  }),
  response: z.object({ items: z.array(InboxSchema) }),
  example: { groups: ['/inbox/kundtjanst'] },
  description: 'Inboxes by name, optionally only those of the given identity groups.',
});

export const inboxSavedV1 = defineEvent({
  subject: 'routing.evt.inbox-saved.v1',
  data: InboxSchema,
  example: exampleInbox,
  description: 'An inbox was created or changed (its full new state).',
});
