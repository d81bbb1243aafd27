import { type Actor, DomainError, type ErrorCode, caseDistributedV1 } from '@arende/contracts';
import { DistributionService } from '../../src/services/distribution.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';
import { testInbox } from './inbox-responder.js';

let ctx: CaseTestContext;

const FRONT = 'medium-front';
const GROUP = 'medium-gata';
const SPECIALIST = 'medium-bygglov';
const CONTRACTOR = 'medium-plogning';
const ORGANISATION = 'plogning-ab';

/** Staff of the front inbox, also serving the group, the specialists and the contractor inbox. */
const agent = (id = 'anna'): Partial<Actor> => ({
  id,
  name: id,
  groups: [FRONT, GROUP, SPECIALIST, CONTRACTOR].map((inbox) => `/inbox/${inbox}`),
});
const specialist: Partial<Actor> = { id: 'sven', name: 'Sven Specialist', groups: [`/inbox/${SPECIALIST}`] };
const contractor: Partial<Actor> = {
  kind: 'contractor',
  id: 'kalle',
  roles: ['contractor'],
  organisation: ORGANISATION,
};

beforeAll(async () => {
  ctx = await createCaseTestContext();
  ctx.inboxes.put(testInbox(FRONT, { name: 'Kundtjänst' }));
  ctx.inboxes.put(testInbox(GROUP, { name: 'Gatukontoret' }));
  ctx.inboxes.put(testInbox(SPECIALIST, { name: 'Bygglov', kind: 'specialist_group' }));
  ctx.inboxes.put(
    testInbox(CONTRACTOR, {
      name: 'Plogning AB',
      kind: 'external_party',
      externalOrganisationId: ORGANISATION,
      acknowledgeMinutes: 90,
      customerContactMinutes: 180,
    }),
  );
  ctx.inboxes.put(testInbox('medium-nedlagd', { active: false }));
});

afterAll(async () => {
  await ctx?.close();
});

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const newFrontCase = (fields = {}) => ctx.newCase({ inboxId: FRONT, ...fields }, agent());

