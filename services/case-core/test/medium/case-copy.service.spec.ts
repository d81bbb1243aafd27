import { DomainError } from '@arende/contracts';
import { uuidv7 } from 'uuidv7';
import { CaseCopyRepository } from '../../src/repositories/case-copy.repository.js';
import { CaseCopyService } from '../../src/services/case-copy.service.js';
import { SCHEMA } from '../../src/schema.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;
let copies: CaseCopyService;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  copies = new CaseCopyService(ctx.dataSource, ctx.repository, new CaseCopyRepository(SCHEMA.schema), {
    nudge: () => undefined,
  });
});

afterAll(async () => {
  await ctx?.close();
});

async function addEntry(caseId: string, kind: string, text: string, createdAt: string): Promise<void> {
  await ctx.dataSource.query(
    `INSERT INTO case_core.entry (id, case_id, kind, visibility, author_id, author_name, sender, text, html, attachments, created_at)
     VALUES ($1, $2, $3, 'staff', 'anna', 'Anna', NULL, $4, NULL, '[]', $5)`,
    [uuidv7(), caseId, kind, text, createdAt],
  );
}

async function entriesOf(caseId: string) {
  return ctx.dataSource.query<Array<{ id: string; kind: string; text: string; created_at: Date }>>(
    `SELECT id, kind, text, created_at FROM case_core.entry WHERE case_id = $1 ORDER BY created_at, id`,
    [caseId],
  );
}

async function sourceCase() {
  const source = await ctx.newCase({
    title: 'Trasig gatlykta',
    description: 'Lyktan vid busshållplatsen är släckt.',
    priority: 'prioritised',
    channel: 'email',
    caseTypeId: 'belysning',
    categoryId: 'gata-park',
    areaId: 'rasunda',
    orgUnitId: 'stadsbyggnad',
    servicePointId: 'kundtjanst',
    inboxId: 'gatukontoret',
    templateId: 'mall-belysning',
    customerWantsAnswer: true,
    customerAnswered: true,
    secret: true,
    secrecyParagraph: 'OSL 26:1',
    personalData: true,
  });
  const assigned = await ctx.assignments.assign(
    { number: source.number, version: 1, assigneeId: 'elin', assigneeName: 'Elin' },
    ctx.as(),
  );
  const open = await ctx.cases.transition({ number: source.number, version: assigned.version, to: 'open' }, ctx.as());
  await ctx.cases.lock(source.number, ctx.as({ id: 'elin' }));
  return open;
}

describe(CaseCopyService.name, () => {
  it('registers a new case with the source’s fields but no handler, lock, status or history', async () => {
    const source = await sourceCase();
    const copy = await copies.copy({ number: source.number, withEntries: false }, ctx.as({ id: 'bertil' }));

    expect(copy.number).not.toBe(source.number);
    expect(Number(copy.number.slice(5))).toBeGreaterThan(Number(source.number.slice(5)));
    expect(copy).toEqual({
      ...source,
      id: copy.id,
      number: copy.number,
      version: 1,
      status: 'new',
      assigneeId: null,
      assigneeName: null,
      customerAnswered: false,
      lock: null,
      registeredAt: copy.registeredAt,
      updatedAt: copy.registeredAt,
    });
    expect(await ctx.cases.get(copy.number, ctx.as())).toEqual(copy);

    const registered = (await ctx.outbox()).filter((r) => r.payload.data.id === copy.id);
    expect(registered.map((r) => r.payload.type)).toEqual(['case.evt.registered.v1']);
    expect(registered[0].payload.data).toEqual(copy);
    const copied = (await ctx.outbox()).filter(
      (r) => r.payload.type === 'case.evt.copied.v1' && r.payload.data.caseId === copy.id,
    );
    expect(copied[0].payload.data).toEqual({
      caseId: copy.id,
      number: copy.number,
      sourceCaseId: source.id,
      sourceNumber: source.number,
      entriesCopied: 0,
    });

    const lines = await ctx.dataSource.query<
      Array<{ case_id: string; kind: string; actor_id: string; changes: unknown }>
    >(
      `SELECT case_id, kind, actor_id, changes FROM case_core.case_event WHERE kind IN ('registered', 'copied') AND case_id = ANY($1) ORDER BY id`,
      [[source.id, copy.id]],
    );
    expect(lines.slice(1)).toEqual([
      { case_id: copy.id, kind: 'registered', actor_id: 'bertil', changes: null },
      {
        case_id: copy.id,
        kind: 'copied',
        actor_id: 'bertil',
        changes: { copiedFrom: { before: null, after: source.number }, entries: { before: null, after: 0 } },
      },
      {
        case_id: source.id,
        kind: 'copied',
        actor_id: 'bertil',
        changes: { copiedTo: { before: null, after: copy.number } },
      },
    ]);
    // the source itself is unchanged
    expect((await ctx.cases.get(source.number, ctx.as())).version).toBe(source.version);
  });

  it('copies the entries too with withEntries, with new ids and their original times', async () => {
    const source = await ctx.newCase();
    await addEntry(source.id, 'inbound_email', 'Hej! Lyktan är trasig.', '2026-11-20T08:00:00.000Z');
    await addEntry(source.id, 'phone_note', 'Ringde kunden.', '2026-11-20T09:30:00.000Z');
    const copy = await copies.copy({ number: source.number, withEntries: true }, ctx.as());
    const original = await entriesOf(source.id);
    const copied = await entriesOf(copy.id);
    expect(copied.map((e) => [e.kind, e.text, e.created_at.toISOString()])).toEqual(
      original.map((e) => [e.kind, e.text, e.created_at.toISOString()]),
    );
    expect(copied.map((e) => e.id).filter((id) => original.some((o) => o.id === id))).toEqual([]);
    const without = await copies.copy({ number: source.number, withEntries: false }, ctx.as());
    expect(await entriesOf(without.id)).toEqual([]);
    expect(await entriesOf(source.id)).toEqual(original);
  });

  it('is CASE.NOT_FOUND for an unknown source', async () => {
    await expect(copies.copy({ number: '1999-999996', withEntries: false }, ctx.as())).rejects.toMatchObject({
      constructor: DomainError,
      code: 'CASE.NOT_FOUND',
    });
  });
});
