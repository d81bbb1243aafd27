import { randomUUID } from 'node:crypto';
import {
  caseAlarmRaisedV1,
  caseAssignedV1,
  inAppNotificationV1,
  slaDailyReportV1,
  slaReminderV1,
} from '@arende/contracts';
import { expectEventually, readStream } from '@arende/testing';
import { type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const reminder = (overrides: Partial<typeof slaReminderV1.example>) => ({
  ...slaReminderV1.example,
  timerId: randomUUID(),
  ...overrides,
});

/** The in-app notifications on the notifications stream so far (data only). */
async function inAppNotifications() {
  const stored = await readStream(h.ctx.js, h.ctx.jsm, h.ctx.names.stream('notifications'));
  return stored
    .filter((m) => m.subject === h.ctx.names.subject(inAppNotificationV1.subject))
    .map((m) => inAppNotificationV1.envelope.parse(m.json).data);
}

describe('sla reminders', () => {
  it('mails every recipient: a user, an inbox, an address and the customer, each once', async () => {
    h.cases.add('2026-000201');
    h.staff.set('karin', 'karin.oberg@kommun.example');
    h.inboxes.set('snorojning-ab', 'arbetsorder@snorojning-ab.example');
    h.customers.set('2026-000201', 'eva@example.org');
    const data = reminder({
      number: '2026-000201',
      title: 'Snö ej röjd på Råsundavägen',
      text: 'Ärendet är inte kvitterat.',
      dueAt: '2026-11-23T10:15:00.000Z',
      recipients: [
        { kind: 'user', userId: 'karin' },
        { kind: 'inbox', inboxId: 'snorojning-ab' },
        { kind: 'email', address: 'kundtjanst@solna.example' },
        { kind: 'customer' },
      ],
    });
    await h.publish(slaReminderV1, data);
    // The same firing again (a new event id): nothing more is sent.
    await h.publish(slaReminderV1, data);
    const expected = [
      'karin.oberg@kommun.example',
      'arbetsorder@snorojning-ab.example',
      'kundtjanst@solna.example',
      'eva@example.org',
    ];
    await expectEventually(() => {
      for (const to of expected) expect(h.sink.messages(to)).toHaveLength(1);
    });
    const [mail] = h.sink.messages('arbetsorder@snorojning-ab.example');
    expect(mail.subject).toBe('Ärende 2026-000201: Påminnelse: Snö ej röjd på Råsundavägen');
    expect(mail.text).toContain('Ärendet är inte kvitterat.');
    expect(mail.text).toContain('Förfaller: 2026-11-23 11:15');
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const to of expected) expect(h.sink.messages(to)).toHaveLength(1);
  });

  it('sends the next round again, labelled an escalation', async () => {
    h.cases.add('2026-000202');
    const timerId = randomUUID();
    const recipients = [{ kind: 'email' as const, address: 'chef@kommun.example' }];
    await h.publish(slaReminderV1, reminder({ timerId, number: '2026-000202', round: 1, recipients }));
    await h.publish(
      slaReminderV1,
      reminder({ timerId, number: '2026-000202', round: 2, stage: 'escalation', recipients }),
    );
    const mails = await expectEventually(() => {
      const got = h.sink.messages('chef@kommun.example');
      expect(got).toHaveLength(2);
      return got;
    });
    expect(mails.map((m) => m.subject.split(': ')[1])).toEqual(expect.arrayContaining(['Påminnelse', 'Eskalering']));
  });

  it('skips a recipient that is gone or has no address and still mails the others', async () => {
    h.cases.add('2026-000203');
    h.inboxes.set('utan-adress', null);
    await h.publish(
      slaReminderV1,
      reminder({
        number: '2026-000203',
        recipients: [
          { kind: 'user', userId: 'unknown-user' },
          { kind: 'inbox', inboxId: 'utan-adress' },
          { kind: 'customer' },
          { kind: 'email', address: 'kvar@kommun.example' },
        ],
      }),
    );
    await expectEventually(() => expect(h.sink.messages('kvar@kommun.example')).toHaveLength(1));
  });
});