async function entriesOf(caseId: string) {
  return await ctx.dataSource.query<Array<{ kind: string; visibility: string; text: string; author_id: string }>>(
    `SELECT kind, visibility, text, author_id FROM case_core.entry WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
}

async function distributedEvents(caseId: string) {
  return (await ctx.outbox())
    .filter((row) => row.payload.type === caseDistributedV1.subject && row.payload.data.caseId === caseId)
    .map((row) => caseDistributedV1.data.parse(row.payload.data));
}

describe(DistributionService.name, () => {
  describe('to a work group', () => {
    it('moves the case, clears assignee and lock, writes a distribution entry and says so in an event', async () => {
      const c = await newFrontCase();
      const anna = ctx.as(agent());
      const taken = await ctx.assignments.assign({ number: c.number, version: 1, assigneeId: 'anna' }, anna);
      expect(taken.lock?.holderId).toBe('anna');
      const { items } = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: taken.version }],
          kind: 'work_group',
          inboxId: GROUP,
          requiresFeedback: false,
          note: 'Gäller gatubelysningen.',
          notifyCustomer: { message: 'Ditt ärende har skickats till Gatukontoret.' },
        },
        anna,
      );
      expect(items[0]).toMatchObject({ inboxId: GROUP, assigneeId: null, lock: null, feedbackReturnInboxId: null });
      const entries = await entriesOf(c.id);
      expect(entries).toEqual([
        {
          kind: 'distribution',
          visibility: 'staff',
          text: 'Fördelat till arbetsgruppen Gatukontoret\n\nGäller gatubelysningen.',
          author_id: 'anna',
        },
      ]);
      const [distributed] = await distributedEvents(c.id);
      expect(distributed).toMatchObject({
        kind: 'work_group',
        fromInboxId: FRONT,
        toInboxId: GROUP,
        version: items[0].version,
        note: 'Gäller gatubelysningen.',
        email: null,
        notifyCustomer: { message: 'Ditt ärende har skickats till Gatukontoret.', email: null },
        acknowledgeMinutes: null,
        customerContactMinutes: null,
      });
      const types = (await ctx.outbox())
        .filter((row) => row.payload.data.caseId === c.id || row.payload.data.number === c.number)
        .map((row) => row.payload.type);
      expect(types).toEqual(
        expect.arrayContaining(['case.evt.assigned.v1', 'case.evt.lock-changed.v1', 'case.evt.entry-added.v1']),
      );
    });

    it('distributes many cases at once, all or none, and notifies a customer only for a single case', async () => {
      const cases = [await newFrontCase(), await newFrontCase(), await newFrontCase()];
      const anna = ctx.as(agent());
      const request = {
        cases: cases.map((c) => ({ number: c.number, version: c.version })),
        kind: 'work_group' as const,
        inboxId: GROUP,
        requiresFeedback: false,
        note: '',
      };
      expect(await codeOf(ctx.distributions.distribute({ ...request, notifyCustomer: { message: 'Hej' } }, anna))).toBe(
        'CASE.NOTIFY_SINGLE_CASE_ONLY',
      );
      await ctx.cases.update({ number: cases[2].number, version: 1, changes: { title: 'Ändrad' } }, anna);
      expect(await codeOf(ctx.distributions.distribute(request, anna))).toBe('CASE.VERSION_CONFLICT');
      for (const c of cases) expect((await ctx.cases.get(c.number, anna)).inboxId).toBe(FRONT);
      expect(await entriesOf(cases[0].id)).toEqual([]);

      request.cases[2].version = 2;
      const { items } = await ctx.distributions.distribute(request, anna);
      expect(items.map((view) => [view.number, view.inboxId])).toEqual(cases.map((c) => [c.number, GROUP]));
      for (const c of cases) {
        const [distributed] = await distributedEvents(c.id);
        expect(distributed.notifyCustomer).toBeNull();
        expect((await entriesOf(c.id)).map((e) => e.text)).toEqual(['Fördelat till arbetsgruppen Gatukontoret']);
      }
    });

    it('refuses an inbox of another kind, one routing does not know, and one that takes no cases', async () => {
      const c = await newFrontCase();
      const anna = ctx.as(agent());
      const to = (kind: 'work_group' | 'specialist_group', inboxId: string) =>
        ctx.distributions.distribute(
          { cases: [{ number: c.number, version: 1 }], kind, inboxId, requiresFeedback: false, note: '' },
          anna,
        );
      expect(await codeOf(to('work_group', SPECIALIST))).toBe('CASE.INBOX_KIND_MISMATCH');
      expect(await codeOf(to('specialist_group', GROUP))).toBe('CASE.INBOX_KIND_MISMATCH');
      expect(await codeOf(to('work_group', 'finns-inte'))).toBe('CASE.INBOX_NOT_FOUND');
      expect(await codeOf(to('work_group', 'medium-nedlagd'))).toBe('CASE.INBOX_INACTIVE');
    });

    it('is for staff who may change the case: others do not find it, contractors may not', async () => {
      const c = await newFrontCase();
      const request = {
        cases: [{ number: c.number, version: 1 }],
        kind: 'work_group' as const,
        inboxId: GROUP,
        requiresFeedback: false,
        note: '',
      };
      const outsider = ctx.as({ id: 'olle', groups: ['/inbox/annan'] });
      expect(await codeOf(ctx.distributions.distribute(request, outsider))).toBe('CASE.NOT_FOUND');
      await ctx.cases.lock(c.number, ctx.as(agent('bertil')));
      expect(await codeOf(ctx.distributions.distribute(request, ctx.as(agent())))).toBe('CASE.LOCKED');
    });
  });

  describe('to a specialist group that must give feedback', () => {
    it('cannot be resolved, closed, moved or sent on until the specialist returns it to the inbox it came from', async () => {
      const c = await newFrontCase();
      const anna = ctx.as(agent());
      const [sent] = (
        await ctx.distributions.distribute(
          {
            cases: [{ number: c.number, version: 1 }],
            kind: 'specialist_group',
            inboxId: SPECIALIST,
            requiresFeedback: true,
            note: 'Behöver besked om bygglovet.',
          },
          anna,
        )
      ).items;
      expect(sent).toMatchObject({ inboxId: SPECIALIST, feedbackReturnInboxId: FRONT });
      const sven = ctx.as(specialist);
      for (const to of ['resolved', 'closed'] as const) {
        expect(await codeOf(ctx.cases.transition({ number: c.number, version: sent.version, to }, sven))).toBe(
          'CASE.FEEDBACK_REQUIRED',
        );
      }
      const mine = await ctx.assignments.assign({ number: c.number, version: sent.version, assigneeId: 'sven' }, sven);
      expect(
        await codeOf(ctx.distributions.move({ number: c.number, version: mine.version, inboxId: GROUP }, sven)),
      ).toBe('CASE.FEEDBACK_REQUIRED');
      expect(
        await codeOf(
          ctx.distributions.distribute(
            {
              cases: [{ number: c.number, version: mine.version }],
              kind: 'work_group',
              inboxId: GROUP,
              requiresFeedback: false,
              note: '',
            },
            sven,
          ),
        ),
      ).toBe('CASE.FEEDBACK_REQUIRED');

      const returned = await ctx.distributions.returnFeedback(
        { number: c.number, version: mine.version, note: 'Bygglovet är beviljat.' },
        sven,
      );
      expect(returned).toMatchObject({ inboxId: FRONT, feedbackReturnInboxId: null, assigneeId: null, lock: null });
      expect((await entriesOf(c.id)).map((e) => e.text)).toEqual([
        'Fördelat till specialistgruppen Bygglov\n\nÅterkoppling krävs: specialistgruppen lämnar tillbaka ärendet i stället för att avsluta det.\n\nBehöver besked om bygglovet.',
        'Återkoppling från Bygglov\n\nBygglovet är beviljat.',
      ]);
      const events = await distributedEvents(c.id);
      expect(events.map((e) => [e.kind, e.fromInboxId, e.toInboxId, e.requiresFeedback])).toEqual([
        ['specialist_group', FRONT, SPECIALIST, true],
        ['feedback_return', SPECIALIST, FRONT, false],
      ]);
      const closed = await ctx.cases.transition({ number: c.number, version: returned.version, to: 'closed' }, anna);
      expect(closed.status).toBe('closed');
    });

    it('refuses return-feedback on a case that owes none', async () => {
      const c = await newFrontCase();
      expect(
        await codeOf(
          ctx.distributions.returnFeedback({ number: c.number, version: 1, note: 'Klart' }, ctx.as(agent())),
        ),
      ).toBe('CASE.FEEDBACK_NOT_REQUIRED');
    });
  });

  describe('to an external party', () => {
    it('hands the case to the contractor organisation (status with external), whose contractors then see it', async () => {
      const c = await newFrontCase();
      expect(await codeOf(ctx.cases.get(c.number, ctx.as(contractor)))).toBe('CASE.NOT_FOUND');
      const { items } = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: 1 }],
          kind: 'external_party',
          inboxId: CONTRACTOR,
          requiresFeedback: false,
          note: 'Plogning Råsundavägen 12.',
        },
        ctx.as(agent()),
      );
      expect(items[0]).toMatchObject({
        inboxId: CONTRACTOR,
        status: 'with_external',
        externalOrganisationId: ORGANISATION,
      });
      // The contractor's agreed limits travel with the event, for the SLA watcher to time.
      const [distributed] = await distributedEvents(c.id);
      expect(distributed).toMatchObject({ acknowledgeMinutes: 90, customerContactMinutes: 180 });
      const seen = await ctx.cases.get(c.number, ctx.as(contractor));
      expect(seen).toMatchObject({ number: c.number, status: 'with_external' });
      expect(
        await codeOf(
          ctx.distributions.distribute(
            {
              cases: [{ number: c.number, version: seen.version }],
              kind: 'work_group',
              inboxId: GROUP,
              requiresFeedback: false,
              note: '',
            },
            ctx.as(contractor),
          ),
        ),
      ).toBe('AUTH.FORBIDDEN');

      // Taken back in to a work group: the contractor loses it and the case is open again.
      const back = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: seen.version }],
          kind: 'work_group',
          inboxId: GROUP,
          requiresFeedback: false,
          note: '',
        },
        ctx.as(agent()),
      );
      expect(back.items[0]).toMatchObject({ status: 'open', externalOrganisationId: null });
      expect(await codeOf(ctx.cases.get(c.number, ctx.as(contractor)))).toBe('CASE.NOT_FOUND');
    });
  });

  describe('by e-mail', () => {
    it('to an external system and for information: the case stays, the event carries recipients and what to include', async () => {
      const c = await newFrontCase();
      const anna = ctx.as(agent());
      const system = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: 1 }],
          kind: 'external_system',
          requiresFeedback: false,
          email: {
            to: ['arenden@bygglov.example'],
            include: { description: true, entries: true, attachments: false, customer: true },
          },
          note: 'För registrering i bygglovssystemet.',
          notifyCustomer: { message: 'Ditt ärende har skickats vidare.', email: 'kund@example.se' },
        },
        anna,
      );
      expect(system.items[0]).toMatchObject({ inboxId: FRONT, version: 1 });
      const info = await ctx.distributions.distribute(
        {
          cases: [{ number: c.number, version: 1 }],
          kind: 'for_information',
          requiresFeedback: false,
          email: {
            to: ['chef@solna.example', 'press@solna.example'],
            include: { description: true, entries: false, attachments: false, customer: false },
          },
          note: '',
        },
        anna,
      );
      expect(info.items[0].inboxId).toBe(FRONT);
      expect((await entriesOf(c.id)).map((e) => e.text)).toEqual([
        'Fördelat via e-post till arenden@bygglov.example\n\nFör registrering i bygglovssystemet.',
        'Skickat för kännedom till chef@solna.example, press@solna.example',
      ]);
      const events = await distributedEvents(c.id);
      expect(events.map((e) => [e.kind, e.fromInboxId, e.toInboxId, e.email, e.notifyCustomer])).toEqual([
        [
          'external_system',
          FRONT,
          FRONT,
          {
            to: ['arenden@bygglov.example'],
            include: { description: true, entries: true, attachments: false, customer: true },
          },
          { message: 'Ditt ärende har skickats vidare.', email: 'kund@example.se' },
        ],
        [
          'for_information',
          FRONT,
          FRONT,
          {
            to: ['chef@solna.example', 'press@solna.example'],
            include: { description: true, entries: false, attachments: false, customer: false },
          },
          null,
        ],
      ]);
    });
  });

  describe('move (cut and paste)', () => {
    it('moves a case only for its handling officer, with a log line and an event but no entry', async () => {
      const c = await newFrontCase();
      const anna = ctx.as(agent());
      expect(await codeOf(ctx.distributions.move({ number: c.number, version: 1, inboxId: GROUP }, anna))).toBe(
        'CASE.NOT_ASSIGNEE',
      );
      const mine = await ctx.assignments.assign({ number: c.number, version: 1, assigneeId: 'bertil' }, anna);
      expect(
        await codeOf(ctx.distributions.move({ number: c.number, version: mine.version, inboxId: GROUP }, anna)),
      ).toBe('CASE.NOT_ASSIGNEE');
      const bertil = ctx.as(agent('bertil'));
      const moved = await ctx.distributions.move({ number: c.number, version: mine.version, inboxId: GROUP }, bertil);
      expect(moved).toMatchObject({ inboxId: GROUP, assigneeId: 'bertil', version: mine.version + 1 });
      expect(await entriesOf(c.id)).toEqual([]);
      const log = await ctx.dataSource.query<Array<{ kind: string; changes: unknown }>>(
        `SELECT kind, changes FROM case_core.case_event WHERE case_id = $1 AND kind = 'moved'`,
        [c.id],
      );
      expect(log).toEqual([{ kind: 'moved', changes: { inbox: { before: FRONT, after: GROUP } } }]);
      const movedEvents = (await ctx.outbox()).filter(
        (row) => row.payload.type === 'case.evt.moved.v1' && row.payload.data.caseId === c.id,
      );
      expect(movedEvents.map((row) => row.payload.data)).toEqual([
        { caseId: c.id, number: c.number, version: moved.version, fromInboxId: FRONT, toInboxId: GROUP },
      ]);
      expect(await distributedEvents(c.id)).toEqual([]);
      expect(
        await codeOf(
          ctx.distributions.move({ number: c.number, version: moved.version, inboxId: 'finns-inte' }, bertil),
        ),
      ).toBe('CASE.INBOX_NOT_FOUND');
    });
  });
});
