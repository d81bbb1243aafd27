import {
  AddEntryRequestV1,
  type CaseView,
  ListEntriesRequestV1,
  type EmailReceivedV1Data,
  type FormSubmittedV1Data,
  type SmsReceivedV1Data,
  type SocialMessageReceivedV1Data,
  SYSTEM_ACTOR,
  emailReceivedV1,
  formSubmittedV1,
  smsReceivedV1,
  socialMessageReceivedV1,
  matchTemplateV1,
} from '@arende/contracts';
import { RpcServer } from '@arende/messaging';
import { factory } from '@arende/testing';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { IntakeCaseOutcome, IntakeCaseService } from '../../src/intake/intake-case.service.js';
import type { EntryService } from '../../src/services/entry.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';
import { createIntakeParts, silentLogger } from './intake-context.js';
import { ThreadKeyRepository } from '../../src/repositories/thread-key.repository.js';

let ctx: CaseTestContext;
let intake: IntakeCaseService;
let entries: EntryService;
const REOPEN_DAYS = 14;

let routing: RpcServer;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  ({ intake, entries } = createIntakeParts(ctx, { reopenWindowDays: REOPEN_DAYS }));
  // Routing knows no template for any of these messages (templated registration: intake-routing.service.spec.ts).
  routing = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'routing', logger: silentLogger() });
  routing.handle(matchTemplateV1, () => Promise.resolve({ template: null, reason: null, alarm: null, skipped: [] }));
});

afterAll(async () => {
  await routing?.close();
  await ctx?.close();
});

const system = () => ({ actor: SYSTEM_ACTOR, correlationId: factory.correlationId() });

function run<T>(apply: (manager: EntityManager) => Promise<T>) {
  return ctx.dataSource.transaction(apply);
}

let seq = 0;
function mail(overrides: Partial<EmailReceivedV1Data> = {}): EmailReceivedV1Data {
  seq += 1;
  const intakeId = randomUUID();
  return emailReceivedV1.data.parse({
    ...emailReceivedV1.example,
    intakeId,
    messageId: `<m${seq}.${intakeId}@example.se>`,
    from: [{ address: `kund${seq}@example.se`, name: 'Kund' }],
    rawBlobKey: `intake/${intakeId}/raw.eml`,
    attachments: [],
    ...overrides,
  });
}

const email = (data: EmailReceivedV1Data) => run((m) => intake.email(m, data, system()));
const sms = (data: Partial<SmsReceivedV1Data>) =>
  run((m) =>
    intake.sms(m, smsReceivedV1.data.parse({ ...smsReceivedV1.example, intakeId: randomUUID(), ...data }), system()),
  );
const social = (data: Partial<SocialMessageReceivedV1Data>) =>
  run((m) =>
    intake.social(
      m,
      socialMessageReceivedV1.data.parse({ ...socialMessageReceivedV1.example, intakeId: randomUUID(), ...data }),
      system(),
    ),
  );

function numberOf(outcome: IntakeCaseOutcome): string {
  if (outcome.kind === 'ignored') throw new Error(`expected a case, got ${outcome.reason}`);
  return outcome.number;
}

const getCase = (number: string) => ctx.cases.get(number, ctx.as({ roles: ['admin'] }));
const timeline = async (number: string) =>
  (await entries.list(ListEntriesRequestV1.parse({ number, limit: 200 }), ctx.as({ roles: ['admin'] }))).items;

async function close(view: CaseView, daysAgo: number): Promise<void> {
  const current = await getCase(view.number);
  // Inbound cases want an answer; these tests are about threading, not the close warning.
  await ctx.cases.transition(
    { number: view.number, version: current.version, to: 'closed', confirmUnanswered: true },
    ctx.as(),
  );
  await ctx.dataSource.query(
    `UPDATE case_core."case" SET closed_at = now() - make_interval(days => $2) WHERE id = $1`,
    [view.id, daysAgo],
  );
}

