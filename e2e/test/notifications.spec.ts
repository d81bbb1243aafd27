import pg from 'pg';
import { type CaseView, type EntryView, type MessageView, slaReminderV1 } from '@arende/contracts';
import { connectMessaging, createEnvelope } from '@arende/messaging';
import { expectEventually } from '@arende/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import { type Platform, startPlatform } from '../src/platform.js';
import { SmtpClient, textMessage } from '../src/smtp-client.js';
import { Api } from './api.js';

let platform: Platform;
let api: Api;
let db: pg.Client;
let nc: NatsConnection;
let js: JetStreamClient;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  db = new pg.Client(platform.databaseUrl);
  await db.connect();
  ({ nc, js } = await connectMessaging({
    servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    name: 'e2e-notifications',
    prefix: platform.prefix,
    streams: [],
  }));
});

afterAll(async () => {
  await nc?.drain();
  await db?.end();
  await platform?.stop();
});

const run = Date.now().toString(36);

describe('outbound mail threads back', () => {
  it('mails a reminder into the sink, writes it onto the case, and the customer’s reply to it threads onto the case', async () => {
    const customer = `kund-${run}@example.se`;
    const title = `Gatlykta släckt ${run}`;
    const smtp = await SmtpClient.connect(platform.smtpPort);
    try {
      const first = textMessage({
        from: customer,
        to: platform.intakeAddress,
        subject: title,
        text: 'Lyktan vid Storgatan 12 är släckt.',
        messageId: `<e2e-${run}-1@example.se>`,
      });
      expect((await smtp.send(customer, [platform.intakeAddress], first)).code).toBe(250);
      const number = await expectEventually(async () => {
        const { rows } = await db.query<{ number: string }>(`SELECT number FROM case_core."case" WHERE title = $1`, [
          title,
        ]);
        expect(rows).toHaveLength(1);
        return rows[0].number;
      });
      const view = await api.call<CaseView>('GET', `/api/v1/cases/${number}`);

      const envelope = createEnvelope(
        slaReminderV1,
        {
          ...slaReminderV1.example,
          timerId: crypto.randomUUID(),
          kind: 'customer_reply',
          stage: 'reminder',
          caseId: view.body.id,
          number,
          title,
          inboxId: view.body.inboxId,
          recipients: [{ kind: 'email', address: customer }],
          text: 'Vi väntar på ditt svar.',
        },
        { actor: { kind: 'service', id: 'sla-watcher', roles: [] }, correlationId: `e2e-${run}` },
      );
      await js.publish(`${platform.prefix}${slaReminderV1.subject}`, JSON.stringify(envelope), { msgID: envelope.id });

      const mail = await expectEventually(
        () => {
          const got = platform.sink.messages(customer);
          expect(got).toHaveLength(1);
          return got[0];
        },
        { timeoutMs: 15_000 },
      );
      expect(mail.subject).toBe(`Ärende ${number}: Påminnelse: ${title}`);
      expect(mail.replyTo).toBe(platform.intakeAddress);
      const overHttp = (await (
        await fetch(`${platform.sinkUrl}/messages?to=${encodeURIComponent(customer)}`)
      ).json()) as {
        items: { messageId: string }[];
      };
      expect(overHttp.items.map((m) => m.messageId)).toEqual([mail.messageId]);

      await expectEventually(async () => {
        const page = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${number}/entries`);
        expect(page.body.items.filter((e) => e.kind === 'outbound_email')).toHaveLength(1);
      });
      // The agent sees the message and its delivery state; someone outside the case's inbox gets 404.
      const messages = await api.call<{ items: MessageView[] }>('GET', `/api/v1/cases/${number}/messages`);
      expect(messages.status).toBe(200);
      expect(messages.body.items).toMatchObject([
        { recipient: customer, status: 'sent', purpose: 'reminder', messageId: mail.messageId, attempts: 1 },
      ]);
      expect((await api.call('GET', `/api/v1/cases/${number}/messages`, { as: 'elin' })).status).toBe(404);

      // A reply naming only the Message-ID (no case number in its subject) lands on the same case.
      const reply = textMessage({
        from: customer,
        to: platform.intakeAddress,
        subject: 'Svar på er fråga',
        text: 'Lyktan lyser igen.',
        messageId: `<e2e-${run}-2@example.se>`,
        inReplyTo: mail.messageId!,
      });
      expect((await smtp.send(customer, [platform.intakeAddress], reply)).code).toBe(250);
      await expectEventually(async () => {
        const page = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${number}/entries`);
        expect(page.body.items.filter((e) => e.kind === 'inbound_email').map((e) => e.text)).toEqual([
          'Lyktan vid Storgatan 12 är släckt.',
          'Lyktan lyser igen.',
        ]);
      });
    } finally {
      await smtp.close();
    }
  });
});
