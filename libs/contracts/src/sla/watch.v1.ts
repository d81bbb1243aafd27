import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, TimestampSchema } from '../case/case.schemas.js';

/**
 * The six watches (bevakningar). Point kinds notify when the event has NOT happened by `endAt`; period kinds
 * notify when the event DOES happen between `startAt` and `endAt`. Wire names: do not change without a migration plan.
 */
export const WATCH_KINDS = [
  'no_handler', // point: no handling officer set by endAt
  'customer_reply', // period: the customer replied
  'not_closed', // point: the case is not closed by endAt
  'customer_not_answered', // point: the customer has not been answered by endAt
  'referral_answered', // period: a referral answer came in
  'case_changed', // period: the case was changed
] as const;
export const WatchKindSchema = z.enum(WATCH_KINDS);
export type WatchKind = z.infer<typeof WatchKindSchema>;

/** The kinds that watch a period (tidsrymd); the others watch a point in time (tidpunkt). */
export const PERIOD_WATCH_KINDS: readonly WatchKind[] = ['customer_reply', 'referral_answered', 'case_changed'];

export const WatchViewSchema = z.object({
  id: z.uuid(),
  number: CaseNumberSchema,
  kind: WatchKindSchema,
  /** Who set the watch; the one notified. */
  userId: z.string(),
  comment: z.string(),
  /** Period kinds: from when (default: when created). Null for point kinds. */
  startAt: TimestampSchema.nullable(),
  endAt: TimestampSchema,
  createdAt: TimestampSchema,
  /** When it notified; null while it still watches. */
  firedAt: TimestampSchema.nullable(),
  /** `notified`, or `met` / `expired` when it ended without notifying; null while it still watches. */
  outcome: z.enum(['notified', 'met', 'expired']).nullable(),
});
export type WatchView = z.infer<typeof WatchViewSchema>;

const exampleWatch = {
  number: '2026-000123',
  kind: 'no_handler',
  comment: 'Ska vara fördelat före lunch.',
  endAt: '2026-11-23T12:00:00+01:00',
} as const;

/** What a watch is set with (the case comes from the path or the request). */
export const WatchFieldsSchema = z.object({
  kind: WatchKindSchema,
  comment: z.string().trim().max(2000).default(''),
  /** Period kinds only (default: now). */
  startAt: TimestampSchema.optional(),
  endAt: TimestampSchema,
});

/** The rules between the fields of a watch: only a period has a start, and it ends after it starts. */
export function checkWatchFields(input: z.output<typeof WatchFieldsSchema>, issues: z.RefinementCtx): void {
  if (input.startAt !== undefined && !PERIOD_WATCH_KINDS.includes(input.kind)) {
    issues.addIssue({ code: 'custom', path: ['startAt'], message: `A ${input.kind} watch has no start` });
  }
  if (input.startAt !== undefined && Date.parse(input.startAt) >= Date.parse(input.endAt)) {
    issues.addIssue({ code: 'custom', path: ['endAt'], message: 'The period ends after it starts' });
  }
}

export const createWatchV1 = defineRpc({
  subject: 'sla.rpc.watch-create.v1',
  request: WatchFieldsSchema.extend({ number: CaseNumberSchema }).superRefine(checkWatchFields),
  response: WatchViewSchema,
  example: exampleWatch,
  description: 'The caller sets a watch (bevakning) on a case; the SLA watcher notifies them when it fires.',
});

export const listWatchesV1 = defineRpc({
  subject: 'sla.rpc.watch-list.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: z.object({ items: z.array(WatchViewSchema) }),
  example: { number: '2026-000123' },
  description: "The caller's watches on a case, newest first, those that ended included.",
});

export const deleteWatchV1 = defineRpc({
  subject: 'sla.rpc.watch-delete.v1',
  request: z.object({ number: CaseNumberSchema, id: z.uuid() }),
  response: z.object({ id: z.uuid(), deleted: z.literal(true) }),
  example: { number: '2026-000123', id: '01935c62-0a1b-7c2d-8e3f-4a5b6c7d8e9f' },
  description: 'The caller removes one of their watches on a case.',
});
