import { outboxTablesSql } from '@arende/messaging';
import { type TestContext, createTestContext, factory } from '@arende/testing';
import type { Actor, RegisterCaseRequestV1 } from '@arende/contracts';
import type { z } from 'zod';
import { CaseRepository } from '../../src/repositories/case.repository.js';
import { CaseService, type RequestContext } from '../../src/services/case.service.js';
import { SCHEMA } from '../../src/schema.js';

interface OutboxRow {
  subject: string;
  payload: { type: string; data: Record<string, unknown> };
}

export interface CaseTestContext extends TestContext {
  cases: CaseService;
  repository: CaseRepository;
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
  const as = (actor: Partial<Actor> = {}): RequestContext => ({
    actor: factory.actor({ groups: TEST_INBOX_GROUPS, ...actor }),
    correlationId: factory.correlationId(),
  });
  return {
    ...ctx,
    cases,
    repository,
    nudges: () => nudged,
    as,
    newCase: (fields = {}, actor = {}) =>
      cases.register({ title: 'Fråga om sophämtning', status: 'new', ...fields }, as(actor)),
    outbox: () =>
      ctx.dataSource.query<OutboxRow[]>(`SELECT subject, payload FROM "${SCHEMA.schema}".outbox ORDER BY seq`),
  };
}