describe('e-mail', () => {
  it('registers a case with the mail as its first entry, attachments and the raw message linked', async () => {
    const data = mail({
      subject: 'Trasig gatlykta på Storgatan',
      attachments: [
        {
          filename: 'lykta.jpg',
          contentType: 'image/jpeg',
          size: 100,
          contentId: null,
          inline: false,
          blobKey: 'k/att-0',
        },
        { filename: null, contentType: 'not a type', size: 5, contentId: null, inline: false, blobKey: 'k/att-1' },
      ],
    });
    const outcome = await email(data);
    expect(outcome.kind).toBe('registered');
    const view = await getCase(numberOf(outcome));
    expect(view).toMatchObject({ title: 'Trasig gatlykta på Storgatan', channel: 'email', inboxId: 'kundtjanst' });
    expect(view.description).toBe(data.text.inline);
    const [entry] = await timeline(view.number);
    expect(entry).toMatchObject({ kind: 'inbound_email', from: data.from[0].address, text: data.text.inline });
    expect(entry.attachments.map((a) => [a.fileName, a.contentType, a.storageKey])).toEqual([
      ['lykta.jpg', 'image/jpeg', 'k/att-0'],
      ['bilaga-2', 'application/octet-stream', 'k/att-1'],
      ['original.eml', 'message/rfc822', data.rawBlobKey],
    ]);
  });

  it('an empty subject gets a title that says so', async () => {
    const view = await getCase(numberOf(await email(mail({ subject: '   ' }))));
    expect(view.title).toBe('(Inget ämne)');
  });

  it('threads a reply by In-Reply-To and by References onto the first case and warns its handler', async () => {
    const first = mail({ subject: 'Snöröjning Råsundavägen' });
    const number = numberOf(await email(first));
    expect((await getCase(number)).customerRepliedAt).toBeNull();

    const byReply = await email(mail({ subject: 'SV: Snöröjning', inReplyTo: first.messageId.toUpperCase() }));
    expect(byReply).toEqual({ kind: 'entry', number });
    const second = mail({ subject: 'Fler frågor', references: ['<unknown@x>', first.messageId] });
    expect(await email(second)).toEqual({ kind: 'entry', number });
    // …and a reply to the reply finds the same case through the second message's id.
    expect(await email(mail({ inReplyTo: second.messageId }))).toEqual({ kind: 'entry', number });

    expect((await getCase(number)).customerRepliedAt).not.toBeNull();
    expect((await timeline(number)).filter((e) => e.kind === 'inbound_email')).toHaveLength(4);
  });

  it('threads by a case number in the subject, whatever the reply prefixes', async () => {
    const view = await ctx.newCase({ title: 'Bygglov altan' });
    for (const subject of [
      `SV: Ärende ${view.number}`,
      `Re: VS: ärende nr ${view.number} bygglov`,
      `AW: ${view.number}`,
    ]) {
      expect(await email(mail({ subject }))).toEqual({ kind: 'entry', number: view.number });
    }
    // A number that is no case is just text.
    expect((await email(mail({ subject: 'Ärende 2019-999999' }))).kind).toBe('registered');
  });

  it('a reply within the reopen window reopens a closed case; later it opens a child case', async () => {
    const recent = await ctx.newCase({ title: 'Parkeringstillstånd' });
    await close(recent, REOPEN_DAYS - 1);
    expect(await email(mail({ subject: `SV: Ärende ${recent.number}` }))).toEqual({
      kind: 'reopened',
      number: recent.number,
    });
    expect((await getCase(recent.number)).status).toBe('reopened');

    const old = await ctx.newCase({ title: 'Hemtjänst' });
    await close(old, REOPEN_DAYS + 1);
    const outcome = await email(mail({ subject: `SV: Ärende ${old.number}` }));
    expect(outcome).toMatchObject({ kind: 'child', parentNumber: old.number });
    const child = await getCase(numberOf(outcome));
    expect(child.parentCaseId).toBe(old.id);
    expect((await getCase(old.number)).status).toBe('closed');
    const subjects = (await ctx.outbox()).map((row) => row.subject);
    expect(subjects).toContain('case.evt.related.v1');
  });

  it('an auto-reply never makes a case and never reopens one, but joins its thread', async () => {
    expect(await email(mail({ autoReply: true, subject: 'Frånvaromeddelande' }))).toEqual({
      kind: 'ignored',
      reason: 'auto-reply without thread',
    });
    const view = await ctx.newCase({ title: 'Avfall' });
    await close(view, 1);
    expect(await email(mail({ autoReply: true, subject: `Automatiskt svar: Ärende ${view.number}` }))).toEqual({
      kind: 'entry',
      number: view.number,
    });
    const after = await getCase(view.number);
    expect(after.status).toBe('closed');
    expect(after.customerRepliedAt).toBeNull();
  });

  it('a bounce is attached to the case whose message bounced, as a staff-only entry', async () => {
    const view = await ctx.newCase({ title: 'Svar till kund' });
    // An outbound message of the case is known by its thread key (notifications record them).
    await run((m) => new ThreadKeyRepository('case_core').add(m, view.id, ['email:<ut-1@kommun.example>'], new Date()));
    const outcome = await email(
      mail({
        bounce: true,
        subject: 'Undelivered Mail Returned to Sender',
        from: [{ address: 'MAILER-DAEMON@mx.example.se', name: '' }],
        bouncedMessageIds: ['<UT-1@kommun.example>'],
      }),
    );
    expect(outcome).toEqual({ kind: 'entry', number: view.number });
    const bounce = (await timeline(view.number)).find((e) => e.kind === 'system_event');
    expect(bounce).toMatchObject({ visibility: 'staff' });
    expect(bounce?.text).toContain('kunde inte levereras');
    expect(await email(mail({ bounce: true, bouncedMessageIds: ['<nowhere@x>'] }))).toEqual({
      kind: 'ignored',
      reason: 'bounce without thread',
    });
  });

  it('a body too large to travel inline is linked as an attachment', async () => {
    const data = mail({ text: { inline: null, blobKey: 'k/body.txt', size: 300_000 } });
    const [entry] = await timeline(numberOf(await email(data)));
    expect(entry.text).toContain('meddelande.txt');
    expect(entry.attachments.map((a) => a.fileName)).toEqual(['meddelande.txt', 'original.eml']);
  });
});

