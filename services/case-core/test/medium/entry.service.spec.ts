import {
  AddEntryRequestV1,
  type Actor,
  CATALOGUE,
  DomainError,
  ENTRY_KINDS,
  ENTRY_KIND_RULES,
  type EntryKind,
  type ErrorCode,
  type EventContract,
  ListEntriesRequestV1,
} from '@arende/contracts';
import { expectEventually } from '@arende/testing';
import type { z } from 'zod';
import { EntryRepository } from '../../src/repositories/entry.repository.js';
import { EntryService } from '../../src/services/entry.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;
let entries: EntryService;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  entries = new EntryService(ctx.dataSource, new EntryRepository(ctx.dataSource, 'case_core'), ctx.repository, {
    nudge: () => undefined,
  });
});

afterAll(async () => {
  await ctx?.close();
});

const anna: Partial<Actor> = { id: 'anna', name: 'Anna Andersson' };
const bertil: Partial<Actor> = { id: 'bertil', name: 'Bertil Berg' };
const intake: Partial<Actor> = { kind: 'service', id: 'intake', name: 'intake', roles: [] };

function add(number: string, fields: Partial<z.input<typeof AddEntryRequestV1>> & { kind: EntryKind }, actor = anna) {
  return entries.add(AddEntryRequestV1.parse({ number, text: 'Anteckning', ...fields }), ctx.as(actor));
}

function list(number: string, fields: Partial<z.input<typeof ListEntriesRequestV1>> = {}) {
  return entries.list(ListEntriesRequestV1.parse({ number, ...fields }), ctx.as());
}

/** A sender for the kinds that arrive from outside; nothing for the rest. */
function senderFor(kind: EntryKind): { from?: string } {
  return ENTRY_KIND_RULES[kind].direction === 'inbound' ? { from: 'kund@example.se' } : {};
}

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

async function logKinds(caseId: string): Promise<string[]> {
  const rows = await ctx.dataSource.query<Array<{ kind: string }>>(
    'SELECT kind FROM case_core.case_event WHERE case_id = $1 ORDER BY id',
    [caseId],
  );
  return rows.map((r) => r.kind);
}

async function outboxOf(caseId: string, type: string) {
  return (await ctx.outbox()).filter((r) => r.payload.type === type && r.payload.data.caseId === caseId);
}

const eventContracts = new Map(
  CATALOGUE.filter((m): m is EventContract => m.kind === 'event').map((m) => [m.subject, m] as const),
);

