import pg from 'pg';
import { type CaseEventView, type CaseView, type EntryView, type ReferralView, SYSTEM_ACTOR } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import { type Platform, startPlatform } from '../src/platform.js';
import { SmtpClient, textMessage } from '../src/smtp-client.js';
import { Api } from './api.js';

// Issue 6's acceptance: a mail about snow clearing arrives over SMTP and lands, templated, in the snow-clearing
// contractor's inbox with the right priority and SLA, without a person touching it.

let platform: Platform;
let api: Api;
let db: pg.Client;

/** The demo contractor fredrik's organisation, and its external-party inbox in the demo catalogue. */
const CONTRACTOR = 'snorojning-ab';

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  db = new pg.Client(platform.databaseUrl);
  await db.connect();
  // The demo catalogue, through the gateway as the admin: the contractor inbox and the snow-clearing template
  // (prioritised, SLA 240 minutes to answer and 24 hours to resolve) among the others.
  await platform.seedRouting();
});

afterAll(async () => {
  await db?.end();
  await platform?.stop();
});

async function send(from: string, subject: string, text: string): Promise<void> {
  const smtp = await SmtpClient.connect(platform.smtpPort);
  try {
    const messageId = `<${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}@example.se>`;
    const raw = textMessage({ from, to: platform.intakeAddress, subject, text, messageId });
    expect((await smtp.send(from, [platform.intakeAddress], raw)).code).toBe(250);
  } finally {
    await smtp.close();
  }
}

async function caseNumberByTitle(title: string): Promise<string> {
  return expectEventually(
    async () => {
      const { rows } = await db.query<{ number: string }>(`SELECT number FROM case_core."case" WHERE title = $1`, [
        title,
      ]);
      expect(rows).toHaveLength(1);
      return rows[0].number;
    },
    { timeoutMs: 15_000 },
  );
}

describe('a mail about snow clearing', () => {
  it('lands templated in the contractor’s inbox with the template’s priority and SLA, and the contractor sees it', async () => {
    const title = `Ingen snöröjning på Råsundavägen ${Date.now().toString(36)}`;
    await send('asa.oberg@example.se', title, 'Hej!\nTrottoaren utanför nr 12 är inte röjd sedan i morse.\nMvh Åsa');
    const number = await caseNumberByTitle(title);

    // The contractor reads it through the gateway: case-core shows it because it is their organisation's.
    const seen = await api.call<CaseView>('GET', `/api/v1/cases/${number}`, { as: 'fredrik' });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      title,
      channel: 'email',
      templateId: 'snorojning-utebliven',
      caseTypeId: 'snorojning-utebliven',
      categoryId: 'felanmalan',
      orgUnitId: 'stadsbyggnad',
      servicePointId: 'kundtjanst',
      inboxId: CONTRACTOR,
      externalOrganisationId: CONTRACTOR,
      priority: 'prioritised',
      status: 'new',
      sla: { responseMinutes: 240, resolutionHours: 24, calendarId: null },
      assigneeId: null,
    });
    const inbox = await api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/snorojning-ab/cases', {
      as: 'fredrik',
    });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((c) => c.number)).toContain(number);

    // Nobody touched it: every line of its log is the platform's own.
    const log = await api.call<{ items: CaseEventView[] }>('GET', `/api/v1/cases/${number}/events`, { as: 'david' });
    expect(log.status).toBe(200);
    expect(log.body.items.map((line) => line.kind).sort()).toEqual(['entry-added', 'registered', 'templated']);
    expect(new Set(log.body.items.map((line) => line.actor.id))).toEqual(new Set([SYSTEM_ACTOR.id]));

    // An agent of customer service does not see the contractor's case.
    expect((await api.call('GET', `/api/v1/cases/${number}`, { as: 'anna' })).status).toBe(404);
  });

  it('leaves a mail about something else in the default inbox, untemplated', async () => {
    const title = `Fråga om parkeringstillstånd ${Date.now().toString(36)}`;
    await send('per@example.se', title, 'Hur ansöker jag om parkeringstillstånd för boende?');
    const number = await caseNumberByTitle(title);
    const view = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    expect(view.body).toMatchObject({ inboxId: 'kundtjanst', templateId: null, sla: null, priority: 'normal' });
    expect((await api.call('GET', `/api/v1/cases/${number}`, { as: 'fredrik' })).status).toBe(404);
  });
});

describe('quick registration with a templateId', () => {
  it('fills what the request leaves out from the template, and refuses an unknown template with 422', async () => {
    const created = await api.call<CaseView>('POST', '/api/v1/cases', {
      body: { title: 'Fråga om altan', channel: 'phone', templateId: 'bygglov' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      templateId: 'bygglov',
      caseTypeId: 'bygglov',
      categoryId: 'ansokan',
      orgUnitId: 'stadsbyggnad',
      inboxId: 'stadsbyggnad',
      description: 'Frågor om bygglov, bygganmälan och attefallsåtgärder.',
      sla: { responseMinutes: 480, resolutionHours: 40, calendarId: null },
    });
    const unknown = await api.call('POST', '/api/v1/cases', { body: { title: 'x', templateId: 'finns-inte' } });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'CASE.REFERENCE_UNKNOWN' } });
  });
});

