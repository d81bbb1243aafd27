import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { FileSystemBlobStore } from '@arende/blobs';
import { loadConfig } from '@arende/config';
import {
  type Actor,
  addEntryV1,
  DomainError,
  exampleCase,
  exampleCustomer,
  exampleEntry,
  exampleInbox,
  exampleStaffPerson,
  getCaseV1,
  getInboxV1,
  getStaffByUserNameV1,
  getTemplateV1,
  listCaseCustomersV1,
  listEntriesV1,
  type CaseView,
  type EntryView,
  TemplateSchema,
  type EventContract,
} from '@arende/contracts';
import { RpcClient, RpcServer, createEnvelope, ensureStreams, outboxTablesSql } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { startSmtpSink, type SmtpSink } from '@arende/smtp-sink';
import {
  type TestContext,
  createTestContext,
  expectEventually,
  factory,
  freePort,
  startFakeElks,
  type FakeElks,
} from '@arende/testing';
import type { z } from 'zod';
import { startNotifications } from '../../src/boot.js';
import { notificationsConfig } from '../../src/config.js';
import { SCHEMA } from '../../src/schema.js';

export interface AddedEntry {
  data: z.output<typeof addEntryV1.request>;
  actor: Actor;
}

/**
 * notifications on its own database and prefix, mailing into a real SMTP sink. Case-core's two subjects it
 * calls are answered here: the cases named in `cases` exist (the rest are CASE.NOT_FOUND), `closed` ones refuse
 * entries, and every entry written is kept in `entries`.
 */
