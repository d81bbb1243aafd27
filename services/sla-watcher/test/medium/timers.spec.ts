import type { INestApplicationContext } from '@nestjs/common';
import { caseAcknowledgedV1, caseDistributedV1 } from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import { type Harness, createHarness } from '../support/harness.js';

// Monday 23 November 2026, 09:00 in Stockholm (CET, UTC+1); the default calendar is open 08:00–17:00 on weekdays.
const MONDAY_0900 = '2026-11-23T08:00:00.000Z';

let h: Harness;

beforeAll(async () => {
  h = await createHarness(MONDAY_0900);
});

afterAll(async () => {
  await h?.close();
});

/** Lets the loop look at the clock (it fires nothing it should not, so a short pause is enough to see that). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function distribute(
  caseId: string,
  number: string,
  toInboxId: string,
  inboxLimits: { acknowledgeMinutes: number | null; customerContactMinutes: number | null } = {
    acknowledgeMinutes: null,
    customerContactMinutes: null,
  },
): Promise<void> {
  await h.publish(caseDistributedV1, {
    ...inboxLimits,
    caseId,
    number,
    version: 2,
    kind: 'external_party',
    fromInboxId: 'kundtjanst',
    toInboxId,
    requiresFeedback: false,
    note: 'Plogning, tack.',
    entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    email: null,
    notifyCustomer: null,
  });
}

describe('timers', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await h.start();
  });

  afterAll(async () => {
    await h.stop(app);
  });

  it('reminds of an unacknowledged case exactly when due, once, then escalates once to the supervisor', async () => {
    h.clock.set(MONDAY_0900);
    const view = await h.register({ status: 'open', inboxId: 'kundtjanst' });
    await distribute(view.id, view.number, 'snorojning-ab');
    await expectEventually(async () =>
      expect(await h.timers(`case_id = '${view.id}' AND fired_at IS NULL`)).toHaveLength(2),
    );
    const mine = async () => (await h.reminders()).filter((r) => r.caseId === view.id);

    h.clock.set('2026-11-23T08:59:59.000Z');
    await settle();
    expect(await mine()).toEqual([]);

    h.clock.set('2026-11-23T09:00:00.000Z');
    await expectEventually(async () => expect(await mine()).toHaveLength(1));
    const [reminder] = await mine();
    expect(reminder).toMatchObject({
      kind: 'acknowledgement',
      stage: 'reminder',
      number: view.number,
      inboxId: 'snorojning-ab',
      dueAt: '2026-11-23T09:00:00.000Z',
      firedAt: '2026-11-23T09:00:00.000Z',
      recipients: [
        { kind: 'inbox', inboxId: 'snorojning-ab' },
        { kind: 'inbox', inboxId: 'kundtjanst' },
      ],
    });
    expect(reminder.text).toContain('inte kvitterat');

    // Ignored for 30 business minutes: the supervisor hears of it.
    h.clock.set('2026-11-23T09:29:00.000Z');
    await settle();
    expect(await mine()).toHaveLength(1);
    h.clock.set('2026-11-23T09:30:00.000Z');
    await expectEventually(async () => expect(await mine()).toHaveLength(2));
    expect((await mine())[1]).toMatchObject({
      kind: 'acknowledgement',
      stage: 'escalation',
      recipients: [{ kind: 'email', address: 'chef@kommun.example' }],
    });

    // Acknowledged now: the customer contact is still owed and reminds at its own limit (120 minutes).
    await h.publish(caseAcknowledgedV1, {
      caseId: view.id,
      number: view.number,
      version: 3,
      inboxId: 'snorojning-ab',
      by: 'erik.entreprenor',
      at: '2026-11-23T09:40:00.000Z',
    });
    h.clock.set('2026-11-23T10:00:00.000Z');
    await expectEventually(async () => expect(await mine()).toHaveLength(3));
    expect((await mine())[2]).toMatchObject({ kind: 'customer_contact', stage: 'reminder' });
    h.clock.set('2026-11-23T12:00:00.000Z');
    await settle();
    // The contact escalation fired at 10:30; nothing about the acknowledgement came again.
    const kinds = (await mine()).map((r) => `${r.kind}/${r.stage}`);
    expect(kinds).toEqual([
      'acknowledgement/reminder',
      'acknowledgement/escalation',
      'customer_contact/reminder',
      'customer_contact/escalation',
    ]);
  });
});

describe('acknowledgement limits', () => {
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await h.start();
  });

  afterAll(async () => {
    await h.stop(app);
  });

  const dueTimes = async (caseId: string) =>
    Object.fromEntries(
      (await h.timers(`case_id = '${caseId}' AND fired_at IS NULL`)).map((t) => [t.kind, t.due_at.toISOString()]),
    );

  it("takes the receiving inbox's limits over the platform's, and the template's over both", async () => {
    h.clock.set('2026-11-25T08:00:00.000Z');
    const limits = { acknowledgeMinutes: 15, customerContactMinutes: 45 };
    const byInbox = await h.register({ status: 'open', inboxId: 'kundtjanst' });
    await distribute(byInbox.id, byInbox.number, 'snorojning-ab', limits);
    const sla = {
      responseMinutes: null,
      resolutionHours: null,
      calendarId: null,
      feedbackHours: null,
      customerReminderDays: null,
      closeUnansweredDays: null,
      acknowledgeMinutes: 5,
      customerContactMinutes: null,
    };
    const byTemplate = await h.register({ status: 'open', inboxId: 'kundtjanst', sla });
    await distribute(byTemplate.id, byTemplate.number, 'snorojning-ab', limits);
    const byPlatform = await h.register({ status: 'open', inboxId: 'kundtjanst' });
    await distribute(byPlatform.id, byPlatform.number, 'snorojning-ab');

    await expectEventually(async () => expect(Object.keys(await dueTimes(byPlatform.id))).toHaveLength(2));
    expect(await dueTimes(byInbox.id)).toEqual({
      acknowledgement: '2026-11-25T08:15:00.000Z',
      customer_contact: '2026-11-25T08:45:00.000Z',
    });
    expect(await dueTimes(byTemplate.id)).toEqual({
      acknowledgement: '2026-11-25T08:05:00.000Z',
      customer_contact: '2026-11-25T08:45:00.000Z',
    });
    // The harness's platform limits: 60 and 120 minutes.
    expect(await dueTimes(byPlatform.id)).toEqual({
      acknowledgement: '2026-11-25T09:00:00.000Z',
      customer_contact: '2026-11-25T10:00:00.000Z',
    });
  });
});

describe('durability', () => {
  it('fires timers that came due while the watcher was down once it is back, and only once', async () => {
    h.clock.set('2026-11-24T08:00:00.000Z');
    let app = await h.start();
    const view = await h.register({ status: 'parked', parkedUntil: '2026-11-24T10:00:00.000Z' });
    await expectEventually(async () =>
      expect(await h.timers(`case_id = '${view.id}' AND fired_at IS NULL`)).toHaveLength(1),
    );
    await h.stop(app);

    h.clock.set('2026-11-24T13:00:00.000Z');
    app = await h.start();
    const parked = async () => (await h.reminders()).filter((r) => r.caseId === view.id);
    await expectEventually(async () => expect(await parked()).toHaveLength(1));
    expect((await parked())[0]).toMatchObject({
      kind: 'parked',
      dueAt: '2026-11-24T10:00:00.000Z',
      firedAt: '2026-11-24T13:00:00.000Z',
    });
    // A second restart finds it fired.
    await h.stop(app);
    app = await h.start();
    h.clock.advance(60_000);
    await settle();
    expect(await parked()).toHaveLength(1);
    await h.stop(app);
  });

  it('deletes fired timers past their retention when it starts, and keeps newer ones', async () => {
    h.clock.set('2027-06-01T08:00:00.000Z');
    const insert = (key: string, firedAt: string) =>
      h.ctx.dataSource.query(
        `INSERT INTO sla_watcher.timer (id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts,
           created_at, fired_at, outcome)
         VALUES (gen_random_uuid(), $1, NULL, 'parked', 'reminder', 1, $2, $2, '{}', 0, $2, $2, 'sent')`,
        [key, firedAt],
      );
    await insert('retention:old', '2027-01-01T08:00:00.000Z');
    await insert('retention:new', '2027-05-01T08:00:00.000Z');
    const app = await h.start({ TIMER_RETENTION_DAYS: '90' });
    await expectEventually(async () =>
      expect((await h.timers(`key LIKE 'retention:%'`)).map((t) => t.key)).toEqual(['retention:new']),
    );
    await h.stop(app);
  });

  it('never fires a timer twice with two replicas on one database', async () => {
    h.clock.set('2026-11-25T08:00:00.000Z');
    const one = await h.start({ FIRE_BATCH_SIZE: '7' }, { ownPool: true });
    const two = await h.start({ FIRE_BATCH_SIZE: '7' }, { ownPool: true });
    const views = [];
    for (let i = 0; i < 60; i++) {
      views.push(await h.register({ status: 'parked', parkedUntil: '2026-11-25T09:00:00.000Z' }));
    }
    const ids = new Set(views.map((v) => v.id));
    await expectEventually(
      async () => expect(await h.timers(`kind = 'parked' AND fired_at IS NULL`)).toHaveLength(60),
      { timeoutMs: 20_000 },
    );
    h.clock.set('2026-11-25T09:00:00.000Z');
    const fired = async () => (await h.reminders()).filter((r) => ids.has(r.caseId));
    await expectEventually(async () => expect(await fired()).toHaveLength(60), { timeoutMs: 20_000 });
    await settle();
    const reminders = await fired();
    expect(reminders).toHaveLength(60);
    expect(new Set(reminders.map((r) => r.timerId)).size).toBe(60);
    expect(new Set(reminders.map((r) => r.caseId)).size).toBe(60);
    await h.stop(one);
    await h.stop(two);
  });
});
