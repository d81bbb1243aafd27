import {
  type Actor,
  type CaseView,
  DomainError,
  type ErrorCode,
  caseAcknowledgedV1,
  caseCustomerContactedV1,
} from '@arende/contracts';
import { EntryRepository } from '../../src/repositories/entry.repository.js';
import { RelationRepository } from '../../src/repositories/relation.repository.js';
import { SCHEMA } from '../../src/schema.js';
import { CaseService } from '../../src/services/case.service.js';
import { EntryService } from '../../src/services/entry.service.js';
import { FollowUpService } from '../../src/services/follow-up.service.js';
import { RelationService } from '../../src/services/relation.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';
import { testInbox } from './inbox-responder.js';

let ctx: CaseTestContext;
let entries: EntryService;
let followUps: FollowUpService;
let relations: RelationService;

const FRONT = 'medium-kvitto-front';
const CONTRACTOR = 'medium-kvitto-plogning';
const GROUP = 'medium-kvitto-gata';
const ORGANISATION = 'kvitto-plogning-ab';
const SERVICE_POINT = 'medium-kvitto-sp';

const agent: Partial<Actor> = {
  id: 'anna',
  name: 'Anna',
  groups: [FRONT, CONTRACTOR, GROUP].map((inbox) => `/inbox/${inbox}`),
};
const groupMember: Partial<Actor> = { id: 'gustav', name: 'Gustav', groups: [`/inbox/${GROUP}`] };
const outsider: Partial<Actor> = { id: 'elin', name: 'Elin', groups: ['/inbox/medium-annan'] };
const supervisor: Partial<Actor> = {
  id: 'cecilia',
  name: 'Cecilia',
  roles: ['supervisor'],
  groups: [],
  servicePoints: [SERVICE_POINT],
};
const contractor: Partial<Actor> = {
  kind: 'contractor',
  id: 'kalle',
  roles: ['contractor'],
  organisation: ORGANISATION,
};
const otherContractor: Partial<Actor> = {
  kind: 'contractor',
  id: 'olle',
  roles: ['contractor'],
  organisation: 'annan-entreprenor',
};
const service: Partial<Actor> = { kind: 'service', id: 'rapporter', roles: [], groups: [] };

beforeAll(async () => {
  ctx = await createCaseTestContext();
  ctx.inboxes.put(testInbox(FRONT, { name: 'Kundtjänst' }));
  ctx.inboxes.put(testInbox(GROUP, { name: 'Gatukontoret' }));
  ctx.inboxes.put(
    testInbox(CONTRACTOR, { name: 'Plogning AB', kind: 'external_party', externalOrganisationId: ORGANISATION }),
  );
  const listener = { nudge: () => undefined };
  entries = new EntryService(
    ctx.dataSource,
    new EntryRepository(ctx.dataSource, SCHEMA.schema),
    ctx.repository,
    listener,
  );
  followUps = new FollowUpService(ctx.cases, ctx.repository, entries, listener);
  relations = new RelationService(
    ctx.dataSource,
    ctx.repository,
    new RelationRepository(ctx.dataSource, SCHEMA.schema),
    listener,
  );
});

afterAll(async () => {
  await ctx?.close();
});

async function failure(promise: Promise<unknown>): Promise<{ code: ErrorCode; details: unknown } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
}

const codeOf = async (promise: Promise<unknown>) => {
  const result = await failure(promise);
  return result === 'resolved' ? result : result.code;
};

async function eventsOf(c: CaseView, subject: string) {
  return (await ctx.outbox())
    .filter((row) => row.payload.type === subject && row.payload.data.caseId === c.id)
    .map((row) => row.payload.data);
}

async function logOf(c: CaseView, kind: string) {
  return await ctx.dataSource.query<Array<{ actor_id: string; changes: Record<string, unknown> }>>(
    `SELECT actor_id, changes FROM case_core.case_event WHERE case_id = $1 AND kind = $2 ORDER BY id`,
    [c.id, kind],
  );
}

const get = (c: CaseView) => ctx.cases.get(c.number, ctx.as(agent));

/** A case registered in the front inbox and distributed to the contractor. */
async function contractorCase(fields: Parameters<CaseTestContext['newCase']>[0] = {}): Promise<CaseView> {
  const c = await ctx.newCase({ inboxId: FRONT, servicePointId: SERVICE_POINT, ...fields }, agent);
  const { items } = await ctx.distributions.distribute(
    {
      cases: [{ number: c.number, version: c.version }],
      kind: 'external_party',
      inboxId: CONTRACTOR,
      requiresFeedback: false,
      note: 'Plogning, tack.',
    },
    ctx.as(agent),
  );
  return items[0];
}