export interface Harness {
  ctx: TestContext;
  app: INestApplicationContext;
  rpc: RpcClient;
  sink: SmtpSink;
  /** The blob store notifications reads the case's attachments from (a temporary directory). */
  blobs: FileSystemBlobStore;
  elks: FakeElks;
  entries: AddedEntry[];
  cases: Set<string>;
  closed: Set<string>;
  /** Routing's staff directory (by login) and inboxes, and case-core's customer cards: key → e-mail. */
  staff: Map<string, string | null>;
  inboxes: Map<string, string | null>;
  customers: Map<string, string | null>;
  /** What a case in `cases` looks like beyond the example case; routing's templates by id. */
  caseViews: Map<string, Partial<CaseView>>;
  /** A case's timeline, oldest first, for list-entries. */
  timelines: Map<string, EntryView[]>;
  templates: Map<string, Partial<z.input<typeof TemplateSchema>>>;
  /** Publishes an event as `actor` (default: the contract's owning service). */
  publish<C extends EventContract>(contract: C, data: z.input<C['data']>, actor?: Actor): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  await ensureStreams(ctx.jsm, ctx.names, ['notifications', 'intake', 'case', 'sla']);
  const sink = await startSmtpSink({ smtpPort: await freePort(), httpPort: await freePort() });
  const logger = createLogger({ service: 'notifications', level: 'silent' });
  const blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-blobs-'));
  const blobs = new FileSystemBlobStore(blobDir);
  const elks = await startFakeElks('elks-user', 'elks-password');
  const entries: AddedEntry[] = [];
  const cases = new Set<string>();
  const closed = new Set<string>();
  const staff = new Map<string, string | null>();
  const inboxes = new Map<string, string | null>();
  const customers = new Map<string, string | null>();
  const caseViews = new Map<string, Partial<CaseView>>();
  const timelines = new Map<string, EntryView[]>();
  const templates = new Map<string, Partial<z.input<typeof TemplateSchema>>>();
  const caseCore = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'case-core', logger });
  caseCore
    .handle(getCaseV1, (data) => {
      if (!cases.has(data.number)) throw new DomainError('CASE.NOT_FOUND', `No case ${data.number}`);
      return Promise.resolve({ ...exampleCase, number: data.number, ...caseViews.get(data.number) });
    })
    .handle(addEntryV1, (data, rpcCtx) => {
      if (!cases.has(data.number)) throw new DomainError('CASE.NOT_FOUND', `No case ${data.number}`);
      if (closed.has(data.number)) throw new DomainError('CASE.CLOSED', `Case ${data.number} is closed`);
      entries.push({ data, actor: rpcCtx.actor });
      return Promise.resolve({ ...exampleEntry, caseNumber: data.number, kind: data.kind });
    })
    .handle(listEntriesV1, (data) => {
      const items = [...(timelines.get(data.number) ?? [])];
      if (data.order === 'desc') items.reverse();
      return Promise.resolve({ items: items.slice(0, data.limit), nextCursor: null });
    })
    .handle(listCaseCustomersV1, (data) => {
      if (!customers.has(data.number)) return Promise.resolve({ items: [] });
      return Promise.resolve({
        items: [{ ...exampleCustomer, firstName: 'Eva', email: customers.get(data.number)! }],
      });
    });
  const routing = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'routing', logger });
  routing
    .handle(getStaffByUserNameV1, (data) => {
      if (!staff.has(data.userName)) throw new DomainError('ROUTING.NOT_FOUND', `Nobody has ${data.userName}`);
      return Promise.resolve({
        person: { ...exampleStaffPerson, userName: data.userName, email: staff.get(data.userName)! },
        departmentName: 'Stadsbyggnad',
        unitName: null,
      });
    })
    .handle(getTemplateV1, (data) => {
      const fields = templates.get(data.id);
      if (!fields) throw new DomainError('ROUTING.NOT_FOUND', `No template ${data.id}`);
      return Promise.resolve(
        TemplateSchema.parse({
          title: 'Mall',
          ...fields,
          id: data.id,
          version: 1,
          updatedAt: new Date().toISOString(),
        }),
      );
    })
    .handle(getInboxV1, (data) => {
      if (!inboxes.has(data.id)) throw new DomainError('ROUTING.NOT_FOUND', `No inbox ${data.id}`);
      return Promise.resolve({ ...exampleInbox, id: data.id, email: inboxes.get(data.id)! });
    });
  const app = await startNotifications({
    config: loadConfig(notificationsConfig, {
      NATS_PREFIX: ctx.prefix,
      SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
      MAIL_FROM: 'Kundtjänst <kundtjanst@kommun.example>',
      MAIL_REPLY_TO: 'kundtjanst@kommun.example',
      MESSAGE_ID_DOMAIN: 'arende.kommun.example',
      SEND_RETRY_BASE_MS: '40',
      SEND_POLL_MS: '20',
      SEND_MAX_ATTEMPTS: '3',
      ALARM_EMAIL: 'larm@kommun.example',
      SMS_46ELKS_URL: elks.url,
      SMS_46ELKS_USER: 'elks-user',
      SMS_46ELKS_PASSWORD: 'elks-password',
      SMS_FROM: 'Solna',
      ALARM_SMS: '+46700000112',
      PORTAL_CASE_URL: 'https://minasidor.kommun.example/arenden/{number}',
      BLOB_DIR: blobDir,
      ...env,
    }),
    dataSource: ctx.dataSource,
    nc: ctx.nc,
    js: ctx.js,
    names: ctx.names,
    logger,
    metrics: createMetrics('notifications'),
  });
  return {
    ctx,
    app,
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names }),
    sink,
    blobs,
    elks,
    entries,
    cases,
    closed,
    staff,
    inboxes,
    customers,
    caseViews,
    timelines,
    templates,
    async publish(contract, data, actor) {
      const envelope = createEnvelope(contract, data, {
        actor: actor ?? { kind: 'service', id: contract.owner, roles: [] },
        correlationId: factory.correlationId(),
      });
      await ctx.js.publish(ctx.names.subject(contract.subject), JSON.stringify(envelope), { msgID: envelope.id });
    },
    async close() {
      await app.close();
      await caseCore.close();
      await routing.close();
      await sink.close();
      await elks.close();
      await blobs.close();
      fs.rmSync(blobDir, { recursive: true, force: true });
      await ctx.close();
    },
  };
}

/** The one mail the sink got for `to`, once it is there. */
export async function oneMailTo(sink: SmtpSink, to: string) {
  const [mail] = await expectEventually(() => {
    const got = sink.messages(to);
    expect(got).toHaveLength(1);
    return got;
  });
  return mail;
}