describe('SMS', () => {
  it('threads onto the open case from the same number, and starts a new case once it is closed', async () => {
    const from = `+4670${String(Date.now()).slice(-7)}`;
    const first = await sms({ from, text: 'Soptunnan på Ekvägen 4 har inte tömts.\nMvh Eva' });
    expect(first.kind).toBe('registered');
    const view = await getCase(numberOf(first));
    expect(view).toMatchObject({ channel: 'sms', title: 'Soptunnan på Ekvägen 4 har inte tömts.' });
    expect(await sms({ from, text: 'Den töms nu, tack!' })).toEqual({ kind: 'entry', number: view.number });
    await close(view, 0);
    expect((await sms({ from, text: 'Nu igen…' })).kind).toBe('registered');
  });
});

describe('Facebook', () => {
  it('private messages thread by sender onto the open case', async () => {
    const senderId = `s${Date.now()}`;
    const first = await social({ kind: 'private_message', postId: null, senderId, text: 'Hej! När töms glasigloon?' });
    const number = numberOf(first);
    expect((await getCase(number)).channel).toBe('facebook');
    expect(await social({ kind: 'private_message', postId: null, senderId, text: 'Vid Solna centrum' })).toEqual({
      kind: 'entry',
      number,
    });
  });

  it('a comment on a closed post case reopens it within the window, else opens a child case', async () => {
    const postId = `p${Date.now()}`;
    const number = numberOf(await social({ kind: 'comment', postId, text: 'När plogas Bergshamra?' }));
    const view = await getCase(number);
    expect(await social({ kind: 'comment', postId, senderId: 'other', text: 'Samma här' })).toEqual({
      kind: 'entry',
      number,
    });
    await close(view, 2);
    expect(await social({ kind: 'comment', postId, text: 'Fortfarande inte plogat' })).toEqual({
      kind: 'reopened',
      number,
    });
    await close(view, REOPEN_DAYS + 3);
    expect(await social({ kind: 'comment', postId, text: 'Nu igen' })).toMatchObject({
      kind: 'child',
      parentNumber: number,
    });
  });
});

describe('web forms', () => {
  it('always register a new case with the fields, contact, position and files', async () => {
    const data: FormSubmittedV1Data = formSubmittedV1.data.parse({
      ...formSubmittedV1.example,
      intakeId: randomUUID(),
      customerWantsAnswer: false,
      attachments: [{ filename: 'foto.jpg', contentType: 'image/jpeg', size: 10, blobKey: 'f/att-0' }],
    });
    const a = numberOf(await run((m) => intake.form(m, data, system())));
    const b = numberOf(await run((m) => intake.form(m, { ...data, intakeId: randomUUID() }, system())));
    expect(a).not.toBe(b);
    const view = await getCase(a);
    expect(view).toMatchObject({
      channel: 'web_form',
      title: data.title,
      customerWantsAnswer: false,
      location: { type: 'Point', coordinates: [18.0009, 59.3625] },
    });
    const [entry] = await timeline(a);
    expect(entry.kind).toBe('inbound_web');
    expect(entry.from).toBe(data.contact.email);
    expect(entry.text).toContain(`${data.fields[0].label}: ${data.fields[0].value}`);
    expect(entry.text).toContain('59.362500, 18.000900');
    expect(entry.attachments.map((f) => f.fileName)).toEqual(['foto.jpg']);
  });
});

describe('outbound messages', () => {
  it('a reply to an outbound e-mail recorded with its Message-ID threads onto the case', async () => {
    const view = await ctx.newCase({ title: 'Fråga om förskoleplats' });
    await entries.add(
      AddEntryRequestV1.parse({
        number: view.number,
        kind: 'outbound_email',
        text: 'Hej! Du har fått en plats från januari.',
        messageId: '<svar-42@kommun.example>',
      }),
      ctx.as(),
    );
    expect(await email(mail({ subject: 'Tack!', inReplyTo: '<SVAR-42@kommun.example>' }))).toEqual({
      kind: 'entry',
      number: view.number,
    });
  });
});
