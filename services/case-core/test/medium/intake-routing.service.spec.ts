import {
  InboxSchema,
  ListCaseEventsRequestV1,
  ListEntriesRequestV1,
  type MatchInput,
  SYSTEM_ACTOR,
  type Template,
  exampleInbox,
  getTemplateV1,
  matchTemplateV1,
  DomainError,
} from '@arende/contracts';
import { RpcServer } from '@arende/messaging';
import { factory } from '@arende/testing';
import { CaseEventRepository } from '../../src/repositories/case-event.repository.js';
import { CaseEventService } from '../../src/services/case-event.service.js';
import { TemplateRegistrationService } from '../../src/services/template-registration.service.js';
import { type CaseTestContext, TEST_INBOX_GROUPS, createCaseTestContext } from './case-context.js';
import { type IntakeTestParts, createIntakeParts, inboundMail, silentLogger, template } from './intake-context.js';

let ctx: CaseTestContext;
let parts: IntakeTestParts;
let routing: RpcServer;
let events: CaseEventService;

// What the routing responder answers: the template for a subject word.
const templates = new Map<string, Template>();
const alarms = new Map<string, string[]>();
const asked: MatchInput[] = [];
let failuresBeforeAnswer = 0;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  parts = createIntakeParts(ctx);
  events = new CaseEventService(ctx.repository, new CaseEventRepository(ctx.dataSource, 'case_core'));
  routing = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'routing', logger: silentLogger() });
  routing.handle(matchTemplateV1, (input) => {
    asked.push(input);
    if (failuresBeforeAnswer > 0) {
      failuresBeforeAnswer -= 1;
      return Promise.reject(new Error('routing is starting'));
    }
    const word = [...templates.keys()].find((w) => input.subject.toLowerCase().includes(w));
    const found = word === undefined ? null : templates.get(word)!;
    const alarm = word === undefined ? undefined : alarms.get(word);
    return Promise.resolve({
      template: found,
      reason: found ? { ruleIndex: 0, ruleName: 'test', conditions: [] } : null,
      alarm: alarm ? { keywords: alarm } : null,
      skipped: [],
    });
  });
  routing.handle(getTemplateV1, ({ id }) => {
    const found = [...templates.values()].find((t) => t.id === id);
    return found ? Promise.resolve(found) : Promise.reject(new DomainError('ROUTING.NOT_FOUND', `No template ${id}`));
  });
  // The test context already answers routing's inbox-get (one responder, so no two answers race).
  ctx.inboxes.put(exampleInbox);
  ctx.inboxes.put(
    InboxSchema.parse({ ...exampleInbox, id: 'stadsbyggnad', kind: 'work_group', externalOrganisationId: null }),
  );
  templates.set('plogat', template());
  templates.set(
    'nyhetsbrev',
    template({ id: 'nyhetsbrev', inboxId: null, closeAtOnce: true, defaultPriority: 'normal' }),
  );
  templates.set('läcka', template({ id: 'vattenlacka', inboxId: 'stadsbyggnad', defaultPriority: 'urgent' }));
  alarms.set('läcka', ['vattenläcka']);
});

afterAll(async () => {
  await routing?.close();
  await ctx?.close();
});

const system = () => ({ actor: SYSTEM_ACTOR, correlationId: factory.correlationId() });
const admin = () =>
  ctx.as({ roles: ['admin'], groups: [...TEST_INBOX_GROUPS, '/inbox/snorojning-ab', '/inbox/stadsbyggnad'] });
const getCase = (number: string) => ctx.cases.get(number, admin());
const email = (subject: string, extra: Parameters<typeof inboundMail>[0] = {}) =>
  parts.run((m) => parts.intake.email(m, inboundMail({ subject, ...extra }), system()));

async function registered(subject: string) {
  const outcome = await email(subject);
  if (outcome.kind !== 'registered') throw new Error(`expected a new case, got ${outcome.kind}`);
  return getCase(outcome.number);
}

async function logOf(number: string) {
  const page = await events.list(ListCaseEventsRequestV1.parse({ number }), admin());
  return page.items;
}

