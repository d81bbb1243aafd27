import { randomUUID } from 'node:crypto';
import {
  type EntryAttachment,
  caseDistributedV1,
  exampleEntry,
  exampleReferral,
  listMessagesV1,
  referralSentV1,
} from '@arende/contracts';
import { expectEventually, factory } from '@arende/testing';
import { type Harness, oneMailTo, startHarness } from './harness.js';

let h: Harness;

// A cap of 1000 bytes for the attachments of one mail, so small files reach it.
beforeAll(async () => {
  h = await startHarness({ MAIL_ATTACHMENTS_MAX_BYTES: '1000' });
});
afterAll(() => h?.close());

/** An attachment of a case, its file in the blob store. */
async function stored(fileName: string, contentType: string, content: Buffer): Promise<EntryAttachment> {
  const id = randomUUID();
  const storageKey = `intake/2026/12/03/${id}/${fileName}`;
  await h.blobs.put(storageKey, content, contentType);
  return { id, fileName, contentType, size: content.length, storageKey };
}

function referral(number: string, to: string, attachments: EntryAttachment[]) {
  h.cases.add(number);
  return {
    ...exampleReferral,
    id: randomUUID(),
    caseId: randomUUID(),
    caseNumber: number,
    referralNumber: `${number}-R1`,
    to: { email: to, name: 'Trafikenheten' },
    messageId: `<referral.${randomUUID()}@arende.kommun.example>`,
    attachments,
    caseTitle: 'Farthinder',
    inboxId: 'kundtjanst',
  };
}

const oneMail = (to: string) => oneMailTo(h.sink, to);

describe('the case’s attachments in mail', () => {
  it('sends a referral with the chosen files, and names those too large or never stored', async () => {
    const photo = await stored(
      'gata.jpg',
      'image/jpeg',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300, 7)]),
    );
    const map = await stored('karta.pdf', 'application/pdf', Buffer.from('%PDF-1.4 karta'));
    const big = await stored('ritning.pdf', 'application/pdf', Buffer.alloc(900, 1));
    const unstored: EntryAttachment = { id: randomUUID(), fileName: 'samtal.txt', contentType: 'text/plain', size: 5 };
    await h.publish(referralSentV1, referral('2026-000601', 'trafik601@solna.example', [photo, map, big, unstored]));
    const mail = await oneMail('trafik601@solna.example');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['gata.jpg', 'image/jpeg', photo.size],
      ['karta.pdf', 'application/pdf', map.size],
    ]);
    expect(mail.text).toContain('Bifogade filer: gata.jpg, karta.pdf.');
    expect(mail.text).toContain('fås från kundtjänst på begäran: ritning.pdf.');
    expect(mail.text).toContain('Finns i ärendet, fås från kundtjänst på begäran: samtal.txt.');
  });

  it('sends a distribution to an external system with every attachment of the case when the distributor chose them', async () => {
    const first = await stored('bild1.png', 'image/png', Buffer.from('first file'));
    const second = await stored('bild2.png', 'image/png', Buffer.from('second file'));
    h.cases.add('2026-000602');
    h.caseViews.set('2026-000602', { title: 'Trasig parkbänk', description: 'Bänken är sönder.' });
    h.timelines.set('2026-000602', [
      { ...exampleEntry, id: randomUUID(), text: 'Första mejlet.', attachments: [first] },
      { ...exampleEntry, id: randomUUID(), text: 'Andra mejlet.', attachments: [second, first] },
    ]);
    const distribution = (to: string, attachments: boolean) => ({
      ...caseDistributedV1.example,
      caseId: randomUUID(),
      entryId: randomUUID(),
      number: '2026-000602',
      kind: 'external_system' as const,
      toInboxId: caseDistributedV1.example.fromInboxId,
      notifyCustomer: null,
      email: { to: [to], include: { description: true, entries: false, attachments, customer: false } },
    });
    await h.publish(caseDistributedV1, distribution('park602@solna.example', true));
    await h.publish(caseDistributedV1, distribution('utan602@solna.example', false));
    const mail = await oneMail('park602@solna.example');
    expect(mail.attachments.map((a) => [a.filename, a.size])).toEqual([
      ['bild1.png', first.size],
      ['bild2.png', second.size],
    ]);
    expect(mail.text).toContain('Bänken är sönder.');
    expect(mail.text).toContain('Bifogade filer: bild1.png, bild2.png.');
    const without = await oneMail('utan602@solna.example');
    expect(without.attachments).toEqual([]);
    expect(without.text).not.toContain('bild1.png');
  });

  it('fails the mail for good, with the reason, when a file is gone from the store', async () => {
    const gone = await stored('borta.pdf', 'application/pdf', Buffer.from('snart borta'));
    await h.blobs.delete(gone.storageKey!);
    await h.publish(referralSentV1, referral('2026-000603', 'trafik603@solna.example', [gone]));
    const [message] = await expectEventually(async () => {
      const { items } = await h.rpc.request(
        listMessagesV1,
        { caseNumber: '2026-000603' },
        { actor: factory.actor(), correlationId: factory.correlationId() },
      );
      expect(items.map((m) => m.status)).toEqual(['failed']);
      return items;
    });
    expect(message.reason).toContain('ATTACHMENT.MISSING');
    expect(h.sink.messages('trafik603@solna.example')).toEqual([]);
  });
});
