import pg from 'pg';
import type { CaseView, EntryView } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import { type Platform, startPlatform } from '../src/platform.js';
import { SmtpClient, textMessage } from '../src/smtp-client.js';
import { Api } from './api.js';

let platform: Platform;
let api: Api;
let db: pg.Client;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  db = new pg.Client(platform.databaseUrl);
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await platform?.stop();
});

const run = `${Date.now().toString(36)}`;
let seq = 0;
function message(subject: string, text: string, extra: { inReplyTo?: string; from?: string } = {}) {
  seq += 1;
  const messageId = `<e2e-${run}-${seq}@example.se>`;
  const from = extra.from ?? `kund${seq}@example.se`;
  return {
    from,
    messageId,
    raw: textMessage({ from, to: platform.intakeAddress, subject, text, messageId, inReplyTo: extra.inReplyTo }),
  };
}

async function caseByTitle(title: string): Promise<{ number: string; count: number } | null> {
  const { rows } = await db.query<{ number: string; count: string }>(
    `SELECT min(number) AS number, count(*) AS count FROM case_core."case" WHERE title = $1`,
    [title],
  );
  return rows[0].number === null ? null : { number: rows[0].number, count: Number(rows[0].count) };
}

describe('e-mail over SMTP becomes a case, and replies thread onto it', () => {
  it('registers a case with the mail as entry, threads a reply by subject and by In-Reply-To', async () => {
    const smtp = await SmtpClient.connect(platform.smtpPort);
    try {
      const title = `Snöröjning Råsundavägen ${run}`;
      const first = message(title, 'Hej!\nTrottoaren är inte plogad sedan i morse.\nMvh Åsa Öberg');
      expect((await smtp.send(first.from, [platform.intakeAddress], first.raw)).code).toBe(250);
      const found = await expectEventually(async () => {
        const hit = await caseByTitle(title);
        expect(hit).not.toBeNull();
        return hit!;
      });
      const view = await api.call<CaseView>('GET', `/api/v1/cases/${found.number}`);
      expect(view.body).toMatchObject({ title, channel: 'email', inboxId: 'kundtjanst', status: 'new' });

      const bySubject = message(`SV: Ärende ${found.number}`, 'Det är fortfarande inte plogat.', { from: first.from });
      const byHeader = message('Tack', 'Nu är det plogat, tack!', { inReplyTo: first.messageId });
      expect((await smtp.send(bySubject.from, [platform.intakeAddress], bySubject.raw)).code).toBe(250);
      expect((await smtp.send(byHeader.from, [platform.intakeAddress], byHeader.raw)).code).toBe(250);

      const entries = await expectEventually(async () => {
        const page = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${found.number}/entries`);
        expect(page.body.items.filter((e) => e.kind === 'inbound_email')).toHaveLength(3);
        return page.body.items;
      });
      // The two replies are applied concurrently, so either may come first on the timeline.
      expect(entries[0].text).toBe('Hej!\nTrottoaren är inte plogad sedan i morse.\nMvh Åsa Öberg');
      expect(
        entries
          .slice(1)
          .map((e) => e.text)
          .sort(),
      ).toEqual(['Det är fortfarande inte plogat.', 'Nu är det plogat, tack!']);
      expect(entries[0].attachments.map((a) => a.fileName)).toEqual(['original.eml']);
      const after = await api.call<CaseView>('GET', `/api/v1/cases/${found.number}`);
      expect(after.body.customerRepliedAt).not.toBeNull();
      expect((await caseByTitle(title))?.count).toBe(1);
    } finally {
      await smtp.close();
    }
  });
});

describe('SMS and web forms become cases', () => {
  it('an SMS from 46elks registers a case, and the next one from the same number threads onto it', async () => {
    const { smsUser, smsPassword } = platform.webhookSecrets;
    const from = `+4670${Date.now().toString().slice(-7)}`;
    const post = (id: string, message: string) =>
      fetch(`${platform.webhookUrl}/webhooks/sms/46elks`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${smsUser}:${smsPassword}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ id, from, to: '+46766861004', message, direction: 'incoming' }).toString(),
      });
    const first = await post(`s-${run}-1`, `Soptunnan på Ekvägen 4 har inte tömts ${run}`);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(''); // 46elks would send any body back to the citizen as an SMS
    const found = await expectEventually(async () => {
      const hit = await caseByTitle(`Soptunnan på Ekvägen 4 har inte tömts ${run}`);
      expect(hit).not.toBeNull();
      return hit!;
    });
    expect((await post(`s-${run}-2`, 'Nu är den tömd, tack!')).status).toBe(200);
    await expectEventually(async () => {
      const page = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${found.number}/entries`);
      expect(page.body.items.map((e) => [e.kind, e.from, e.text])).toEqual([
        ['inbound_sms', from, `Soptunnan på Ekvägen 4 har inte tömts ${run}`],
        ['inbound_sms', from, 'Nu är den tömd, tack!'],
      ]);
    });
    const view = await api.call<CaseView>('GET', `/api/v1/cases/${found.number}`);
    expect(view.body.channel).toBe('sms');
    expect((await post(`s-${run}-2`, 'Nu är den tömd, tack!')).status).toBe(200); // a repeated delivery
    const metrics = await (await fetch(`${platform.intakeOpsUrl}/metrics`)).text();
    const count = (outcome: string) =>
      Number(
        metrics
          .split('\n')
          .find(
            (line) =>
              line.startsWith('inbound_messages_total{') &&
              line.includes('channel="sms"') &&
              line.includes(`outcome="${outcome}"`),
          )
          ?.split(' ')
          .at(-1) ?? 0,
      );
    expect([count('accepted'), count('duplicate')]).toEqual([2, 1]);
  });

  it('a web form submission registers a case with its fields, contact and position', async () => {
    const title = `Trasig gatlykta ${run}`;
    const response = await fetch(`${platform.webhookUrl}/forms/felanmalan-gata`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        fields: [{ name: 'beskrivning', label: 'Beskriv felet', value: 'Lyktan vid busshållplatsen är släckt.' }],
        contact: { name: 'Per Olsson', email: 'per@example.se' },
        customerWantsAnswer: true,
        position: { lat: 59.3625, lon: 18.0009 },
      }),
    });
    expect(response.status).toBe(202);
    const found = await expectEventually(async () => {
      const hit = await caseByTitle(title);
      expect(hit).not.toBeNull();
      return hit!;
    });
    const view = await api.call<CaseView>('GET', `/api/v1/cases/${found.number}`);
    expect(view.body).toMatchObject({ channel: 'web_form', customerWantsAnswer: true });
    const page = await api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${found.number}/entries`);
    expect(page.body.items[0]).toMatchObject({ kind: 'inbound_web', from: 'per@example.se' });
    expect(page.body.items[0].text).toContain('Beskriv felet: Lyktan vid busshållplatsen är släckt.');
    expect(page.body.items[0].text).toContain('59.362500, 18.000900');
  });
});

describe('the quarantine', () => {
  it('keeps a mail that breaks its contract, shows it to admins only, and re-processing it leaves it quarantined with its reason', async () => {
    const smtp = await SmtpClient.connect(platform.smtpPort);
    const subject = `Lång ämnesrad ${run} ${'x'.repeat(2100)}`;
    const bad = message(subject, 'Ämnesraden är för lång för händelsen.');
    try {
      expect((await smtp.send(bad.from, [platform.intakeAddress], bad.raw)).code).toBe(250);
    } finally {
      await smtp.close();
    }
    type Quarantined = { id: string; channel: string; status: string; reason: string; attempts: number };
    const listed = await api.call<{ items: Quarantined[] }>('GET', '/api/v1/admin/intake/quarantine', { as: 'david' });
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((q) => q.reason.includes('subject'));
    expect(item).toMatchObject({ channel: 'email', status: 'quarantined', attempts: 0 });
    expect((await api.call('GET', '/api/v1/admin/intake/quarantine', { as: 'anna' })).status).toBe(403);

    const shown = await api.call<Quarantined & { rawExcerpt: string }>(
      'GET',
      `/api/v1/admin/intake/quarantine/${item!.id}`,
      { as: 'david' },
    );
    expect(shown.body.rawExcerpt).toContain(bad.messageId);
    const again = await api.call<{ outcome: string; message: Quarantined }>(
      'POST',
      `/api/v1/admin/intake/quarantine/${item!.id}/reprocess`,
      { as: 'david' },
    );
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('quarantined');
    expect(again.body.message).toMatchObject({ status: 'quarantined', attempts: 1 });
    expect(await caseByTitle(subject)).toBeNull();
  });
});

describe('killing intake mid-run', () => {
  it('loses no accepted message and creates no duplicate case', async () => {
    const total = 240;
    const senders = 4;
    const titles = Array.from({ length: total }, (_, i) => `Kill-${run}-${i}`);
    const messages = titles.map((title) => message(title, `Meddelande ${title}`));
    const accepted = new Set<number>();
    let next = 0;
    let killed = false;

    // Like a real MTA: a message without a 250 is delivered again later, on a new connection.
    const sendAll = async (): Promise<void> => {
      let smtp: SmtpClient | null = null;
      for (;;) {
        const index = next++;
        if (index >= total) break;
        try {
          smtp ??= await SmtpClient.connect(platform.smtpPort);
          const reply = await smtp.send(messages[index].from, [platform.intakeAddress], messages[index].raw);
          if (reply.code === 250) accepted.add(index);
          else retry.push(index);
        } catch {
          retry.push(index);
          smtp = null;
        }
        if (!killed && index === Math.floor(total / 3)) {
          killed = true;
          await platform.kill('intake');
        }
      }
      await smtp?.close();
    };
    const retry: number[] = [];
    await Promise.all(Array.from({ length: senders }, sendAll));
    expect(killed).toBe(true);
    expect(retry.length).toBeGreaterThan(0); // the kill really interrupted deliveries

    await platform.restart('intake');
    const smtp = await SmtpClient.connect(platform.smtpPort);
    try {
      for (const index of retry) {
        const reply = await smtp.send(messages[index].from, [platform.intakeAddress], messages[index].raw);
        expect(reply.code).toBe(250);
        accepted.add(index);
      }
    } finally {
      await smtp.close();
    }
    expect(accepted.size).toBe(total);

    await expectEventually(
      async () => {
        const { rows } = await db.query<{ title: string; count: string }>(
          `SELECT title, count(*) AS count FROM case_core."case" WHERE title LIKE $1 GROUP BY title`,
          [`Kill-${run}-%`],
        );
        expect(rows.length).toBe(total);
        expect(rows.filter((row) => Number(row.count) !== 1)).toEqual([]);
      },
      { timeoutMs: 60_000 },
    );
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) AS count FROM intake.inbound_message WHERE message_id LIKE $1`,
      [`<e2e-${run}-%`],
    );
    // Every accepted message once in intake's log, plus the first test's three.
    expect(Number(rows[0].count)).toBe(total + 3);
  }, 180_000);
});