describe('a new case from an inbound message', () => {
  it('is pre-filled with every field its template holds, in the template inbox of the contractor', async () => {
    const view = await registered('Det är inte plogat på Råsundavägen');
    expect(view).toMatchObject({
      title: 'Det är inte plogat på Råsundavägen',
      templateId: 'snorojning',
      caseTypeId: 'snorojning',
      categoryId: 'gata-park',
      areaId: 'solna-norra',
      orgUnitId: 'stadsbyggnad',
      servicePointId: 'kundtjanst',
      inboxId: 'snorojning-ab',
      externalOrganisationId: 'snorojning-ab',
      status: 'open',
      priority: 'prioritised',
      sla: { responseMinutes: 120, resolutionHours: 24, calendarId: 'kontorstid' },
      channel: 'email',
    });
    // The mail's own text stays the description; the template's is for cases registered without one.
    expect(view.description).toBe(inboundMail().text.inline);
    const templated = (await logOf(view.number)).find((line) => line.kind === 'templated');
    expect(templated?.changes).toEqual({ template: { before: null, after: 'snorojning' } });
    const [registeredEvent] = (await ctx.outbox()).filter(
      (row) => row.subject === 'case.evt.registered.v1' && row.payload.data.number === view.number,
    );
    expect(registeredEvent.payload.data).toMatchObject({ inboxId: 'snorojning-ab', sla: view.sla });
  });

  it('asks routing with the subject, body, sender, recipients and channel', async () => {
    asked.length = 0;
    await email('Fråga om bygglov', {
      from: [{ address: 'Kund@Example.se', name: 'Kund' }],
      cc: [{ address: 'registrator@kommun.example', name: '' }],
    });
    expect(asked).toEqual([
      {
        channel: 'email',
        subject: 'Fråga om bygglov',
        body: inboundMail().text.inline,
        from: 'Kund@Example.se',
        // To, Cc and the envelope's recipients, lower-cased, each once.
        to: ['kundtjanst@kommun.se', 'registrator@kommun.example'],
      },
    ]);
  });

  it('leaves the external organisation empty when the template inbox is no external party', async () => {
    const view = await registered('Vattenläcka på Skolgatan');
    expect(view).toMatchObject({ inboxId: 'stadsbyggnad', externalOrganisationId: null, priority: 'urgent' });
  });

  it('closes the case at once when the template says so (newsletters)', async () => {
    const view = await registered('Nyhetsbrev december');
    expect(view).toMatchObject({ status: 'closed', templateId: 'nyhetsbrev', inboxId: 'kundtjanst' });
    expect(view.closedAt).not.toBeNull();
    const timeline = await parts.entries.list(ListEntriesRequestV1.parse({ number: view.number }), admin());
    expect(timeline.items.map((e) => e.kind)).toEqual(['inbound_email']);
    const templated = (await logOf(view.number)).find((line) => line.kind === 'templated');
    expect(templated?.changes).toMatchObject({ closedAtOnce: { before: null, after: true } });
  });

  it('publishes case.evt.alarm-raised.v1 with the alarm words when the template raises an alarm', async () => {
    const view = await registered('Vattenläcka i källaren');
    const alarm = (await ctx.outbox()).filter(
      (row) => row.subject === 'case.evt.alarm-raised.v1' && row.payload.data.number === view.number,
    );
    expect(alarm.map((row) => row.payload.data)).toEqual([
      {
        caseId: view.id,
        number: view.number,
        title: 'Vattenläcka i källaren',
        channel: 'email',
        inboxId: 'stadsbyggnad',
        servicePointId: 'kundtjanst',
        templateId: 'vattenlacka',
        keywords: ['vattenläcka'],
      },
    ]);
  });

  it('raises no alarm for a template without one', async () => {
    const view = await registered('Inte plogat på Storgatan');
    const alarms = (await ctx.outbox()).filter(
      (row) => row.subject === 'case.evt.alarm-raised.v1' && row.payload.data.number === view.number,
    );
    expect(alarms).toEqual([]);
  });

  it('lands in the default inbox, untemplated and without a log line, when no template matches', async () => {
    const view = await registered('Fråga om parkeringstillstånd');
    expect(view).toMatchObject({ inboxId: 'kundtjanst', templateId: null, sla: null, status: 'new' });
    expect((await logOf(view.number)).map((line) => line.kind)).not.toContain('templated');
  });

  it('asks again when routing fails once, and is then templated', async () => {
    failuresBeforeAnswer = 1;
    asked.length = 0;
    const view = await registered('Snön är inte plogat');
    expect(asked).toHaveLength(2);
    expect(view.templateId).toBe('snorojning');
  });

  it('does not ask routing for a message threaded onto an existing case', async () => {
    const first = await registered('Inte plogat på Hagavägen');
    asked.length = 0;
    const outcome = await email(`SV: Ärende ${first.number} inte plogat`);
    expect(outcome).toEqual({ kind: 'entry', number: first.number });
    expect(asked).toEqual([]);
  });
});