describe('in-app notifications', () => {
  it('go beside the mail to each user and inbox recipient, not to addresses or the customer', async () => {
    h.cases.add('2026-000205');
    h.staff.set('elin', null);
    h.inboxes.set('stadsbyggnad', 'stadsbyggnad@kommun.example');
    const data = reminder({
      number: '2026-000205',
      title: 'Bygglov utan svar',
      kind: 'acknowledgement',
      stage: 'reminder',
      text: 'Ärendet är inte kvitterat.',
      recipients: [
        { kind: 'user', userId: 'elin' },
        { kind: 'inbox', inboxId: 'stadsbyggnad' },
        { kind: 'email', address: 'chef@kommun.example' },
        { kind: 'customer' },
      ],
    });
    await h.publish(slaReminderV1, data);
    const ofCase = async () => (await inAppNotifications()).filter((n) => n.caseNumber === '2026-000205');
    const got = await expectEventually(async () => {
      const found = await ofCase();
      expect(found).toHaveLength(2);
      return found;
    });
    const common = {
      kind: 'reminder',
      caseId: data.caseId,
      title: 'Påminnelse: Bygglov utan svar',
      text: 'Ärendet är inte kvitterat.',
      link: '/cases/2026-000205',
    };
    // elin has no e-mail address in the directory and is still told in the agent client.
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ...common,
          to: { kind: 'user', userName: 'elin' },
          notificationId: `reminder:${data.timerId}:1:user:elin`,
        }),
        expect.objectContaining({
          ...common,
          to: { kind: 'inbox', inboxId: 'stadsbyggnad' },
          notificationId: `reminder:${data.timerId}:1:inbox:stadsbyggnad`,
        }),
      ]),
    );
    await expectEventually(() => expect(h.sink.messages('stadsbyggnad@kommun.example')).toHaveLength(1));
  });

  it('say watch for a watch and escalation for an escalation, and tell an inbox of its daily report', async () => {
    h.cases.add('2026-000206');
    const user = [{ kind: 'user' as const, userId: 'elin' }];
    await h.publish(
      slaReminderV1,
      reminder({ number: '2026-000206', kind: 'watch', stage: 'notice', recipients: user }),
    );
    await h.publish(
      slaReminderV1,
      reminder({ number: '2026-000206', kind: 'acknowledgement', stage: 'escalation', round: 2, recipients: user }),
    );
    const reportId = randomUUID();
    await h.publish(slaDailyReportV1, { ...slaDailyReportV1.example, reportId, inboxId: 'stadsbyggnad' });
    await expectEventually(async () => {
      const all = await inAppNotifications();
      expect(
        all
          .filter((n) => n.caseNumber === '2026-000206')
          .map((n) => n.kind)
          .sort(),
      ).toEqual(['escalation', 'watch']);
      expect(all.filter((n) => n.notificationId === `daily-report:${reportId}:inbox:stadsbyggnad`)).toEqual([
        expect.objectContaining({ kind: 'report', caseNumber: null, link: null, title: 'Uppföljning 2026-11-24' }),
      ]);
    });
  });
});

describe('assignment notices', () => {
  it('tell a person someone else gave them a case, and say nothing when they took it themselves', async () => {
    const karin = { kind: 'staff' as const, id: 'subject-of-karin', userName: 'karin', name: 'Karin Öberg', roles: [] };
    const given = { ...caseAssignedV1.example, caseId: randomUUID(), number: '2026-000301', assigneeId: 'elin' };
    const taken = { ...caseAssignedV1.example, caseId: randomUUID(), number: '2026-000302', assigneeId: 'karin' };
    const removed = { ...given, number: '2026-000303', assigneeId: null, assigneeName: null };
    await h.publish(caseAssignedV1, given, karin);
    await h.publish(caseAssignedV1, taken, karin);
    await h.publish(caseAssignedV1, removed, karin);
    await expectEventually(async () => {
      const all = (await inAppNotifications()).filter((n) => n.kind === 'assignment');
      expect(all).toEqual([
        expect.objectContaining({
          to: { kind: 'user', userName: 'elin' },
          caseId: given.caseId,
          caseNumber: '2026-000301',
          text: 'Karin Öberg har gett dig ärende 2026-000301.',
          link: '/cases/2026-000301',
        }),
      ]);
    });
    // The two events after it were handled too (one consumer, in order), and gave nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await inAppNotifications()).filter((n) => n.kind === 'assignment')).toHaveLength(1);
  });
});

describe('daily reports', () => {
  it('mails the inbox its open cases, overdue marked', async () => {
    h.inboxes.set('bygglov', 'bygglov@kommun.example');
    await h.publish(slaDailyReportV1, {
      ...slaDailyReportV1.example,
      reportId: randomUUID(),
      inboxId: 'bygglov',
      date: '2026-11-24',
    });
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('bygglov@kommun.example');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.subject).toBe('Uppföljning 2026-11-24: 1 ärenden, 1 försenade');
    expect(mail.text).toContain('! 2026-000123  Snö ej röjd på Råsundavägen');
  });
});

describe('alarms', () => {
  it('mails the alarm address with the case number and the alarm words', async () => {
    h.cases.add('2026-000204');
    await h.publish(caseAlarmRaisedV1, { ...caseAlarmRaisedV1.example, number: '2026-000204' });
    const [mail] = await expectEventually(() => {
      const got = h.sink.messages('larm@kommun.example');
      expect(got).toHaveLength(1);
      return got;
    });
    expect(mail.subject).toBe('Ärende 2026-000204: LARM: Vattenläcka i källaren på Skolgatan 4');
    expect(mail.text).toContain('Larmord: vattenläcka');
  });
});
