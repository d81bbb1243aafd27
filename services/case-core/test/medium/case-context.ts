import { RpcClient, outboxTablesSql } from '@arende/messaging';
import { type TestContext, createTestContext, factory } from '@arende/testing';
import type { Actor, RegisterCaseRequestV1 } from '@arende/contracts';
import type { z } from 'zod';
import { CaseRepository } from '../../src/repositories/case.repository.js';
import { CaseService, type RequestContext } from '../../src/services/case.service.js';
import { SCHEMA } from '../../src/schema.js';
import { AssignmentRepository } from '../../src/repositories/assignment.repository.js';
import { EntryRepository } from '../../src/repositories/entry.repository.js';
import { AssignmentService } from '../../src/services/assignment.service.js';
import { DistributionService } from '../../src/services/distribution.service.js';
import { EntryService } from '../../src/services/entry.service.js';
import { InboxLookup } from '../../src/services/inbox-lookup.js';
import { type InboxResponder, serveInboxes, testInbox } from './inbox-responder.js';

interface OutboxRow {
  subject: string;
  payload: { type: string; data: Record<string, unknown> };
}

export interface CaseTestContext extends TestContext {
  cases: CaseService;
  repository: CaseRepository;
  assignments: AssignmentService;
  distributions: DistributionService;
  /** routing's inbox-get, answered over NATS; the test inboxes are pick-own work groups. */
  inboxes: InboxResponder;
  nudges: () => number;
  as(actor?: Partial<Actor>): RequestContext;
  newCase(
    fields?: Partial<z.input<typeof RegisterCaseRequestV1>>,
    actor?: Partial<Actor>,
  ): ReturnType<CaseService['register']>;
  outbox(): Promise<OutboxRow[]>;
}

/**
 * The inboxes the medium tests register cases in: the default actor belongs to all of them, and may see the
 * secret cases of gatukontoret (the copy tests copy one).
 */
export const TEST_INBOX_GROUPS = [
  '/inbox/kundtjanst',
  '/inbox/gatukontoret',
  '/inbox/medium-order',
  '/inbox/medium-sorts',
  '/secrecy/gatukontoret',
];

/** case-core's service on its own database, with the outbox relay replaced by a counter of nudges. */
export async function createCaseTestContext(): Promise<CaseTestContext> {
  const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  let nudged = 0;
  const repository = new CaseRepository(ctx.dataSource, SCHEMA.schema);
  const cases = new CaseService(
    ctx.dataSource,
    repository,
    { nudge: () => void nudged++ },
    { defaultInboxId: 'kundtjanst' },
  );
  // Asked each time (no cache), so that a test that changes an inbox sees the change at once.
  const lookup = new InboxLookup(new RpcClient({ nc: ctx.nc, names: ctx.names }), { ttlMs: 0 });
  const inboxes = serveInboxes(
    ctx,
    TEST_INBOX_GROUPS.filter((g) => g.startsWith('/inbox/')).map((g) => testInbox(g.slice('/inbox/'.length))),
  );
  const listener = { nudge: () => void nudged++ };
  const assignments = new AssignmentService(
    ctx.dataSource,
    cases,
    repository,
    new AssignmentRepository(SCHEMA.schema),
    lookup,
    listener,
  );
  const entries = new EntryService(
    ctx.dataSource,
    new EntryRepository(ctx.dataSource, SCHEMA.schema),
    repository,
    listener,
  );
  const distributions = new DistributionService(ctx.dataSource, cases, repository, entries, lookup, listener);
  const as = (actor: Partial<Actor> = {}): RequestContext => ({
    actor: factory.actor({ groups: TEST_INBOX_GROUPS, ...actor }),
    correlationId: factory.correlationId(),
  });
  return {
    ...ctx,
    close: async () => {
      await inboxes.close();
      await ctx.close();
    },
    cases,
    repository,
    assignments,
    distributions,
    inboxes,
    nudges: () => nudged,
    as,
    newCase: (fields = {}, actor = {}) =>
      cases.register({ title: 'Fråga om sophämtning', status: 'new', ...fields }, as(actor)),
    outbox: () =>
      ctx.dataSource.query<OutboxRow[]>(`SELECT subject, payload FROM "${SCHEMA.schema}".outbox ORDER BY seq`),
  };
}
