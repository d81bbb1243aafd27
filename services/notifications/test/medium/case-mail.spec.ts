import { randomUUID } from 'node:crypto';
import { caseDistributedV1, exampleEntry, exampleReferral, referralSentV1 } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import { type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const include = { description: true, entries: false, attachments: false, customer: false };

function distributed(number: string, overrides: Partial<typeof caseDistributedV1.example> = {}) {
  return {
    ...caseDistributedV1.example,
    caseId: randomUUID(),
    entryId: randomUUID(),
    number,
    kind: 'external_system' as const,
    toInboxId: caseDistributedV1.example.fromInboxId,
    notifyCustomer: null,
    ...overrides,
  };
}

describe('mails that carry a case out', () => {
  it('mails a distribution to an external system to each recipient once, with what the distributor chose', async () => {
    h.cases.add('2026-000401');
    h.customers.set('2026-000401', 'kund401@example.org');
    h.caseViews.set('2026-000401', { title: 'Vattenläcka Solnavägen', description: 'Vatten sprutar ur brunnen.' });
    h.timelines.set('2026-000401', [
      { ...exampleEntry, id: randomUUID(), text: 'Första samtalet.', createdAt: '2026-11-30T08:00:00.000Z' },
      { ...exampleEntry, id: randomUUID(), text: 'Kunden ringde igen.', createdAt: '2026-11-30T09:00:00.000Z' },
    ]);
    const event = distributed('2026-000401', {
      note: 'Akut, skicka en jour.',
      email: {
        to: ['felanmalan@va.example', 'Felanmalan@va.example', 'arkiv@va.example'],
        include: { ...include, entries: true, customer: true },
      },
    });
    await h.publish(caseDistributedV1, event);
    await h.publish(caseDistributedV1, event);
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('felanmalan@va.example');
      expect(got).toHaveLength(1);
      expect(h.sink.messages('arkiv@va.example')).toHaveLength(1);
      return got;
    });
    expect(mail.subject).toBe('Ärende 2026-000401: Vattenläcka Solnavägen');
    expect(mail.text).toContain('Akut, skicka en jour.');
    expect(mail.text).toContain('Vatten sprutar ur brunnen.');
    expect(mail.text).toContain('kund401@example.org');
    expect(mail.text.indexOf('Första samtalet.')).toBeLessThan(mail.text.indexOf('Kunden ringde igen.'));
    expect(mail.text).toContain('Kunden ringde igen.');
    // The distribution entry records it; no outbound entry is added to the case.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.entries.filter((e) => e.data.number === '2026-000401')).toEqual([]);
    expect(h.sink.messages('felanmalan@va.example')).toHaveLength(1);
  });

  it('leaves out what the distributor did not choose, and says so for information', async () => {
    h.cases.add('2026-000402');
    h.customers.set('2026-000402', 'kund402@example.org');
    h.caseViews.set('2026-000402', { title: 'Fråga om bygglov', description: 'Får jag bygga en altan?' });
    await h.publish(
      caseDistributedV1,
      distributed('2026-000402', {
        kind: 'for_information',
        note: '',
        email: { to: ['chef@kommun.example'], include: { ...include, description: false } },
      }),
    );
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('chef@kommun.example');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.text).toContain('För kännedom.');
    expect(mail.text).not.toContain('altan');
    expect(mail.text).not.toContain('kund402@example.org');
  });

  it('mails a referral with its own Message-ID and number, so the answer threads back to it', async () => {
    h.cases.add('2026-000403');
    const referral = {
      ...exampleReferral,
      id: randomUUID(),
      caseId: randomUUID(),
      caseNumber: '2026-000403',
      referralNumber: '2026-000403-R1',
      to: { email: 'trafik@solna.example', name: 'Trafikenheten' },
      messageId: `<referral.${randomUUID()}@arende.kommun.example>`,
      caseTitle: 'Farthinder på Råsundavägen',
      inboxId: 'kundtjanst',
    };
    await h.publish(referralSentV1, referral);
    await h.publish(referralSentV1, referral);
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('trafik@solna.example');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.messageId).toBe(referral.messageId);
    // The referral number names the case too, so the subject is not prefixed again.
    expect(mail.subject).toBe('Remiss 2026-000403-R1: Farthinder på Råsundavägen');
    expect(mail.text).toContain('Hej Trafikenheten!');
    expect(mail.text).toContain(referral.message);
    expect(mail.text).toMatch(/Svara senast \d{1,2} \w+ 20\d\d/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.sink.messages('trafik@solna.example')).toHaveLength(1);
    expect(h.entries.filter((e) => e.data.number === '2026-000403')).toEqual([]);
  });
});