describe('when routing does not answer', () => {
  it('registers the case in the default inbox with a log line saying it was not routed, after retrying', async () => {
    failuresBeforeAnswer = 2; // both attempts fail
    asked.length = 0;
    const view = await registered('Inte plogat på Solnavägen');
    expect(asked).toHaveLength(2);
    expect(view).toMatchObject({ inboxId: 'kundtjanst', templateId: null, sla: null });
    const line = (await logOf(view.number)).find((l) => l.kind === 'not-routed');
    expect(line?.changes?.reason.after).toMatch(/^INTERNAL: /);
  });

  it('registers unrouted when nobody serves routing at all', async () => {
    const elsewhere = await createCaseTestContext();
    try {
      const lonely = createIntakeParts(elsewhere, { routingAttempts: 3 });
      const outcome = await lonely.run((m) =>
        lonely.intake.email(m, inboundMail({ subject: 'Inte plogat' }), system()),
      );
      if (outcome.kind !== 'registered') throw new Error(outcome.kind);
      const view = await elsewhere.cases.get(outcome.number, elsewhere.as({ roles: ['admin'] }));
      expect(view.inboxId).toBe('kundtjanst');
      const log = await new CaseEventService(
        elsewhere.repository,
        new CaseEventRepository(elsewhere.dataSource, 'case_core'),
      ).list(ListCaseEventsRequestV1.parse({ number: view.number }), elsewhere.as({ roles: ['admin'] }));
      expect(log.items.find((l) => l.kind === 'not-routed')?.changes?.reason.after).toMatch(/^SERVICE\.UNAVAILABLE/);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('quick registration with a templateId', () => {
  const registrations = () => new TemplateRegistrationService(ctx.cases, parts.routing);

  it('pre-fills every field the request leaves out from the template', async () => {
    const view = await registrations().register({ title: 'Ring om snöröjning', templateId: 'snorojning' }, ctx.as());
    expect(view).toMatchObject({
      templateId: 'snorojning',
      caseTypeId: 'snorojning',
      categoryId: 'gata-park',
      areaId: 'solna-norra',
      orgUnitId: 'stadsbyggnad',
      servicePointId: 'kundtjanst',
      inboxId: 'snorojning-ab',
      description: 'Snö eller is som inte är röjd.',
      status: 'open',
      priority: 'prioritised',
      sla: { responseMinutes: 120, resolutionHours: 24, calendarId: 'kontorstid' },
    });
  });

  it('keeps what the request gives', async () => {
    const view = await registrations().register(
      {
        title: 'Ring om snöröjning',
        templateId: 'snorojning',
        priority: 'urgent',
        inboxId: 'kundtjanst',
        status: 'new',
      },
      ctx.as(),
    );
    expect(view).toMatchObject({ priority: 'urgent', inboxId: 'kundtjanst', status: 'new', caseTypeId: 'snorojning' });
  });

  it('refuses an unknown template with CASE.REFERENCE_UNKNOWN', async () => {
    await expect(registrations().register({ title: 'x', templateId: 'finns-inte' }, ctx.as())).rejects.toMatchObject({
      code: 'CASE.REFERENCE_UNKNOWN',
    });
  });

  it('registers as before without a templateId', async () => {
    const view = await registrations().register({ title: 'Fråga' }, ctx.as());
    expect(view).toMatchObject({ templateId: null, sla: null, inboxId: 'kundtjanst', status: 'new' });
  });
});