describe('a referral', () => {
  it('is sent from the case through the gateway, and its answer by mail threads back to it by the referral number', async () => {
    const registered = await api.call<CaseView>('POST', '/api/v1/cases', {
      body: { title: 'Önskemål om farthinder', channel: 'phone', inboxId: 'kundtjanst' },
    });
    expect(registered.status).toBe(201);
    const { number, version } = registered.body;
    const sent = await api.call<ReferralView>('POST', `/api/v1/cases/${number}/referrals`, {
      body: { version, to: { email: 'trafik@solna.example', name: 'Trafikenheten' }, message: 'Yttra er gärna.' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.referralNumber).toBe(`${number}-R1`);
    const bad = await api.call<{ code: string }>('POST', `/api/v1/cases/${number}/referrals`, {
      body: { version, to: { email: 'inte en adress' }, message: '' },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    // notifications mails it with the Message-ID the referral carries.
    const [mail] = await expectEventually(() => {
      const got = platform.sink.messages('trafik@solna.example');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.messageId).toBe(sent.body.messageId);
    expect(mail.subject).toContain(`Remiss ${sent.body.referralNumber}`);
    expect(mail.text).toContain('Yttra er gärna.');

    await send('trafik@solna.example', `SV: Remiss ${sent.body.referralNumber}`, 'Vi tillstyrker farthinder.');
    const answered = await expectEventually(
      async () => {
        const list = await api.call<{ items: ReferralView[] }>('GET', `/api/v1/cases/${number}/referrals`);
        expect(list.body.items[0]).toMatchObject({ status: 'answered' });
        return list.body.items[0];
      },
      { timeoutMs: 15_000 },
    );
    expect(answered.answers).toEqual([expect.objectContaining({ from: 'trafik@solna.example' })]);
    const after = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    expect(after.body.customerRepliedAt).not.toBeNull();
  });
});

describe('a referral with an attachment of the case', () => {
  it('carries the file intake stored, read from the blob store, in the mail to the recipient', async () => {
    const run = Date.now().toString(36);
    const subject = `Farthinder med bild ${run}`;
    const picture = Buffer.from(`en bild av gatan ${run}`);
    const boundary = `boundary-${run}`;
    const raw = [
      'From: kund@example.se',
      `To: ${platform.intakeAddress}`,
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <bild.${run}@example.se>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bilden visar var bilarna kör för fort.',
      `--${boundary}`,
      'Content-Type: image/png; name="gata.png"',
      'Content-Disposition: attachment; filename="gata.png"',
      'Content-Transfer-Encoding: base64',
      '',
      picture.toString('base64'),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const smtp = await SmtpClient.connect(platform.smtpPort);
    try {
      expect((await smtp.send('kund@example.se', [platform.intakeAddress], raw)).code).toBe(250);
    } finally {
      await smtp.close();
    }
    const number = await caseNumberByTitle(subject);
    const attachment = await expectEventually(async () => {
      const entries = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${number}/entries`);
      const files = entries.body.items.flatMap((e) => e.attachments);
      expect(files.map((a) => a.fileName)).toContain('gata.png');
      return files.find((a) => a.fileName === 'gata.png')!;
    });
    expect(attachment).toMatchObject({ contentType: 'image/png', size: picture.length });
    const current = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    const recipient = `trafik-${run}@solna.example`;
    const sent = await api.call<ReferralView>('POST', `/api/v1/cases/${number}/referrals`, {
      body: {
        version: current.body.version,
        to: { email: recipient, name: 'Trafikenheten' },
        message: 'Se bilden.',
        attachmentIds: [attachment.id],
      },
    });
    expect(sent.status).toBe(201);
    const mail = await expectEventually(
      () => {
        const got = platform.sink.messages(recipient);
        expect(got).toHaveLength(1);
        return got[0];
      },
      { timeoutMs: 15_000 },
    );
    expect(mail.attachments).toMatchObject([{ filename: 'gata.png', contentType: 'image/png', size: picture.length }]);
    expect(mail.text).toContain('Bifogade filer: gata.png.');
  });
});

// Last in this file: it stops routing for good.
describe('when routing is down', () => {
  it('still registers the mail, in the default inbox, with a log line saying it was not routed', async () => {
    await platform.kill('routing');
    const title = `Snöröjning saknas på Frösundaleden ${Date.now().toString(36)}`;
    await send('bo@example.se', title, 'Ingen har plogat här i dag.');
    const number = await caseNumberByTitle(title);
    const view = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    expect(view.body).toMatchObject({ inboxId: 'kundtjanst', templateId: null, sla: null });
    const log = await api.call<{ items: CaseEventView[] }>('GET', `/api/v1/cases/${number}/events`);
    const line = log.body.items.find((l) => l.kind === 'not-routed');
    expect(line?.changes?.reason.after).toMatch(/^SERVICE\.UNAVAILABLE/);
  });
});
