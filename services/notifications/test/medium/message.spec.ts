import { randomUUID } from 'node:crypto';
import { emailReceivedV1, listMessagesV1, type MessageView, sendEmailV1 } from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import { expectEventually, factory, readStream } from '@arende/testing';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
const schema = 'notifications';

const as = (actor: Partial<RpcContext['actor']> = {}): RpcContext => ({
  actor: factory.actor(actor),
  correlationId: factory.correlationId(),
});
const staff = () => as({ kind: 'staff', id: 'anna', name: 'Anna Agent', roles: ['agent'] });
const system = (): RpcContext => ({
  actor: { kind: 'system', id: 'system', roles: [] },
  correlationId: factory.correlationId(),
});

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
// Refusals the sink is told to make go to the next mail: let earlier tests' mail go out first.
beforeEach(async () => {
  await expectEventually(async () => {
    const queued = await h.ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".message WHERE status = 'queued'`,
    );
    expect(queued[0].n).toBe(0);
  });
  h.sink.clear();
});

async function listed(caseNumber: string): Promise<MessageView[]> {
  return (await h.rpc.request(listMessagesV1, { caseNumber }, staff())).items;
}

describe('sendEmail', () => {
  it('mails the case number in the subject, a reply address and a Message-ID, and writes the mail onto the case', async () => {
    h.cases.add('2026-000101');
    const queued = await h.rpc.request(
      sendEmailV1,
      {
        to: 'Eva@Example.org',
        subject: 'Trasig gatlykta',
        text: 'Hej Eva! Lyktan lagas i veckan.',
        caseNumber: '2026-000101',
      },
      staff(),
    );
    expect(queued).toMatchObject({
      status: 'queued',
      recipient: 'eva@example.org',
      subject: 'Ärende 2026-000101: Trasig gatlykta',
    });
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('eva@example.org');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail).toMatchObject({
      from: 'kundtjanst@kommun.example',
      replyTo: 'kundtjanst@kommun.example',
      subject: 'Ärende 2026-000101: Trasig gatlykta',
      messageId: queued.messageId,
    });
    expect(mail.text.trim()).toBe('Hej Eva! Lyktan lagas i veckan.');
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    const entry = await expectEventually(() => {
      const found = h.entries.find((e) => e.data.messageId === queued.messageId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry.data).toMatchObject({ number: '2026-000101', kind: 'outbound_email' });
    expect(entry.actor).toMatchObject({ kind: 'staff', id: 'anna' });
    const [view] = await listed('2026-000101');
    expect(view).toMatchObject({
      status: 'sent',
      attempts: 1,
      reason: null,
      log: [expect.objectContaining({ outcome: 'sent' })],
    });
    await expectEventually(async () => {
      const events = await readStream(h.ctx.js, h.ctx.jsm, h.ctx.names.stream('notifications'));
      expect(events.map((e) => (e.json as { data: { id: string } }).data.id)).toContain(queued.id);
    });
  });

  it('keeps the subject as it is when it names the case already', async () => {
    const queued = await h.rpc.request(
      sendEmailV1,
      { to: 'a@example.org', subject: 'SV: Ärende 2026-000102 om snö', text: '.', caseNumber: '2026-000102' },
      staff(),
    );
    expect(queued.subject).toBe('SV: Ärende 2026-000102 om snö');
  });

  it('retries a temporary refusal with growing pauses and sends in the end', async () => {
    h.sink.failNext(2, 451);
    const queued = await h.rpc.request(
      sendEmailV1,
      { to: 'retry@example.org', subject: 'Påminnelse', text: '.' },
      system(),
    );
    await expectEventually(() => expect(h.sink.messages('retry@example.org')).toHaveLength(1));
    const view = await expectEventually(async () => {
      const [row] = await h.ctx.dataSource.query<
        { status: string; attempts: number; log: { outcome: string; at: string }[] }[]
      >(`SELECT status, attempts, log FROM "${schema}".message WHERE id = $1`, [queued.id]);
      expect(row.status).toBe('sent');
      return row;
    });
    expect(view.attempts).toBe(3);
    expect(view.log.map((l) => l.outcome)).toEqual(['temporary_failure', 'temporary_failure', 'sent']);
    const gaps = [1, 2].map((i) => Date.parse(view.log[i].at) - Date.parse(view.log[i - 1].at));
    expect(gaps[0]).toBeGreaterThanOrEqual(40);
    expect(gaps[1]).toBeGreaterThanOrEqual(80);
  });

  it('gives up after the last attempt and records why', async () => {
    h.sink.failNext(3, 421);
    h.cases.add('2026-000103');
    await h.rpc.request(
      sendEmailV1,
      { to: 'down@example.org', subject: 'x', text: '.', caseNumber: '2026-000103' },
      system(),
    );
    const [view] = await expectEventually(async () => {
      const items = await listed('2026-000103');
      expect(items[0].status).toBe('failed');
      return items;
    });
    expect(view.attempts).toBe(3);
    expect(view.reason).toMatch(/^GAVE_UP after 3 attempts/);
    expect(h.entries.some((e) => e.data.number === '2026-000103')).toBe(false);
  });

  it('fails at once on a permanent refusal, with the relay’s answer as the reason, and publishes it', async () => {
    h.sink.failNext(1, 550);
    h.cases.add('2026-000104');
    const queued = await h.rpc.request(
      sendEmailV1,
      { to: 'gone@example.org', subject: 'x', text: '.', caseNumber: '2026-000104' },
      system(),
    );
    const [view] = await expectEventually(async () => {
      const items = await listed('2026-000104');
      expect(items[0].status).toBe('failed');
      return items;
    });
    expect(view.attempts).toBe(1);
    expect(view.reason).toContain('550');
    await expectEventually(async () => {
      const events = await readStream(h.ctx.js, h.ctx.jsm, h.ctx.names.stream('notifications'));
      const failed = events.find((e) => (e.json as { data: { id: string } }).data.id === queued.id);
      expect(failed?.subject).toBe(h.ctx.names.subject('notifications.evt.message-failed.v1'));
    });
  });

  it('queues one message for one dedupe key', async () => {
    const input = { to: 'once@example.org', subject: 'En gång', text: '.', dedupeKey: 'test:once' };
    const first = await h.rpc.request(sendEmailV1, input, system());
    const second = await h.rpc.request(sendEmailV1, input, system());
    expect(second.id).toBe(first.id);
    await expectEventually(() => expect(h.sink.messages('once@example.org')).toHaveLength(1));
  });

  it('still sends when the case is closed, and leaves the timeline alone', async () => {
    h.cases.add('2026-000105');
    h.closed.add('2026-000105');
    await h.rpc.request(
      sendEmailV1,
      { to: 'closed@example.org', subject: 'Stängt', text: '.', caseNumber: '2026-000105' },
      system(),
    );
    await expectEventually(() => expect(h.sink.messages('closed@example.org')).toHaveLength(1));
    await expectEventually(async () => {
      const [row] = await h.ctx.dataSource.query<{ case_entry: string }[]>(
        `SELECT case_entry FROM "${schema}".message WHERE case_number = $1`,
        ['2026-000105'],
      );
      expect(row.case_entry).toBe('skipped');
    });
  });

  it('refuses contractors and citizens with AUTH.FORBIDDEN', async () => {
    for (const kind of ['contractor', 'citizen'] as const) {
      await expect(
        h.rpc.request(sendEmailV1, { to: 'x@example.org', subject: 'x', text: '.' }, as({ kind })),
      ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
  });
});

describe('listMessages', () => {
  it('answers CASE.NOT_FOUND for a case the caller cannot see', async () => {
    await expect(h.rpc.request(listMessagesV1, { caseNumber: '2026-009999' }, staff())).rejects.toMatchObject({
      code: 'CASE.NOT_FOUND',
    });
  });
});

describe('suppression', () => {
  const inbound = (overrides: Partial<typeof emailReceivedV1.example>) => ({
    ...emailReceivedV1.example,
    intakeId: randomUUID(),
    messageId: `<${randomUUID()}@example.org>`,
    ...overrides,
  });

  it('never writes to an address that answered automatically', async () => {
    await h.publish(emailReceivedV1, inbound({ from: [{ address: 'Ledig@Example.org', name: '' }], autoReply: true }));
    await expectEventually(async () => {
      const view = await h.rpc.request(sendEmailV1, { to: 'ledig@example.org', subject: 's', text: '.' }, system());
      expect(view.status).toBe('suppressed');
      expect(view.reason).toContain('automatically');
    });
    expect(h.sink.messages('ledig@example.org')).toEqual([]);
  });

  it('suppresses the recipient of a message that bounced, and marks the message failed', async () => {
    h.cases.add('2026-000106');
    const sent = await h.rpc.request(
      sendEmailV1,
      { to: 'bounce@example.org', subject: 'x', text: '.', caseNumber: '2026-000106' },
      system(),
    );
    await expectEventually(() => expect(h.sink.messages('bounce@example.org')).toHaveLength(1));
    await h.publish(
      emailReceivedV1,
      inbound({
        from: [{ address: 'mailer-daemon@example.org', name: '' }],
        subject: 'Undelivered Mail Returned to Sender',
        bounce: true,
        bouncedMessageIds: [sent.messageId!],
      }),
    );
    await expectEventually(async () => {
      const [view] = await listed('2026-000106');
      expect(view.status).toBe('failed');
      expect(view.reason).toMatch(/^BOUNCED/);
    });
    const again = await h.rpc.request(sendEmailV1, { to: 'bounce@example.org', subject: 'y', text: '.' }, system());
    expect(again.status).toBe('suppressed');
  });
});