describe(EntryService.name, () => {
  describe('add', () => {
    it.each(ENTRY_KINDS.map((k) => [k]))(
      'adds a %s with its direction, author and default visibility',
      async (kind) => {
        const c = await ctx.newCase();
        const entry = await add(c.number, { kind, ...senderFor(kind) });
        const rule = ENTRY_KIND_RULES[kind];
        expect(entry).toMatchObject({
          caseId: c.id,
          caseNumber: c.number,
          kind,
          direction: rule.direction,
          visibility: rule.defaultVisibility,
          text: 'Anteckning',
          html: null,
          attachments: [],
        });
        if (rule.direction === 'inbound') {
          expect(entry.author).toBeNull();
          expect(entry.from).toBe('kund@example.se');
        } else {
          expect(entry.author).toEqual({ id: 'anna', name: 'Anna Andersson' });
          expect(entry.from).toBeNull();
        }
        expect(await entries.get(entry.id, undefined, ctx.as())).toEqual(entry);
      },
    );

    it('keeps the case version, writes a log line and an entry-added event without the body', async () => {
      const c = await ctx.newCase();
      const entry = await add(c.number, { kind: 'internal_note', text: 'Kunden har personnummer i ärendet' });
      expect((await ctx.cases.get(c.number, ctx.as())).version).toBe(c.version);
      expect(await logKinds(c.id)).toEqual(['registered', 'entry-added']);
      const [row] = await outboxOf(c.id, 'case.evt.entry-added.v1');
      expect(row.payload.data).toEqual({
        entryId: entry.id,
        caseId: c.id,
        number: c.number,
        kind: 'internal_note',
        direction: 'internal',
        visibility: 'staff',
        author: { id: 'anna', name: 'Anna Andersson' },
        hasHtml: false,
        attachmentCount: 0,
        createdAt: entry.createdAt,
      });
      expect(JSON.stringify(row.payload)).not.toContain('personnummer');
    });

    it('stores HTML sanitised, with the text derived from it, and the attachment metadata', async () => {
      const c = await ctx.newCase();
      const attachment = {
        id: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
        fileName: 'foto.jpg',
        contentType: 'image/jpeg',
        size: 123_456,
        storageKey: 'intake/2026/foto.jpg',
      };
      const entry = await add(c.number, {
        kind: 'inbound_email',
        from: 'kund@example.se',
        text: undefined,
        html: '<p onclick="steal()">Se bild</p><img src="cid:foto"><script>alert(1)</script><a href="javascript:x()">x</a>',
        attachments: [attachment],
      });
      expect(entry.html).toBe('<p>Se bild</p><img src="cid:foto" /><a>x</a>');
      expect(entry.text).toBe('Se bild\nx');
      expect((await entries.get(entry.id, undefined, ctx.as())).attachments).toEqual([attachment]);
      const [row] = await outboxOf(c.id, 'case.evt.entry-added.v1');
      expect(row.payload.data).toMatchObject({ hasHtml: true, attachmentCount: 1 });
    });

    it('refuses a visibility that contradicts the kind with the field path, and takes a free choice', async () => {
      const c = await ctx.newCase();
      for (const [kind, visibility] of [
        ['memo', 'customer'],
        ['internal_note', 'customer'],
        ['official_note', 'staff'],
        ['outbound_email', 'staff'],
      ] as const) {
        const error = await add(c.number, { kind, visibility }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('REQUEST.INVALID');
        expect((error as DomainError).details).toEqual({
          fields: [{ path: 'visibility', message: expect.any(String) as string }],
        });
      }
      expect((await add(c.number, { kind: 'phone_note', visibility: 'customer' })).visibility).toBe('customer');
      // A phone note the customer may see is a call with them: it marks the customer contacted (follow-up tests).
      expect(await logKinds(c.id)).toEqual(['registered', 'entry-added', 'customer-contacted']);
    });

    it('answers CASE.NOT_FOUND for an unknown case', async () => {
      expect(await codeOf(add('2019-999999', { kind: 'memo' }))).toBe('CASE.NOT_FOUND');
    });

    it("refuses the city's entries on a case somebody else has locked, but lets entries from outside in", async () => {
      const c = await ctx.newCase();
      await ctx.cases.lock(c.number, ctx.as(anna));
      expect(await codeOf(add(c.number, { kind: 'memo' }, bertil))).toBe('CASE.LOCKED');
      expect(await codeOf(add(c.number, { kind: 'outbound_email' }, bertil))).toBe('CASE.LOCKED');
      expect(await codeOf(add(c.number, { kind: 'memo' }, anna))).toBe('resolved');
      expect(await codeOf(add(c.number, { kind: 'inbound_sms', from: '+46701234567' }, intake))).toBe('resolved');
      expect((await list(c.number)).items.map((e) => e.kind)).toEqual(['memo', 'inbound_sms']);
    });

    it('refuses entries on a closed case except those arriving from outside', async () => {
      const c = await ctx.newCase({ status: 'closed' });
      for (const kind of [
        'phone_note',
        'memo',
        'internal_note',
        'official_note',
        'outbound_email',
        'referral',
      ] as const) {
        expect(await codeOf(add(c.number, { kind }))).toBe('CASE.CLOSED');
      }
      for (const kind of ['inbound_email', 'inbound_web', 'referral_answer', 'system_event'] as const) {
        expect(await codeOf(add(c.number, { kind, ...senderFor(kind) }, intake))).toBe('resolved');
      }
    });

    it('waits for a closing in progress, then refuses the memo (it cannot slip past the memo removal)', async () => {
      const c = await ctx.newCase();
      const closer = ctx.dataSource.createQueryRunner();
      await closer.connect();
      try {
        await closer.startTransaction();
        await closer.query('SELECT 1 FROM case_core."case" WHERE id = $1 FOR UPDATE', [c.id]);
        const adding = codeOf(add(c.number, { kind: 'memo' }));
        await expectEventually(async () => {
          const waiting = await ctx.dataSource.query<Array<{ n: string }>>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          expect(Number(waiting[0].n)).toBeGreaterThan(0);
        });
        await closer.query(`UPDATE case_core."case" SET status = 'closed' WHERE id = $1`, [c.id]);
        await closer.commitTransaction();
        expect(await adding).toBe('CASE.CLOSED');
      } finally {
        await closer.release();
      }
    });
  });

  describe('closing the case', () => {
    it('removes the memos in the closing transaction and keeps internal and official notes', async () => {
      const c = await ctx.newCase();
      const memos = [await add(c.number, { kind: 'memo' }), await add(c.number, { kind: 'memo' })];
      const internal = await add(c.number, { kind: 'internal_note' });
      const official = await add(c.number, { kind: 'official_note' });
      const phone = await add(c.number, { kind: 'phone_note' });
      await ctx.cases.transition({ number: c.number, version: c.version, to: 'closed' }, ctx.as(anna));
      expect((await list(c.number)).items.map((e) => e.id)).toEqual([internal.id, official.id, phone.id]);
      expect(await codeOf(entries.get(memos[0].id, undefined, ctx.as()))).toBe('ENTRY.NOT_FOUND');
      expect((await logKinds(c.id)).slice(-2)).toEqual(['status-changed', 'entries-removed']);
      const removed = await outboxOf(c.id, 'case.evt.entries-removed.v1');
      expect(removed.map((r) => r.payload.data)).toEqual([
        {
          caseId: c.id,
          number: c.number,
          reason: 'case-closed',
          kinds: ['memo'],
          count: 2,
          entryIds: memos.map((m) => m.id).sort(),
        },
      ]);
    });

    it('publishes no removal when there were no memos, and takes memos again once reopened', async () => {
      const c = await ctx.newCase();
      await add(c.number, { kind: 'internal_note' });
      const closed = await ctx.cases.transition({ number: c.number, version: c.version, to: 'closed' }, ctx.as(anna));
      expect(await outboxOf(c.id, 'case.evt.entries-removed.v1')).toEqual([]);
      expect(await logKinds(c.id)).not.toContain('entries-removed');
      await ctx.cases.transition({ number: c.number, version: closed.version, to: 'reopened' }, ctx.as(anna));
      expect(await codeOf(add(c.number, { kind: 'memo' }))).toBe('resolved');
    });
  });

  describe('list', () => {
    it('pages a timeline oldest or newest first, only the kinds asked for', async () => {
      const c = await ctx.newCase();
      const made = [];
      for (const kind of ['inbound_email', 'memo', 'outbound_email', 'memo', 'official_note'] as const) {
        made.push(await add(c.number, { kind, ...senderFor(kind) }));
      }
      const ids = made.map((e) => e.id);
      const first = await list(c.number, { limit: 2 });
      expect(first.items.map((e) => e.id)).toEqual(ids.slice(0, 2));
      const second = await list(c.number, { limit: 2, cursor: first.nextCursor! });
      const third = await list(c.number, { limit: 2, cursor: second.nextCursor! });
      expect([...second.items, ...third.items].map((e) => e.id)).toEqual(ids.slice(2));
      expect(third.nextCursor).toBeNull();

      const newest = await list(c.number, { order: 'desc', limit: 3 });
      const rest = await list(c.number, { order: 'desc', limit: 3, cursor: newest.nextCursor! });
      expect([...newest.items, ...rest.items].map((e) => e.id)).toEqual([...ids].reverse());

      const mail = await list(c.number, { kinds: ['inbound_email', 'outbound_email'] });
      expect(mail.items.map((e) => e.id)).toEqual([ids[0], ids[2]]);
    });

    it('answers CASE.NOT_FOUND for an unknown case and REQUEST.INVALID for a forged cursor', async () => {
      const c = await ctx.newCase();
      expect(await codeOf(list('2019-999998'))).toBe('CASE.NOT_FOUND');
      expect(await codeOf(list(c.number, { cursor: 'bm90LWEtY3Vyc29y' }))).toBe('REQUEST.INVALID');
    });
  });

  describe('get', () => {
    it("answers ENTRY.NOT_FOUND for an unknown entry or one of another case's", async () => {
      const a = await ctx.newCase();
      const b = await ctx.newCase();
      const entry = await add(a.number, { kind: 'memo' });
      expect((await entries.get(entry.id, a.number, ctx.as())).id).toBe(entry.id);
      expect(await codeOf(entries.get(entry.id, b.number, ctx.as()))).toBe('ENTRY.NOT_FOUND');
      expect(await codeOf(entries.get('01935c4f-0a1b-7c2d-8e3f-000000000000', undefined, ctx.as()))).toBe(
        'ENTRY.NOT_FOUND',
      );
    });
  });

  it('writes only entry events that pass their contract', async () => {
    const rows = (await ctx.outbox()).filter((r) => r.subject.includes('entr'));
    expect(new Set(rows.map((r) => r.subject))).toEqual(
      new Set(['case.evt.entry-added.v1', 'case.evt.entries-removed.v1']),
    );
    for (const row of rows) {
      const parsed = eventContracts.get(row.subject)!.envelope.safeParse(row.payload);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });
});
