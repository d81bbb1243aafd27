import { randomUUID } from 'node:crypto';
import { type EmailReceivedV1Data, type Template, TemplateSchema, emailReceivedV1 } from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import type { EntityManager } from 'typeorm';
import { IntakeCaseService } from '../../src/intake/intake-case.service.js';
import { IntakeRegistrationService } from '../../src/intake/intake-registration.service.js';
import { EntryRepository } from '../../src/repositories/entry.repository.js';
import { ReferralRepository } from '../../src/repositories/referral.repository.js';
import { ThreadKeyRepository } from '../../src/repositories/thread-key.repository.js';
import { InboxLookup } from '../../src/services/inbox-lookup.js';
import { CaseRoutingService } from '../../src/services/case-routing.service.js';
import { EntryService } from '../../src/services/entry.service.js';
import { ReferralService } from '../../src/services/referral.service.js';
import type { CaseTestContext } from './case-context.js';

export interface IntakeTestParts {
  intake: IntakeCaseService;
  entries: EntryService;
  referrals: ReferralService;
  routing: CaseRoutingService;
  run<T>(apply: (manager: EntityManager) => Promise<T>): Promise<T>;
}

export const silentLogger = () => createLogger({ service: 'case-core-test', level: 'silent' });

/**
 * case-core's intake path on the test context's database, asking routing over the context's real NATS prefix
 * (the test answers routing's subjects with a small responder, or leaves them unanswered).
 */
export function createIntakeParts(
  ctx: CaseTestContext,
  options: { reopenWindowDays?: number; routingAttempts?: number; routingTimeoutMs?: number } = {},
): IntakeTestParts {
  const logger = silentLogger();
  const entries = new EntryService(ctx.dataSource, new EntryRepository(ctx.dataSource, 'case_core'), ctx.repository, {
    nudge: () => undefined,
  });
  const threads = new ThreadKeyRepository('case_core');
  const referrals = new ReferralService(
    ctx.dataSource,
    ctx.repository,
    new ReferralRepository(ctx.dataSource, 'case_core'),
    entries,
    threads,
    { nudge: () => undefined },
    // A small attachment cap, so a test reaches it with two small files.
    { replyDays: 14, messageIdDomain: 'arende.test', maxAttachmentBytes: 25 },
  );
  const rpc = new RpcClient({ nc: ctx.nc, names: ctx.names });
  const routing = new CaseRoutingService(
    rpc,
    new InboxLookup(rpc, { ttlMs: 0 }),
    { timeoutMs: options.routingTimeoutMs ?? 500, attempts: options.routingAttempts ?? 2, firstBackoffMs: 10 },
    logger,
  );
  const intake = new IntakeCaseService(
    ctx.cases,
    ctx.repository,
    entries,
    threads,
    { reopenWindowDays: options.reopenWindowDays ?? 14 },
    logger,
    new IntakeRegistrationService(ctx.cases, ctx.repository, routing, 'kundtjanst'),
    referrals,
  );
  return { intake, entries, referrals, routing, run: (apply) => ctx.dataSource.transaction(apply) };
}

/** A template as routing answers it, with every field it can pre-fill set. */
export function template(overrides: Partial<Template> = {}): Template {
  return TemplateSchema.parse({
    id: 'snorojning',
    title: 'Snöröjning',
    version: 1,
    updatedAt: '2026-11-23T09:00:00.000Z',
    caseTypeId: 'snorojning',
    categoryId: 'gata-park',
    areaId: 'solna-norra',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    inboxId: 'snorojning-ab',
    description: 'Snö eller is som inte är röjd.',
    defaultStatus: 'open',
    defaultPriority: 'prioritised',
    sla: { responseMinutes: 120, resolutionHours: 24, calendarId: 'kontorstid' },
    rules: [{ name: 'Snö', conditions: [{ field: 'subject', match: 'keywords', keywords: ['snöröj*'] }] }],
    ...overrides,
  });
}

let mailSeq = 0;
/** An inbound e-mail as intake publishes it; every call gets its own ids and sender. */
export function inboundMail(overrides: Partial<EmailReceivedV1Data> = {}): EmailReceivedV1Data {
  mailSeq += 1;
  const intakeId = randomUUID();
  return emailReceivedV1.data.parse({
    ...emailReceivedV1.example,
    intakeId,
    messageId: `<r${mailSeq}.${intakeId}@example.se>`,
    from: [{ address: `avsandare${mailSeq}@example.se`, name: 'Avsändare' }],
    rawBlobKey: `intake/${intakeId}/raw.eml`,
    attachments: [],
    ...overrides,
  });
}
