import type { z } from 'zod';
import {
  type EventContract,
  callAnsweredV1,
  caseAssignedV1,
  caseDistributedV1,
  caseMovedV1,
  caseRegisteredV1,
  caseStatusChangedV1,
  entryAddedV1,
  inAppNotificationV1,
  referralAnsweredV1,
} from '@arende/contracts';
import type { CaseInboxes } from './case-inboxes.js';
import type { LiveEvent } from './live-hub.js';

type Envelope<T extends z.ZodType> = z.output<EventContract<T>['envelope']>;

/**
 * An event stream the gateway hands on live: which contract, and who gets what from one event (null: nobody).
 * A source that must look something up answers with a promise.
 */
export interface LiveSource<T extends z.ZodType = z.ZodType> {
  contract: EventContract<T>;
  toLive(envelope: Envelope<T>): LiveEvent | null | Promise<LiveEvent | null>;
}

function source<T extends z.ZodType>(
  contract: EventContract<T>,
  toLive: (envelope: Envelope<T>) => LiveEvent | null | Promise<LiveEvent | null>,
): LiveSource {
  return { contract, toLive };
}

/** What live sources need beyond the event itself. */
export interface LiveSourceDeps {
  caseInboxes: CaseInboxes;
}

/**
 * A case update for the members of its inboxes. It says which case changed and how, never what the case holds
 * (no title, text or customer): the client reads the case again through its own, access-checked requests, so a
 * live event shows nobody more than the inbox view would.
 */
function caseUpdate(
  event: string,
  envelope: { id: string; occurredAt: string },
  inboxIds: readonly string[],
  data: Record<string, unknown>,
  recipients: ReadonlyArray<string | null> = [],
): LiveEvent {
  return {
    event,
    id: envelope.id,
    data: { ...data, occurredAt: envelope.occurredAt },
    inboxIds: [...new Set(inboxIds)],
    recipients: recipients.filter((user): user is string => user !== null),
  };
}

/**
 * Every event the gateway pushes to the agent web client: the feed subscribes to each subject and the hub
 * delivers what `toLive` says. Closing and reopening come as `case-status-changed` (to `closed`, `reopened`).
 */
export function liveSources({ caseInboxes }: LiveSourceDeps): readonly LiveSource[] {
  return [
    // The agent who answered gets the call, so quick registration opens pre-filled.
    source(callAnsweredV1, (envelope) => ({
      event: 'call-answered',
      id: envelope.id,
      data: envelope.data,
      recipients: [envelope.data.agentUsername],
    })),
    // In-app notifications: to the user named, or to every member of the inbox.
    source(inAppNotificationV1, (envelope) => {
      const { to } = envelope.data;
      return {
        event: 'notification',
        id: envelope.id,
        data: envelope.data,
        recipients: to.kind === 'user' ? [to.userName] : [],
        inboxIds: to.kind === 'inbox' ? [to.inboxId] : [],
      };
    }),
    source(caseRegisteredV1, (envelope) => {
      const c = envelope.data;
      caseInboxes.remember(c.number, c.inboxId);
      return caseUpdate('case-registered', envelope, [c.inboxId], {
        caseId: c.id,
        number: c.number,
        version: c.version,
        inboxId: c.inboxId,
        status: c.status,
        priority: c.priority,
      });
    }),
    // The new handler hears of it even when they are not a member of the inbox.
    source(caseAssignedV1, (envelope) => {
      const d = envelope.data;
      caseInboxes.remember(d.number, d.inboxId);
      return caseUpdate(
        'case-assigned',
        envelope,
        [d.inboxId],
        {
          caseId: d.caseId,
          number: d.number,
          version: d.version,
          inboxId: d.inboxId,
          assigneeId: d.assigneeId,
          previousAssigneeId: d.previousAssigneeId,
        },
        [d.assigneeId],
      );
    }),
    // The inbox it left and the one it came to both redraw.
    source(caseDistributedV1, (envelope) => {
      const d = envelope.data;
      caseInboxes.remember(d.number, d.toInboxId);
      return caseUpdate('case-distributed', envelope, [d.fromInboxId, d.toInboxId], {
        caseId: d.caseId,
        number: d.number,
        version: d.version,
        kind: d.kind,
        fromInboxId: d.fromInboxId,
        toInboxId: d.toInboxId,
      });
    }),
    source(caseMovedV1, (envelope) => {
      const d = envelope.data;
      caseInboxes.remember(d.number, d.toInboxId);
      return caseUpdate('case-moved', envelope, [d.fromInboxId, d.toInboxId], {
        caseId: d.caseId,
        number: d.number,
        version: d.version,
        fromInboxId: d.fromInboxId,
        toInboxId: d.toInboxId,
      });
    }),
    source(caseStatusChangedV1, (envelope) => {
      const d = envelope.data;
      caseInboxes.remember(d.number, d.inboxId);
      return caseUpdate(
        'case-status-changed',
        envelope,
        [d.inboxId],
        {
          caseId: d.caseId,
          number: d.number,
          version: d.version,
          inboxId: d.inboxId,
          from: d.from,
          to: d.to,
        },
        [d.assigneeId],
      );
    }),
    source(referralAnsweredV1, (envelope) => {
      const d = envelope.data;
      caseInboxes.remember(d.number, d.inboxId);
      return caseUpdate(
        'referral-answered',
        envelope,
        [d.inboxId],
        { caseId: d.caseId, number: d.number, inboxId: d.inboxId, referralNumber: d.referralNumber },
        [d.assigneeId],
      );
    }),
    // A customer wrote: the entry does not say where the case is, so the inbox is looked up (cached).
    source(entryAddedV1, (envelope) => {
      const d = envelope.data;
      if (d.direction !== 'inbound') return null;
      return caseInboxes.inboxOf(d.number).then((inboxId) =>
        inboxId === null
          ? null
          : caseUpdate('case-customer-replied', envelope, [inboxId], {
              caseId: d.caseId,
              number: d.number,
              inboxId,
              entryId: d.entryId,
              kind: d.kind,
            }),
      );
    }),
  ];
}
