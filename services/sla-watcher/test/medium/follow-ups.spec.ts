import type { INestApplicationContext } from '@nestjs/common';
import {
  type CaseSla,
  type CaseView,
  DomainError,
  cancelReopenV1,
  caseAssignedV1,
  caseStatusChangedV1,
  createWatchV1,
  deleteWatchV1,
  entryAddedV1,
  getCalendarV1,
  getCaseV1,
  listCalendarsV1,
  saveCalendarV1,
  listWatchesV1,
  getScheduledReopenV1,
  scheduleReopenV1,
  slaDailyReportV1,
  transitionCaseV1,
} from '@arende/contracts';
import { RpcClient, RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { expectEventually, factory, readStream } from '@arende/testing';
import { type Harness, type Reminder, createHarness } from '../support/harness.js';

// The default calendar: weekdays 08:00–17:00 Stockholm, closed on holidays and julafton, nyårsafton, midsommarafton.
let h: Harness;
let app: INestApplicationContext;
let rpc: RpcClient;
/** Stands in for case-core's get and transition over NATS: the cases it knows, and the transitions asked of it. */
let caseCore: RpcServer;
const known = new Map<string, CaseView>();
const transitions: Array<{ number: string; version: number; to: string }> = [];

const staff = (id = 'anna.agent') => ({
  actor: factory.actor({ id, kind: 'staff' }),
  correlationId: factory.correlationId(),
});

const sla = (overrides: Partial<CaseSla>): CaseSla => ({
  responseMinutes: null,
  resolutionHours: null,
  calendarId: null,
  feedbackHours: null,
  customerReminderDays: null,
  closeUnansweredDays: null,
  acknowledgeMinutes: null,
  customerContactMinutes: null,
  ...overrides,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeAll(async () => {
  h = await createHarness('2026-11-23T07:00:00.000Z');
  app = await h.start();
  rpc = new RpcClient({ nc: h.ctx.nc, names: h.ctx.names });
  caseCore = new RpcServer({
    nc: h.ctx.nc,
    names: h.ctx.names,
    service: 'case-core',
    logger: createLogger({ service: 'case-core', level: 'silent' }),
  });
  caseCore
    .handle(getCaseV1, ({ number }) => {
      const view = known.get(number);
      return view ? Promise.resolve(view) : Promise.reject(new DomainError('CASE.NOT_FOUND', 'No such case'));
    })
    .handle(transitionCaseV1, (input) => {
      transitions.push({ number: input.number, version: input.version, to: input.to });
      const view = { ...known.get(input.number)!, status: input.to, version: input.version + 1 };
      known.set(input.number, view);
      return Promise.resolve(view);
    });
});

afterAll(async () => {
  await caseCore?.stop();
  await h?.close();
});

async function register(overrides: Partial<CaseView>): Promise<CaseView> {
  const view = await h.register({ status: 'open', ...overrides });
  known.set(view.number, view);
  await expectEventually(async () =>
    expect(
      await h.ctx.dataSource.query(`SELECT 1 FROM sla_watcher.tracked_case WHERE case_id = $1`, [view.id]),
    ).toHaveLength(1),
  );
  return view;
}

/** One column of the watcher's projection of a case. */
async function tracked(view: CaseView, column: 'status' | 'assignee_id'): Promise<unknown> {
  const rows = await h.ctx.dataSource.query<Array<Record<string, unknown>>>(
    `SELECT ${column} AS value FROM sla_watcher.tracked_case WHERE case_id = $1`,
    [view.id],
  );
  return rows[0]?.value;
}

async function changeStatus(view: CaseView, from: string, to: string, version: number, extra = {}) {
  await h.publish(caseStatusChangedV1, {
    caseId: view.id,
    number: view.number,
    version,
    from: from as CaseView['status'],
    to: to as CaseView['status'],
    parkedUntil: null,
    reason: null,
    inboxId: view.inboxId,
    assigneeId: view.assigneeId,
    ...extra,
  });
  known.set(view.number, { ...known.get(view.number)!, status: to as CaseView['status'], version });
}

async function remindersOf(view: CaseView): Promise<Reminder[]> {
  return (await h.reminders()).filter((r) => r.caseId === view.id);
}

/** Waits until the case's pending timer of `kind` is due at `dueAt`. */
async function pendingAt(view: CaseView, kind: string, dueAt: string): Promise<void> {
  await expectEventually(async () => {
    const rows = await h.timers(
      `case_id = '${view.id}' AND kind = '${kind}' AND stage = 'reminder' AND fired_at IS NULL`,
    );
    expect(rows.map((row) => row.due_at.toISOString())).toEqual([dueAt]);
  });
}

/** Moves the clock to just before `at` (nothing fires) and then to `at` (one reminder of `kind` fires). */
async function firesExactlyAt(view: CaseView, kind: string, at: string): Promise<Reminder> {
  const before = (await remindersOf(view)).filter((r) => r.kind === kind).length;
  h.clock.set(new Date(Date.parse(at) - 1000));
  await settle();
  expect((await remindersOf(view)).filter((r) => r.kind === kind)).toHaveLength(before);
  h.clock.set(at);
  await expectEventually(async () =>
    expect((await remindersOf(view)).filter((r) => r.kind === kind)).toHaveLength(before + 1),
  );
  return (await remindersOf(view)).filter((r) => r.kind === kind)[before];
}

describe('SLA deadlines in business time', () => {
  it('times the first response over a weekend: Friday 16:00 plus 2 hours is Monday 09:00', async () => {
    h.clock.set('2026-11-27T15:00:00.000Z');
    const view = await register({ registeredAt: '2026-11-27T15:00:00.000Z', sla: sla({ responseMinutes: 120 }) });
    await pendingAt(view, 'response', '2026-11-30T08:00:00.000Z');
    const reminder = await firesExactlyAt(view, 'response', '2026-11-30T08:00:00.000Z');
    expect(reminder).toMatchObject({ stage: 'reminder', recipients: [{ kind: 'inbox', inboxId: 'kundtjanst' }] });
    h.clock.set('2026-11-30T12:00:00.000Z');
    await settle();
    expect((await remindersOf(view)).filter((r) => r.kind === 'response' && r.stage === 'reminder')).toHaveLength(1);
  });

  it('keeps office hours on the wall clock over both changes of daylight saving time', async () => {
    // Friday 27 March 2026 16:00 CET + 2 hours: Monday 30 March 09:00 CEST (07:00 UTC).
    h.clock.set('2026-03-27T15:00:00.000Z');
    const spring = await register({ registeredAt: '2026-03-27T15:00:00.000Z', sla: sla({ responseMinutes: 120 }) });
    await pendingAt(spring, 'response', '2026-03-30T07:00:00.000Z');
    await firesExactlyAt(spring, 'response', '2026-03-30T07:00:00.000Z');
    // Friday 23 October 2026 16:00 CEST + 2 hours: Monday 26 October 09:00 CET (08:00 UTC).
    h.clock.set('2026-10-23T14:00:00.000Z');
    const autumn = await register({ registeredAt: '2026-10-23T14:00:00.000Z', sla: sla({ responseMinutes: 120 }) });
    await pendingAt(autumn, 'response', '2026-10-26T08:00:00.000Z');
    await firesExactlyAt(autumn, 'response', '2026-10-26T08:00:00.000Z');
  });

  it('times feedback over Christmas: 9 hours from 23 December 09:00 is 28 December 09:00', async () => {
    h.clock.set('2026-12-23T08:00:00.000Z');
    const view = await register({ registeredAt: '2026-12-23T08:00:00.000Z', sla: sla({ feedbackHours: 9 }) });
    await pendingAt(view, 'feedback', '2026-12-28T08:00:00.000Z');
    await firesExactlyAt(view, 'feedback', '2026-12-28T08:00:00.000Z');
  });

  it('stops the feedback clock when the customer is answered', async () => {
    h.clock.set('2027-01-11T08:00:00.000Z');
    const view = await register({ registeredAt: '2027-01-11T08:00:00.000Z', sla: sla({ feedbackHours: 1 }) });
    await pendingAt(view, 'feedback', '2027-01-11T09:00:00.000Z');
    await h.publish(entryAddedV1, {
      entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e90',
      caseId: view.id,
      number: view.number,
      kind: 'outbound_email',
      direction: 'outbound',
      visibility: 'customer',
      author: { id: 'anna.agent', name: 'Anna Andersson' },
      hasHtml: false,
      attachmentCount: 0,
      createdAt: '2027-01-11T08:30:00.000Z',
    });
    await expectEventually(async () =>
      expect(await h.timers(`case_id = '${view.id}' AND kind = 'feedback' AND fired_at IS NULL`)).toEqual([]),
    );
    h.clock.set('2027-01-11T12:00:00.000Z');
    await settle();
    expect(await remindersOf(view)).toEqual([]);
  });

  it('pauses the resolution clock while the case waits for the customer, and reminds the customer meanwhile', async () => {
    // Monday 09:00: 2 hours to resolve. Waiting for the customer from 10:00 (1 hour used) to Tuesday 10:00.
    h.clock.set('2026-12-07T08:00:00.000Z');
    const view = await register({
      registeredAt: '2026-12-07T08:00:00.000Z',
      sla: sla({ resolutionHours: 2, customerReminderDays: 1 }),
    });
    await pendingAt(view, 'resolution', '2026-12-07T10:00:00.000Z');
    h.clock.set('2026-12-07T09:00:00.000Z');
    await changeStatus(view, 'open', 'waiting_for_customer', 2);
    await expectEventually(async () =>
      expect(await h.timers(`case_id = '${view.id}' AND kind = 'resolution' AND fired_at IS NULL`)).toEqual([]),
    );
    // Past the old deadline: nothing, the clock is paused.
    h.clock.set('2026-12-07T12:00:00.000Z');
    await settle();
    expect((await remindersOf(view)).filter((r) => r.kind === 'resolution')).toEqual([]);
    // A day without a reply: the customer is reminded.
    const toCustomer = await firesExactlyAt(view, 'customer_reply', '2026-12-08T09:00:00.000Z');
    expect(toCustomer.recipients).toEqual([{ kind: 'customer' }]);
    h.clock.set('2026-12-08T09:00:00.000Z');
    await changeStatus(view, 'waiting_for_customer', 'open', 3);
    // The remaining hour counts from Tuesday 10:00 local.
    await pendingAt(view, 'resolution', '2026-12-08T10:00:00.000Z');
    await firesExactlyAt(view, 'resolution', '2026-12-08T10:00:00.000Z');
  });
});

describe('parked, unanswered and scheduled reopening', () => {
  it('brings a parked case back to its handler when its time comes', async () => {
    h.clock.set('2026-12-14T08:00:00.000Z');
    const view = await register({ assigneeId: 'anna.agent' });
    await changeStatus(view, 'open', 'parked', 2, {
      parkedUntil: '2026-12-16T07:30:00.000Z',
      assigneeId: 'anna.agent',
    });
    await pendingAt(view, 'parked', '2026-12-16T07:30:00.000Z');
    const reminder = await firesExactlyAt(view, 'parked', '2026-12-16T07:30:00.000Z');
    expect(reminder.recipients).toEqual([{ kind: 'user', userId: 'anna.agent' }]);
  });

  it('closes a case the customer never answered, through case-core, once', async () => {
    h.clock.set('2026-12-14T09:00:00.000Z');
    const view = await register({ sla: sla({ closeUnansweredDays: 2 }) });
    await changeStatus(view, 'open', 'waiting_for_customer', 2);
    await pendingAt(view, 'unanswered_close', '2026-12-16T09:00:00.000Z');
    await firesExactlyAt(view, 'unanswered_close', '2026-12-16T09:00:00.000Z');
    expect(transitions.filter((t) => t.number === view.number)).toEqual([
      { number: view.number, version: 2, to: 'closed' },
    ]);
  });

  it('reopens a closed case at its scheduled time, once; a cancelled schedule does nothing', async () => {
    h.clock.set('2026-12-17T09:00:00.000Z');
    const view = await register({});
    await changeStatus(view, 'open', 'closed', 2);
    await expectEventually(async () => expect(await tracked(view, 'status')).toBe('closed'));
    await expect(
      rpc.request(
        scheduleReopenV1,
        { number: view.number, at: '2026-12-18T07:00:00Z' },
        { ...staff(), actor: factory.actor({ kind: 'citizen' }) },
      ),
    ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const scheduled = await rpc.request(
      scheduleReopenV1,
      { number: view.number, at: '2026-12-18T07:00:00Z', reason: 'Kolla snön' },
      staff(),
    );
    expect(scheduled).toMatchObject({ number: view.number, at: '2026-12-18T07:00:00.000Z', scheduledBy: 'anna.agent' });
    expect(await rpc.request(getScheduledReopenV1, { number: view.number }, staff())).toEqual({ scheduled });
    await expect(
      rpc.request(scheduleReopenV1, { number: view.number, at: '2026-12-17T08:59:00Z' }, staff()),
    ).rejects.toMatchObject({ code: 'SLA.REOPEN_IN_PAST' });
    const reminder = await firesExactlyAt(view, 'scheduled_reopen', '2026-12-18T07:00:00.000Z');
    expect(reminder.stage).toBe('notice');
    expect(transitions.filter((t) => t.number === view.number)).toEqual([
      { number: view.number, version: 2, to: 'reopened' },
    ]);

    // Closed in case-core a moment ago, before the watcher heard of it: case-core's word counts.
    const justClosed = await register({});
    known.set(justClosed.number, { ...known.get(justClosed.number)!, status: 'closed', version: 2 });
    await expect(
      rpc.request(scheduleReopenV1, { number: justClosed.number, at: '2026-12-20T07:00:00Z' }, staff()),
    ).resolves.toMatchObject({ number: justClosed.number });
    await rpc.request(cancelReopenV1, { number: justClosed.number }, staff());

    const other = await register({});
    await expect(
      rpc.request(scheduleReopenV1, { number: other.number, at: '2026-12-19T07:00:00Z' }, staff()),
    ).rejects.toMatchObject({ code: 'SLA.CASE_NOT_CLOSED' });
    await changeStatus(other, 'open', 'closed', 2);
    await expectEventually(async () => expect(await tracked(other, 'status')).toBe('closed'));
    await rpc.request(scheduleReopenV1, { number: other.number, at: '2026-12-19T07:00:00Z' }, staff());
    expect(await rpc.request(cancelReopenV1, { number: other.number }, staff())).toEqual({
      number: other.number,
      cancelled: true,
    });
    h.clock.set('2026-12-19T08:00:00.000Z');
    await settle();
    expect(transitions.filter((t) => t.number === other.number)).toEqual([]);
    expect(await rpc.request(getScheduledReopenV1, { number: other.number }, staff())).toEqual({ scheduled: null });
    // Fired, it is no longer pending.
    expect(await rpc.request(getScheduledReopenV1, { number: view.number }, staff())).toEqual({ scheduled: null });
  });
});

describe('watches', () => {
  it('notifies at the time of a point watch whose event did not happen, and not when it did', async () => {
    h.clock.set('2027-01-04T08:00:00.000Z');
    const open = await register({});
    const handled = await register({});
    for (const view of [open, handled]) {
      await rpc.request(
        createWatchV1,
        { number: view.number, kind: 'no_handler', endAt: '2027-01-04T11:00:00Z' },
        staff('bo.watcher'),
      );
    }
    await h.publish(caseAssignedV1, {
      caseId: handled.id,
      number: handled.number,
      version: 2,
      inboxId: 'kundtjanst',
      assigneeId: 'anna.agent',
      assigneeName: 'Anna Andersson',
      previousAssigneeId: null,
    });
    await expectEventually(async () => expect(await tracked(handled, 'assignee_id')).toBe('anna.agent'));
    const reminder = await firesExactlyAt(open, 'watch', '2027-01-04T11:00:00.000Z');
    expect(reminder).toMatchObject({ stage: 'notice', recipients: [{ kind: 'user', userId: 'bo.watcher' }] });
    expect(reminder.text).toContain('ingen handläggare');
    await settle();
    expect(await remindersOf(handled)).toEqual([]);
    const [watch] = (await rpc.request(listWatchesV1, { number: handled.number }, staff('bo.watcher'))).items;
    expect(watch).toMatchObject({ kind: 'no_handler', outcome: 'met' });
    expect((await rpc.request(listWatchesV1, { number: handled.number }, staff('someone.else'))).items).toEqual([]);
  });

  it('notifies as soon as a watched event happens inside the period, and never outside it', async () => {
    h.clock.set('2027-01-05T08:00:00.000Z');
    const view = await register({});
    const replied = await rpc.request(
      createWatchV1,
      { number: view.number, kind: 'customer_reply', startAt: '2027-01-05T09:00:00Z', endAt: '2027-01-06T09:00:00Z' },
      staff('bo.watcher'),
    );
    await rpc.request(
      createWatchV1,
      { number: view.number, kind: 'case_changed', endAt: '2027-01-05T08:30:00Z' },
      staff('bo.watcher'),
    );
    const inbound = (createdAt: string) => ({
      entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e91',
      caseId: view.id,
      number: view.number,
      kind: 'inbound_email' as const,
      direction: 'inbound' as const,
      visibility: 'customer' as const,
      author: null,
      hasHtml: false,
      attachmentCount: 0,
      createdAt,
    });
    // Before the reply watch's period, after the change watch's: nothing.
    h.clock.set('2027-01-05T08:40:00.000Z');
    await h.publish(entryAddedV1, inbound('2027-01-05T08:40:00.000Z'), h.clock.now());
    await settle();
    expect(await remindersOf(view)).toEqual([]);
    h.clock.set('2027-01-05T10:00:00.000Z');
    await h.publish(entryAddedV1, {
      ...inbound('2027-01-05T10:00:00.000Z'),
      entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e92',
    });
    await expectEventually(async () => expect(await remindersOf(view)).toHaveLength(1));
    expect((await remindersOf(view))[0]).toMatchObject({ kind: 'watch', firedAt: '2027-01-05T10:00:00.000Z' });
    expect((await remindersOf(view))[0].text).toContain('kunden har svarat');
    const listed = (await rpc.request(listWatchesV1, { number: view.number }, staff('bo.watcher'))).items;
    expect(listed.find((w) => w.id === replied.id)).toMatchObject({ outcome: 'notified' });
    expect(listed.find((w) => w.kind === 'case_changed')).toMatchObject({ outcome: 'expired' });
  });

  it('watches a case whose registration has not reached the watcher yet, read from case-core', async () => {
    h.clock.set('2027-01-07T08:00:00.000Z');
    const unseen = {
      ...known.values().next().value!,
      id: '01935c4e-7f6a-7b3c-9d2e-00000000beef',
      number: '2027-000777',
    };
    known.set(unseen.number, { ...unseen, status: 'open', assigneeId: null });
    const watch = await rpc.request(
      createWatchV1,
      { number: unseen.number, kind: 'no_handler', endAt: '2027-01-07T09:00:00Z' },
      staff('bo.watcher'),
    );
    expect(watch).toMatchObject({ number: unseen.number, kind: 'no_handler', outcome: null });
    const reminder = await firesExactlyAt(unseen, 'watch', '2027-01-07T09:00:00.000Z');
    expect(reminder.recipients).toEqual([{ kind: 'user', userId: 'bo.watcher' }]);
  });

  it('deletes a watch so it never fires; only its owner may', async () => {
    h.clock.set('2027-01-06T08:00:00.000Z');
    const view = await register({});
    const watch = await rpc.request(
      createWatchV1,
      { number: view.number, kind: 'not_closed', endAt: '2027-01-06T09:00:00Z' },
      staff('bo.watcher'),
    );
    await expect(
      rpc.request(deleteWatchV1, { number: view.number, id: watch.id }, staff('someone.else')),
    ).rejects.toMatchObject({ code: 'SLA.WATCH_NOT_FOUND' });
    await rpc.request(deleteWatchV1, { number: view.number, id: watch.id }, staff('bo.watcher'));
    h.clock.set('2027-01-06T10:00:00.000Z');
    await settle();
    expect(await remindersOf(view)).toEqual([]);
    await expect(
      rpc.request(createWatchV1, { number: '2026-999999', kind: 'not_closed', endAt: '2027-01-06T09:00:00Z' }, staff()),
    ).rejects.toMatchObject({ code: 'SLA.CASE_UNKNOWN' });
    await expect(
      rpc.request(
        createWatchV1,
        { number: view.number, kind: 'not_closed', startAt: '2027-01-06T08:00:00Z', endAt: '2027-01-06T09:00:00Z' },
        staff(),
      ),
    ).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
  });
});

describe('the morning report', () => {
  it('goes out at 07:00 Stockholm time once per inbox, with two replicas running', async () => {
    h.clock.set('2027-01-29T08:00:00.000Z');
    const late = await register({
      inboxId: 'rapport-inkorg',
      registeredAt: '2027-01-29T08:00:00.000Z',
      sla: sla({ responseMinutes: 60 }),
    });
    const onTime = await register({ inboxId: 'rapport-inkorg', registeredAt: '2027-01-29T08:00:00.000Z' });
    await h.stop(app);
    h.clock.set('2027-02-01T05:00:00.000Z');
    const one = await h.start({ DAILY_REPORT_ENABLED: 'true' }, { ownPool: true });
    const two = await h.start({ DAILY_REPORT_ENABLED: 'true' }, { ownPool: true });
    const reports = async () =>
      (await readStream(h.ctx.js, h.ctx.jsm, h.ctx.names.stream('sla')))
        .filter((m) => m.subject === h.ctx.names.subject(slaDailyReportV1.subject))
        .map((m) => slaDailyReportV1.envelope.parse(m.json).data);
    expect(await h.timers(`kind = 'daily_report' AND fired_at IS NULL`)).toHaveLength(1);
    h.clock.set('2027-02-01T05:59:59.000Z');
    await settle();
    expect(await reports()).toEqual([]);
    h.clock.set('2027-02-01T06:00:00.000Z');
    await expectEventually(async () => expect((await reports()).length).toBeGreaterThan(0));
    await settle();
    const sent = await reports();
    const inboxes = sent.map((r) => r.inboxId);
    expect(new Set(inboxes).size).toBe(inboxes.length);
    const kundtjanst = sent.find((r) => r.inboxId === 'kundtjanst')!;
    expect(kundtjanst.date).toBe('2027-02-01');
    expect(kundtjanst.total).toBeGreaterThan(0);
    expect(kundtjanst.overdue).toBeGreaterThan(0);
    expect(kundtjanst.cases[0].overdue).toBe(true);
    const own = sent.find((r) => r.inboxId === 'rapport-inkorg')!;
    expect(own).toMatchObject({ date: '2027-02-01', total: 2, overdue: 1 });
    expect(own.cases.map((c) => [c.number, c.overdue, c.dueAt])).toEqual([
      [late.number, true, '2027-01-29T09:00:00.000Z'],
      [onTime.number, false, null],
    ]);
    // The next one waits for tomorrow morning.
    expect((await h.timers(`kind = 'daily_report' AND fired_at IS NULL`)).map((t) => t.due_at.toISOString())).toEqual([
      '2027-02-02T06:00:00.000Z',
    ]);
    await h.stop(one);
    await h.stop(two);
  });
});

describe('calendars', () => {
  const admin = () => ({ actor: factory.actor({ kind: 'staff', roles: ['admin'] }), correlationId: 'c' });
  const weekdays = (from: string, to: string) =>
    Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ from, to }]]));

  it('are saved by administrators, validated, and time the SLA of a case that names them', async () => {
    // The morning report test stopped the replicas before it.
    app = await h.start();
    const definition = { weeklyHours: weekdays('10:00', '12:00') };
    await expect(rpc.request(saveCalendarV1, { id: 'kort', name: 'Kort', definition }, staff())).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    await expect(
      rpc.request(saveCalendarV1, { id: 'kort', name: 'Kort', definition: { weeklyHours: {} } }, admin()),
    ).rejects.toMatchObject({ code: 'SLA.CALENDAR_INVALID' });
    const saved = await rpc.request(saveCalendarV1, { id: 'kort', name: 'Kort', definition }, admin());
    expect(saved).toMatchObject({ id: 'kort', version: 1 });
    await expect(rpc.request(saveCalendarV1, { id: 'kort', name: 'Kort', definition }, admin())).rejects.toMatchObject({
      code: 'SLA.VERSION_CONFLICT',
    });
    expect((await rpc.request(listCalendarsV1, {}, staff())).items.map((c) => c.id)).toContain('kort');
    expect(await rpc.request(getCalendarV1, { id: 'kort' }, staff())).toMatchObject({
      id: 'kort',
      name: 'Kort',
      version: 1,
      definition: { weeklyHours: { monday: [{ from: '10:00', to: '12:00' }], saturday: [] }, exceptions: [] },
    });
    await expect(rpc.request(getCalendarV1, { id: 'saknas' }, staff())).rejects.toMatchObject({
      code: 'SLA.CALENDAR_NOT_FOUND',
    });

    // Open 10–12 only: 3 hours from Monday 11:00 end on Tuesday at 12:00 (on the default calendar, Monday 14:00).
    h.clock.set('2027-03-01T10:00:00.000Z');
    const view = await register({
      registeredAt: '2027-03-01T10:00:00.000Z',
      sla: sla({ resolutionHours: 3, calendarId: 'kort' }),
    });
    await pendingAt(view, 'resolution', '2027-03-02T11:00:00.000Z');

    // Named as the default calendar, it times the cases whose template names none.
    await h.stop(app);
    app = await h.start({ DEFAULT_CALENDAR_ID: 'kort' });
    const plain = await register({ registeredAt: '2027-03-01T10:00:00.000Z', sla: sla({ resolutionHours: 3 }) });
    await pendingAt(plain, 'resolution', '2027-03-02T11:00:00.000Z');
  });
});