describe(FollowUpService.name, () => {
  describe('acknowledge', () => {
    it('lets the contractor the case is sent to acknowledge it, with a log line and one event', async () => {
      const c = await contractorCase();
      expect(c.acknowledgedAt).toBeNull();

      const acknowledged = await followUps.acknowledge(c.number, ctx.as(contractor));

      expect(acknowledged.acknowledgedBy).toBe('kalle');
      expect(Date.parse(acknowledged.acknowledgedAt ?? '')).toBeGreaterThan(Date.parse(c.updatedAt) - 1);
      expect(acknowledged.customerContactedAt).toBeNull();
      // Acknowledging records what the receiver did; it is no edit, so nobody's open edit goes stale.
      expect(acknowledged.version).toBe(c.version);
      const events = await eventsOf(c, caseAcknowledgedV1.subject);
      expect(events).toEqual([
        {
          caseId: c.id,
          number: c.number,
          version: c.version,
          inboxId: CONTRACTOR,
          by: 'kalle',
          at: acknowledged.acknowledgedAt,
        },
      ]);
      expect(caseAcknowledgedV1.data.safeParse(events[0]).success).toBe(true);
      expect(await logOf(c, 'acknowledged')).toEqual([
        { actor_id: 'kalle', changes: { acknowledgedBy: { before: null, after: 'kalle' } } },
      ]);
      expect((await get(c)).acknowledgedAt).toBe(acknowledged.acknowledgedAt);
    });

    it('is idempotent: a second acknowledgement answers the same state and publishes nothing', async () => {
      const c = await contractorCase();
      const first = await followUps.acknowledge(c.number, ctx.as(contractor));
      const outboxBefore = (await ctx.outbox()).length;

      const again = await followUps.acknowledge(c.number, ctx.as(agent));

      expect(again).toEqual(first);
      expect((await ctx.outbox()).length).toBe(outboxBefore);
      expect(await logOf(c, 'acknowledged')).toHaveLength(1);
    });

    it('lets a member of the current inbox and a supervisor of its service point acknowledge', async () => {
      const a = await ctx.newCase({ inboxId: GROUP }, agent);
      expect((await followUps.acknowledge(a.number, ctx.as(groupMember))).acknowledgedBy).toBe('gustav');
      const b = await contractorCase();
      expect((await followUps.acknowledge(b.number, ctx.as(supervisor))).acknowledgedBy).toBe('cecilia');
    });

    it('answers CASE.NOT_FOUND to whoever may not see the case, and writes nothing', async () => {
      const c = await contractorCase();
      for (const caller of [outsider, otherContractor, service, groupMember]) {
        expect(await codeOf(followUps.acknowledge(c.number, ctx.as(caller)))).toBe('CASE.NOT_FOUND');
      }
      expect(await codeOf(followUps.acknowledge('2026-999999', ctx.as(agent)))).toBe('CASE.NOT_FOUND');
      expect(await eventsOf(c, caseAcknowledgedV1.subject)).toEqual([]);
      // A contractor sees nothing of a case sent elsewhere, secret or not.
      const front = await ctx.newCase({ inboxId: FRONT }, agent);
      expect(await codeOf(followUps.acknowledge(front.number, ctx.as(contractor)))).toBe('CASE.NOT_FOUND');
    });

    it('is not stopped by somebody else’s lock, but a closed case is CASE.CLOSED', async () => {
      const c = await ctx.newCase({ inboxId: GROUP }, agent);
      await ctx.cases.lock(c.number, ctx.as(agent));
      expect((await followUps.acknowledge(c.number, ctx.as(groupMember))).acknowledgedBy).toBe('gustav');

      const closed = await ctx.newCase({ inboxId: GROUP, status: 'closed' }, agent);
      expect(await codeOf(followUps.acknowledge(closed.number, ctx.as(groupMember)))).toBe('CASE.CLOSED');
    });
  });

  describe('markCustomerContacted', () => {
    it('marks the customer contacted and the case acknowledged, with the note as a staff-only internal note', async () => {
      const c = await contractorCase();

      const contacted = await followUps.markCustomerContacted(
        { number: c.number, note: 'Ringde kunden, plogning sker i eftermiddag.' },
        ctx.as(contractor),
      );

      expect(contacted.customerContactedBy).toBe('kalle');
      expect(contacted.customerContactedAt).not.toBeNull();
      expect(contacted.acknowledgedBy).toBe('kalle');
      expect(contacted.version).toBe(c.version);
      expect(await eventsOf(c, caseAcknowledgedV1.subject)).toHaveLength(1);
      const events = await eventsOf(c, caseCustomerContactedV1.subject);
      expect(events).toEqual([
        expect.objectContaining({ caseId: c.id, by: 'kalle', inboxId: CONTRACTOR, at: contacted.customerContactedAt }),
      ]);
      const notes = await ctx.dataSource.query<Array<{ kind: string; visibility: string; text: string }>>(
        `SELECT kind, visibility, text FROM case_core.entry WHERE case_id = $1 AND kind = 'internal_note'`,
        [c.id],
      );
      expect(notes).toEqual([
        {
          kind: 'internal_note',
          visibility: 'staff',
          text: 'Kunden kontaktad (återkoppling).\n\nRingde kunden, plogning sker i eftermiddag.',
        },
      ]);
    });

    it('publishes nothing the second time; a note given again still goes on the timeline', async () => {
      const c = await contractorCase();
      const first = await followUps.markCustomerContacted({ number: c.number }, ctx.as(contractor));
      const outboxBefore = (await ctx.outbox()).length;

      expect(await followUps.markCustomerContacted({ number: c.number }, ctx.as(contractor))).toEqual(first);
      expect((await ctx.outbox()).length).toBe(outboxBefore);

      await followUps.markCustomerContacted({ number: c.number, note: 'Ringde igen.' }, ctx.as(contractor));
      expect(await eventsOf(c, caseCustomerContactedV1.subject)).toHaveLength(1);
      expect(await logOf(c, 'customer-contacted')).toHaveLength(1);
      const added = (await ctx.outbox()).slice(outboxBefore).map((row) => row.payload.type);
      expect(added).toEqual(['case.evt.entry-added.v1']);
    });

    it('keeps an earlier acknowledgement by somebody else', async () => {
      const c = await contractorCase();
      await followUps.acknowledge(c.number, ctx.as(supervisor));
      const contacted = await followUps.markCustomerContacted({ number: c.number }, ctx.as(contractor));
      expect(contacted.acknowledgedBy).toBe('cecilia');
      expect(contacted.customerContactedBy).toBe('kalle');
      expect(await eventsOf(c, caseAcknowledgedV1.subject)).toHaveLength(1);
    });

    it('answers CASE.NOT_FOUND outside the caller’s scope', async () => {
      const c = await contractorCase();
      expect(await codeOf(followUps.markCustomerContacted({ number: c.number }, ctx.as(otherContractor)))).toBe(
        'CASE.NOT_FOUND',
      );
      expect(await codeOf(followUps.markCustomerContacted({ number: c.number }, ctx.as(outsider)))).toBe(
        'CASE.NOT_FOUND',
      );
    });
  });

  describe('an answer to the customer', () => {
    it('marks the customer contacted when it is an outbound e-mail, an SMS or a customer-visible phone note', async () => {
      for (const entry of [
        { kind: 'outbound_email' as const, text: 'Hej! Vi plogar i eftermiddag.' },
        { kind: 'outbound_sms' as const, text: 'Vi plogar i eftermiddag.' },
        { kind: 'phone_note' as const, text: 'Ringde kunden.', visibility: 'customer' as const },
      ]) {
        const c = await ctx.newCase({ inboxId: GROUP }, agent);
        const added = await entries.add({ number: c.number, attachments: [], ...entry }, ctx.as(groupMember));
        const after = await get(c);
        expect({ kind: entry.kind, by: after.customerContactedBy }).toEqual({ kind: entry.kind, by: 'gustav' });
        // An answer is not an acknowledgement: the receiver may not have seen the case.
        expect(after.acknowledgedAt).toBeNull();
        expect(await eventsOf(c, caseCustomerContactedV1.subject)).toHaveLength(1);
        expect(await logOf(c, 'customer-contacted')).toEqual([
          {
            actor_id: 'gustav',
            changes: {
              customerContactedBy: { before: null, after: 'gustav' },
              entry: { before: null, after: { id: added.id, kind: entry.kind } },
            },
          },
        ]);
      }
    });

    it('does not count a staff-only phone note, a note or an inbound message; a second answer publishes nothing', async () => {
      const c = await ctx.newCase({ inboxId: GROUP }, agent);
      await entries.add(
        { number: c.number, kind: 'phone_note', text: 'Kunden ringde.', attachments: [] },
        ctx.as(agent),
      );
      await entries.add({ number: c.number, kind: 'internal_note', text: 'Notering.', attachments: [] }, ctx.as(agent));
      await entries.add({ number: c.number, kind: 'official_note', text: 'Beslut.', attachments: [] }, ctx.as(agent));
      await entries.add(
        { number: c.number, kind: 'inbound_email', text: 'Hej', from: 'kund@example.se', attachments: [] },
        ctx.as(agent),
      );
      expect((await get(c)).customerContactedAt).toBeNull();

      await entries.add({ number: c.number, kind: 'outbound_email', text: 'Svar 1', attachments: [] }, ctx.as(agent));
      await entries.add({ number: c.number, kind: 'outbound_email', text: 'Svar 2', attachments: [] }, ctx.as(agent));
      expect(await eventsOf(c, caseCustomerContactedV1.subject)).toHaveLength(1);
    });

    it('marks the customer contacted once when two answers are written at the same time', async () => {
      const c = await ctx.newCase({ inboxId: GROUP }, agent);
      await Promise.all(
        ['Svar A', 'Svar B', 'Svar C'].map((text) =>
          entries.add({ number: c.number, kind: 'outbound_sms', text, attachments: [] }, ctx.as(agent)),
        ),
      );
      expect(await eventsOf(c, caseCustomerContactedV1.subject)).toHaveLength(1);
    });
  });

  describe('a change of inbox', () => {
    it('clears both marks on distribution: the new receiver acknowledges again, and the log line says so', async () => {
      const c = await contractorCase();
      const contacted = await followUps.markCustomerContacted({ number: c.number }, ctx.as(contractor));

      const { items } = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: contacted.version }],
          kind: 'work_group',
          inboxId: GROUP,
          requiresFeedback: false,
          note: 'Till gatukontoret.',
        },
        ctx.as(agent),
      );

      const moved = items[0];
      expect(moved).toMatchObject({
        inboxId: GROUP,
        acknowledgedAt: null,
        acknowledgedBy: null,
        customerContactedAt: null,
        customerContactedBy: null,
      });
      const [toContractor, toGroup] = await logOf(c, 'distributed');
      expect(toContractor.changes).toEqual({ inbox: { before: FRONT, after: CONTRACTOR } });
      expect(toGroup.changes).toEqual({
        inbox: { before: CONTRACTOR, after: GROUP },
        acknowledgedAt: { before: contacted.acknowledgedAt, after: null },
        customerContactedAt: { before: contacted.customerContactedAt, after: null },
      });
      const again = await followUps.acknowledge(c.number, ctx.as(groupMember));
      expect(again.acknowledgedBy).toBe('gustav');
      expect(await eventsOf(c, caseAcknowledgedV1.subject)).toEqual([
        expect.objectContaining({ inboxId: CONTRACTOR, by: 'kalle' }),
        expect.objectContaining({ inboxId: GROUP, by: 'gustav' }),
      ]);
    });

    it('clears them on cut and paste', async () => {
      const c = await ctx.newCase({ inboxId: FRONT }, agent);
      const assigned = await ctx.assignments.assign(
        { number: c.number, version: c.version, assigneeId: 'anna' },
        ctx.as(agent),
      );
      await followUps.markCustomerContacted({ number: c.number }, ctx.as(agent));

      const moved = await ctx.distributions.move(
        { number: c.number, version: assigned.version, inboxId: GROUP },
        ctx.as(agent),
      );

      expect(moved).toMatchObject({ inboxId: GROUP, acknowledgedAt: null, customerContactedAt: null });
      const [line] = await logOf(c, 'moved');
      expect(Object.keys(line.changes)).toEqual(['inbox', 'acknowledgedAt', 'customerContactedAt']);
    });

    it('keeps them when a distribution by e-mail leaves the case where it is', async () => {
      const c = await ctx.newCase({ inboxId: GROUP }, agent);
      const acknowledged = await followUps.acknowledge(c.number, ctx.as(groupMember));
      const { items } = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: acknowledged.version }],
          kind: 'for_information',
          email: {
            to: ['chef@solna.example'],
            include: { description: true, entries: false, attachments: false, customer: false },
          },
          requiresFeedback: false,
          note: 'För kännedom.',
        },
        ctx.as(agent),
      );
      expect(items[0].acknowledgedBy).toBe('gustav');
    });
  });

  describe('the close warning', () => {
    const close = (c: CaseView, service: CaseService = ctx.cases, confirmUnanswered?: boolean) =>
      service.transition(
        { number: c.number, version: c.version, to: 'closed', ...(confirmUnanswered ? { confirmUnanswered } : {}) },
        ctx.as(agent),
      );

    it('refuses to close a case whose customer wants an answer and had none, until the closer confirms', async () => {
      const c = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true }, agent);

      const refused = await failure(close(c));

      expect(refused).toEqual({ code: 'CASE.CUSTOMER_NOT_ANSWERED', details: { cases: [c.number], count: 1 } });
      expect((await get(c)).status).toBe('new');
      expect((await close(c, ctx.cases, true)).status).toBe('closed');
    });

    it('does not warn when the customer was answered, contacted, or wants no answer', async () => {
      const answered = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true, customerAnswered: true }, agent);
      expect((await close(answered)).status).toBe('closed');

      const contacted = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true }, agent);
      await followUps.markCustomerContacted({ number: contacted.number }, ctx.as(groupMember));
      expect((await close(contacted)).status).toBe('closed');

      const replied = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true }, agent);
      await entries.add(
        { number: replied.number, kind: 'outbound_email', text: 'Svar', attachments: [] },
        ctx.as(agent),
      );
      expect((await close(replied)).status).toBe('closed');

      const silent = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: false }, agent);
      expect((await close(silent)).status).toBe('closed');
    });

    it('counts a contact made before the case moved on: the cleared mark stays in the event log', async () => {
      const c = await contractorCase({ customerWantsAnswer: true });
      const contacted = await followUps.markCustomerContacted({ number: c.number }, ctx.as(contractor));
      const { items } = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: contacted.version }],
          kind: 'work_group',
          inboxId: FRONT,
          requiresFeedback: false,
          note: 'Klart från entreprenören.',
        },
        ctx.as(agent),
      );
      expect(items[0].customerContactedAt).toBeNull();
      expect((await close(items[0])).status).toBe('closed');
    });

    it('gives no warning when it is turned off', async () => {
      const quiet = new CaseService(
        ctx.dataSource,
        ctx.repository,
        { nudge: () => undefined },
        { defaultInboxId: 'kundtjanst', closeUnansweredWarning: false },
      );
      const c = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true }, agent);
      expect((await close(c, quiet)).status).toBe('closed');
    });

    it('warns on other failures first: a forbidden transition is CASE.TRANSITION_FORBIDDEN', async () => {
      const c = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true, status: 'closed' }, agent);
      expect(await codeOf(close(c))).toBe('CASE.TRANSITION_FORBIDDEN');
    });

    it('names the open children a master’s closing would close unanswered, and one confirmation closes them all', async () => {
      const master = await ctx.newCase({ inboxId: GROUP }, agent);
      const waiting = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true }, agent);
      const answered = await ctx.newCase({ inboxId: GROUP, customerWantsAnswer: true, customerAnswered: true }, agent);
      await relations.relate(
        { masterNumber: master.number, childNumbers: [waiting.number, answered.number], inheritCaseType: false },
        ctx.as(agent),
      );
      const current = await get(master);

      expect(await failure(close(current))).toEqual({
        code: 'CASE.CUSTOMER_NOT_ANSWERED',
        details: { cases: [waiting.number], count: 1 },
      });

      expect((await close(current, ctx.cases, true)).status).toBe('closed');
      expect((await get(waiting)).status).toBe('closed');
    });

    it('counts a child the closer may not see without naming it', async () => {
      const master = await ctx.newCase({ inboxId: GROUP }, agent);
      const hidden = await ctx.newCase({ inboxId: 'medium-annan', customerWantsAnswer: true }, agent);
      await relations.relate(
        { masterNumber: master.number, childNumbers: [hidden.number], inheritCaseType: false },
        ctx.as({ ...agent, roles: ['admin'], groups: [...agent.groups!, '/inbox/medium-annan'] }),
      );
      const current = await get(master);
      expect(await failure(close(current))).toEqual({
        code: 'CASE.CUSTOMER_NOT_ANSWERED',
        details: { cases: [], count: 1 },
      });
    });
  });
});
