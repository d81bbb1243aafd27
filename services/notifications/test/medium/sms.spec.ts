import { randomUUID } from 'node:crypto';
import { DomainError, caseAlarmRaisedV1, listMessagesV1, sendSmsV1, slaReminderV1 } from '@arende/contracts';
import { expectEventually, factory } from '@arende/testing';
import { type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const staff = () => ({
  actor: factory.actor({ kind: 'staff', id: 'anna', roles: ['agent'] }),
  correlationId: factory.correlationId(),
});

describe('text messages through 46elks', () => {
  it('sends a reminder to an sms recipient, form-encoded with basic auth, and writes it onto the case', async () => {
    h.cases.add('2026-000401');
    await h.publish(slaReminderV1, {
      ...slaReminderV1.example,
      timerId: randomUUID(),
      number: '2026-000401',
      title: 'Vattenläcka',
      text: 'Ärendet är inte kvitterat.',
      recipients: [{ kind: 'sms', phone: '+46701234567' }],
    });
    const sent = await expectEventually(() => {
      const got = h.elks.received.filter((r) => r.to === '+46701234567');
      expect(got).toHaveLength(1);
      return got[0];
    });
    expect(sent).toMatchObject({
      from: 'Solna',
      contentType: 'application/x-www-form-urlencoded',
      message: 'Påminnelse: ärende 2026-000401 Vattenläcka. Ärendet är inte kvitterat.',
    });
    const entry = await expectEventually(() => {
      const found = h.entries.find((e) => e.data.number === '2026-000401');
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry.data.kind).toBe('outbound_sms');
    const { items } = await h.rpc.request(listMessagesV1, { caseNumber: '2026-000401' }, staff());
    expect(items[0]).toMatchObject({ channel: 'sms', status: 'sent', recipient: '+46701234567' });
    expect(items[0].log[0].detail).toContain('1 part(s) gsm7');
  });

  it('retries when 46elks answers 503, and fails for good on 403', async () => {
    h.cases.add('2026-000402');
    h.elks.failNext(503);
    h.elks.failNext(403);
    await h.publish(caseAlarmRaisedV1, { ...caseAlarmRaisedV1.example, number: '2026-000402' });
    const [view] = await expectEventually(async () => {
      const { items } = await h.rpc.request(listMessagesV1, { caseNumber: '2026-000402' }, staff());
      const sms = items.filter((m) => m.channel === 'sms');
      expect(sms[0]?.status).toBe('failed');
      return sms;
    });
    expect(view.recipient).toBe('+46700000112');
    expect(view.log.map((l) => l.outcome)).toEqual(['temporary_failure', 'permanent_failure']);
    expect(view.reason).toContain('46elks 403');
  });

  it('sends a text staff write about a case (reply by SMS) and writes it onto the case as theirs', async () => {
    h.cases.add('2026-000403');
    const queued = await h.rpc.request(
      sendSmsV1,
      { to: '+46701230403', text: 'Hej! Lyktan lagas i veckan.', caseNumber: '2026-000403' },
      staff(),
    );
    expect(queued).toMatchObject({ channel: 'sms', purpose: 'manual', status: 'queued', recipient: '+46701230403' });
    const sent = await expectEventually(() => {
      const got = h.elks.received.find((r) => r.to === '+46701230403');
      expect(got).toBeDefined();
      return got!;
    });
    expect(sent.message).toBe('Hej! Lyktan lagas i veckan.');
    const entry = await expectEventually(() => {
      const found = h.entries.find((e) => e.data.number === '2026-000403');
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry.data).toMatchObject({
      kind: 'outbound_sms',
      text: 'Till: +46701230403\n\nHej! Lyktan lagas i veckan.',
    });
    expect(entry.actor).toMatchObject({ kind: 'staff', id: 'anna' });
  });

  it('refuses a text from a citizen', async () => {
    const citizen = {
      actor: factory.actor({ kind: 'citizen', id: 'sara', roles: ['citizen'] }),
      correlationId: factory.correlationId(),
    };
    const error = await h.rpc.request(sendSmsV1, { to: '+46701230404', text: 'Hej' }, citizen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('AUTH.FORBIDDEN');
  });
});
