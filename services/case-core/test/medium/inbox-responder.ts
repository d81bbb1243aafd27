import { DomainError, type Inbox, getInboxV1 } from '@arende/contracts';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import type { TestContext } from '@arende/testing';

/** A work-group inbox with pick-own assignment, for tests to vary. */
export function testInbox(id: string, overrides: Partial<Inbox> = {}): Inbox {
  return {
    id,
    name: `Inkorg ${id}`,
    kind: 'work_group',
    assignmentMode: 'pick_own',
    group: `/inbox/${id}`,
    orgUnitId: null,
    servicePointId: null,
    externalOrganisationId: null,
    ownerId: null,
    email: null,
    acknowledgeMinutes: null,
    customerContactMinutes: null,
    active: true,
    version: 1,
    updatedAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}

export interface InboxResponder {
  /** Adds or replaces an inbox routing answers for. */
  put(inbox: Inbox): void;
  /** How many inbox-get requests routing answered. */
  requests(): number;
  close(): Promise<void>;
}

/** Answers routing's `routing.rpc.inbox-get.v1` over real NATS from a map (routing itself is another service). */
export function serveInboxes(ctx: TestContext, inboxes: Inbox[]): InboxResponder {
  const known = new Map(inboxes.map((inbox) => [inbox.id, inbox]));
  let answered = 0;
  const server = new RpcServer({
    nc: ctx.nc,
    names: ctx.names,
    service: 'routing-stub',
    logger: createLogger({ service: 'routing-stub', level: 'silent' }),
  });
  server.handle(getInboxV1, ({ id }) => {
    answered += 1;
    const inbox = known.get(id);
    return inbox ? Promise.resolve(inbox) : Promise.reject(new DomainError('ROUTING.NOT_FOUND', `No inbox ${id}`));
  });
  return {
    put: (inbox) => void known.set(inbox.id, inbox),
    requests: () => answered,
    close: () => server.close(),
  };
}
