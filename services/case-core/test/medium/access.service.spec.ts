import { randomUUID } from 'node:crypto';
import {
  type Actor,
  AddEntryRequestV1,
  CreateCustomerRequestV1,
  DomainError,
  type ErrorCode,
  ListEntriesRequestV1,
} from '@arende/contracts';
import { CaseEventRepository } from '../../src/repositories/case-event.repository.js';
import { CaseCopyRepository } from '../../src/repositories/case-copy.repository.js';
import { CustomerRepository } from '../../src/repositories/customer.repository.js';
import { EntryRepository } from '../../src/repositories/entry.repository.js';
import { FavouriteRepository } from '../../src/repositories/favourite.repository.js';
import { RelationRepository } from '../../src/repositories/relation.repository.js';
import { SecretReadAuditRepository } from '../../src/repositories/secret-read-audit.repository.js';
import { CaseCopyService } from '../../src/services/case-copy.service.js';
import { CaseEventService } from '../../src/services/case-event.service.js';
import type { RequestContext } from '../../src/services/case.service.js';
import { CustomerService } from '../../src/services/customer.service.js';
import { EntryService } from '../../src/services/entry.service.js';
import { FavouriteService } from '../../src/services/favourite.service.js';
import { RelationService } from '../../src/services/relation.service.js';
import { SecretReadService } from '../../src/services/secret-read.service.js';
import { SCHEMA } from '../../src/schema.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

const s = SCHEMA.schema;
let ctx: CaseTestContext;
let entries: EntryService;
let events: CaseEventService;
let relations: RelationService;
let favourites: FavouriteService;
let customers: CustomerService;
let copies: CaseCopyService;
let audit: SecretReadService;

const ORIGIN = { ip: '203.0.113.9', userAgent: 'Ärende-test/1.0' };
const PNR_ASA = '191212121212';
const PNR_BO = '199001012385';

/** Staff of kundtjanst; with `secrecy` also allowed to see its secret cases. */
const agent = (secrecy = false): Partial<Actor> => ({
  id: secrecy ? 'sara-sekretess' : 'anna-agent',
  name: secrecy ? 'Sara Sekretess' : 'Anna Agent',
  groups: ['/inbox/kundtjanst', ...(secrecy ? ['/secrecy/kundtjanst'] : [])],
});
const contractorA: Partial<Actor> = { kind: 'contractor', id: 'kalle-a', roles: ['contractor'], organisation: 'org-a' };
const citizenAsa: Partial<Actor> = { kind: 'citizen', id: 'asa', roles: ['citizen'], personalIdentityNumber: PNR_ASA };
const as = (actor: Partial<Actor>): RequestContext => ({ ...ctx.as(actor), origin: ORIGIN });

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const auditRows = (caseNumber: string) =>
  ctx.dataSource.query<Array<{ actor_id: string; action: string; origin_ip: string; origin_user_agent: string }>>(
    `SELECT actor_id, action, origin_ip, origin_user_agent FROM "${s}".secret_read_audit WHERE case_number = $1 ORDER BY id`,
    [caseNumber],
  );

const addEntry = (number: string, kind: 'memo' | 'official_note', text: string) =>
  entries.add(AddEntryRequestV1.parse({ number, kind, text }), as(agent(true)));

beforeAll(async () => {
  ctx = await createCaseTestContext();
  const nobody = { nudge: () => undefined };
  entries = new EntryService(ctx.dataSource, new EntryRepository(ctx.dataSource, s), ctx.repository, nobody);
  events = new CaseEventService(ctx.repository, new CaseEventRepository(ctx.dataSource, s));
  relations = new RelationService(ctx.dataSource, ctx.repository, new RelationRepository(ctx.dataSource, s), nobody);
  favourites = new FavouriteService(ctx.repository, new FavouriteRepository(ctx.dataSource, s));
  customers = new CustomerService(ctx.dataSource, new CustomerRepository(ctx.dataSource, s), ctx.repository, nobody);
  copies = new CaseCopyService(ctx.dataSource, ctx.repository, new CaseCopyRepository(s), nobody);
  audit = new SecretReadService(new SecretReadAuditRepository(ctx.dataSource, s));
});

afterAll(async () => {
  await ctx?.close();
});

describe('access to cases in case-core', () => {
  describe('an agent without the secrecy permission', () => {
    it('gets CASE.NOT_FOUND for a secret case of their own inbox, for every read and write, as for a case that does not exist', async () => {
      const secret = await ctx.newCase({ title: 'Skyddad identitet', secret: true, inboxId: 'kundtjanst' });
      const n = secret.number;
      const anna = as(agent());
      const reads: Array<Promise<unknown>> = [
        ctx.cases.get(n, anna),
        entries.list(ListEntriesRequestV1.parse({ number: n }), anna),
        events.list({ number: n, limit: 10 }, anna),
        relations.get(n, anna),
        customers.listByCase(n, anna),
        favourites.add(n, anna),
        copies.copy({ number: n, withEntries: false }, anna),
        ctx.cases.update({ number: n, version: 1, changes: { title: 'Gissat' } }, anna),
        ctx.cases.lock(n, anna),
        entries.add(AddEntryRequestV1.parse({ number: n, kind: 'memo', text: 'x' }), anna),
      ];
      for (const read of reads) expect(await codeOf(read)).toBe('CASE.NOT_FOUND');
      expect(await codeOf(ctx.cases.get('1999-999991', anna))).toBe('CASE.NOT_FOUND');
      // Nothing was read, so nothing was audited.
      expect(await auditRows(n)).toEqual([]);
    });

    it('gets CASE.NOT_FOUND for a case of an inbox they do not belong to', async () => {
      const other = await ctx.newCase({ title: 'Bygglov', inboxId: 'bygglov' });
      expect(await codeOf(ctx.cases.get(other.number, as(agent())))).toBe('CASE.NOT_FOUND');
      expect(await codeOf(ctx.cases.get(other.number, as({ groups: ['/inbox/bygglov'] })))).toBe('resolved');
    });

    it('does not see the secret case in the inbox listing, the customer’s cases, the relations or the favourites', async () => {
      const inboxId = 'kundtjanst';
      const open = await ctx.newCase({ title: 'Öppet ärende', inboxId });
      const secret = await ctx.newCase({ title: 'Hemligt ärende', inboxId, secret: true }, agent(true));
      const elsewhere = await ctx.newCase({ title: 'Annan inkorg', inboxId: 'bygglov' });
      const anna = as(agent());

      const listed = await ctx.cases.listInbox({ inboxId, limit: 200 }, anna);
      expect(listed.items.map((c) => c.number)).toContain(open.number);
      expect(listed.items.map((c) => c.number)).not.toContain(secret.number);

      const card = await customers.create(CreateCustomerRequestV1.parse({ lastName: 'Kund' }), anna);
      for (const c of [open, secret, elsewhere]) await customers.link(c.number, card.id, ctx.as({ kind: 'system' }));
      const cases = await customers.listCases({ id: card.id, limit: 20 }, anna);
      expect(cases.items.map((c) => c.number)).toEqual([open.number]);

      await relations.relate(
        { masterNumber: open.number, childNumbers: [secret.number], inheritCaseType: false },
        as(agent(true)),
      );
      // Relating showed Sara the secret child: audited in the relating transaction.
      expect((await auditRows(secret.number)).map((r) => [r.actor_id, r.action])).toEqual([
        ['sara-sekretess', 'relations.change'],
      ]);
      expect((await relations.get(open.number, anna)).children).toEqual([]);
      // Nor in the master's event log, which names the children before and after.
      const childrenIn = async (reader: RequestContext) =>
        (await events.list({ number: open.number, limit: 10, kinds: ['related'] }, reader)).items.map(
          (line) => line.changes?.children,
        );
      expect(await childrenIn(anna)).toEqual([{ before: [], after: [] }]);
      expect(await childrenIn(as(agent(true)))).toEqual([{ before: [], after: [secret.number] }]);
      expect((await relations.get(open.number, as(agent(true)))).children.map((c) => c.number)).toEqual([
        secret.number,
      ]);

      // A favourite marked while the permission was held disappears when it is gone.
      const sara = agent(true);
      await favourites.add(secret.number, as(sara));
      await favourites.add(open.number, as(sara));
      const withoutPermission = { ...sara, groups: ['/inbox/kundtjanst'] };
      const favs = await favourites.list({ limit: 10 }, as(withoutPermission));
      expect(favs.items.map((f) => f.number)).toEqual([open.number]);
    });
  });

  describe('an agent with the secrecy permission', () => {
    it('reads the secret case, and each read writes an audit record with who, what and from where', async () => {
      const secret = await ctx.newCase({ title: 'Skyddad adress', secret: true }, agent(true));
      await addEntry(secret.number, 'memo', 'Intern anteckning');
      const sara = as(agent(true));
      await ctx.cases.get(secret.number, sara);
      await entries.list(ListEntriesRequestV1.parse({ number: secret.number }), sara);
      await events.list({ number: secret.number, limit: 10 }, sara);
      await relations.get(secret.number, sara);
      const listed = await ctx.cases.listInbox({ inboxId: 'kundtjanst', limit: 200 }, sara);
      expect(listed.items.map((c) => c.number)).toContain(secret.number);
      await copies.copy({ number: secret.number, withEntries: true }, sara);
      const locked = await ctx.cases.lock(secret.number, sara);
      await ctx.cases.update({ number: secret.number, version: locked.version, changes: { priority: 'urgent' } }, sara);

      const rows = await auditRows(secret.number);
      expect(rows.map((r) => r.action)).toEqual([
        'case.get',
        'entries.list',
        'events.list',
        'relations.get',
        'inbox.list',
        'case.copy',
        'case.lock',
        'case.update',
      ]);
      for (const row of rows) {
        expect(row).toMatchObject({
          actor_id: 'sara-sekretess',
          origin_ip: ORIGIN.ip,
          origin_user_agent: ORIGIN.userAgent,
        });
      }
    });

    it('writes no audit record for reads of cases that are not secret', async () => {
      const open = await ctx.newCase({ title: 'Vanligt' });
      await ctx.cases.get(open.number, as(agent(true)));
      expect(await auditRows(open.number)).toEqual([]);
    });
  });

  describe('the audit log', () => {
    it('is read by admins only, newest first, filtered by case and reader, by cursor', async () => {
      const secret = await ctx.newCase({ title: 'Granskas', secret: true }, agent(true));
      await ctx.cases.get(secret.number, as(agent(true)));
      await ctx.cases.get(secret.number, as({ ...agent(true), id: 'tove', name: 'Tove' }));
      await ctx.cases.get(secret.number, as(agent(true)));
      const admin = as({ roles: ['admin'], groups: [] });

      const first = await audit.list({ caseNumber: secret.number, limit: 2 }, admin);
      expect(first.items.map((r) => r.actor.id)).toEqual(['sara-sekretess', 'tove']);
      expect(first.items[0]).toMatchObject({
        caseNumber: secret.number,
        caseId: secret.id,
        action: 'case.get',
        origin: { ip: ORIGIN.ip, userAgent: ORIGIN.userAgent },
      });
      const second = await audit.list({ caseNumber: secret.number, limit: 2, cursor: first.nextCursor! }, admin);
      expect(second.items.map((r) => r.actor.id)).toEqual(['sara-sekretess']);
      expect(second.nextCursor).toBeNull();
      const byTove = await audit.list({ caseNumber: secret.number, actorId: 'tove', limit: 10 }, admin);
      expect(byTove.items).toHaveLength(1);

      expect(await codeOf(audit.list({ limit: 10 }, as(agent(true))))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(audit.list({ limit: 10 }, as({ roles: ['supervisor'] })))).toBe('AUTH.FORBIDDEN');
    });
  });

  describe('a supervisor', () => {
    it('sees every case of their service points besides their inboxes, but secret ones only with the permission', async () => {
      const there = await ctx.newCase({ title: 'Rasunda', inboxId: 'bygglov', servicePointId: 'solna-rasunda' });
      const secret = await ctx.newCase({
        title: 'Rasunda hemligt',
        inboxId: 'bygglov',
        servicePointId: 'solna-rasunda',
        secret: true,
      });
      const cecilia = as({ roles: ['supervisor'], groups: [], servicePoints: ['solna-rasunda'] });
      expect(await codeOf(ctx.cases.get(there.number, cecilia))).toBe('resolved');
      expect(await codeOf(ctx.cases.get(secret.number, cecilia))).toBe('CASE.NOT_FOUND');
      // An agent with the same claim gets nothing from it: service points are for supervisors and admins.
      const agentWithClaim = as({ roles: ['agent'], groups: [], servicePoints: ['solna-rasunda'] });
      expect(await codeOf(ctx.cases.get(there.number, agentWithClaim))).toBe('CASE.NOT_FOUND');
    });
  });

  describe('a contractor', () => {
    it('sees only the cases of its own organisation, with only the customer-visible entries, and cannot change them', async () => {
      const ofA = await ctx.newCase({ title: 'Snöröjning A' });
      const ofB = await ctx.newCase({ title: 'Snöröjning B', externalOrganisationId: 'org-b' });
      // Distributed by staff through the case update.
      const distributed = await ctx.cases.update(
        { number: ofA.number, version: 1, changes: { externalOrganisationId: 'org-a' } },
        as(agent()),
      );
      expect(distributed.externalOrganisationId).toBe('org-a');
      await addEntry(ofA.number, 'memo', 'Bara för personalen');
      await addEntry(ofA.number, 'official_note', 'Till kunden');

      const kalle = as(contractorA);
      expect((await ctx.cases.get(ofA.number, kalle)).number).toBe(ofA.number);
      expect(await codeOf(ctx.cases.get(ofB.number, kalle))).toBe('CASE.NOT_FOUND');
      expect(await codeOf(entries.list(ListEntriesRequestV1.parse({ number: ofB.number }), kalle))).toBe(
        'CASE.NOT_FOUND',
      );
      const timeline = await entries.list(ListEntriesRequestV1.parse({ number: ofA.number }), kalle);
      expect(timeline.items.map((e) => e.text)).toEqual(['Till kunden']);
      const listed = await ctx.cases.listInbox({ inboxId: 'kundtjanst', limit: 200 }, kalle);
      expect(listed.items.map((c) => c.number)).toEqual([ofA.number]);

      const current = await ctx.cases.get(ofA.number, kalle);
      expect(
        await codeOf(
          ctx.cases.update({ number: ofA.number, version: current.version, changes: { title: 'Ändrat' } }, kalle),
        ),
      ).toBe('AUTH.FORBIDDEN');
      expect(
        await codeOf(ctx.cases.update({ number: ofB.number, version: 1, changes: { title: 'Gissat' } }, kalle)),
      ).toBe('CASE.NOT_FOUND');
      expect(await codeOf(events.list({ number: ofA.number, limit: 5 }, kalle))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(ctx.cases.register({ title: 'Nytt', status: 'new' }, kalle))).toBe('AUTH.FORBIDDEN');
    });

    it('does not see a secret case even when it is distributed to its organisation', async () => {
      const secret = await ctx.newCase({ title: 'Hemligt A', secret: true, externalOrganisationId: 'org-a' });
      expect(await codeOf(ctx.cases.get(secret.number, as(contractorA)))).toBe('CASE.NOT_FOUND');
    });
  });

  describe('a citizen', () => {
    it('sees the cases of customer cards with their personnummer, only customer-visible entries, and nobody else’s', async () => {
      const system = ctx.as({ kind: 'system' });
      const asa = await customers.create(
        CreateCustomerRequestV1.parse({ lastName: 'Åsa', personalIdentityNumber: PNR_ASA }),
        system,
      );
      const bo = await customers.create(
        CreateCustomerRequestV1.parse({ lastName: 'Bo', personalIdentityNumber: PNR_BO }),
        system,
      );
      const own = await ctx.newCase({ title: 'Åsas ärende', customerId: asa.id });
      const others = await ctx.newCase({ title: 'Bos ärende', customerId: bo.id });
      await addEntry(own.number, 'memo', 'Intern');
      await addEntry(own.number, 'official_note', 'Svar till Åsa');

      const citizen = as(citizenAsa);
      expect((await ctx.cases.get(own.number, citizen)).title).toBe('Åsas ärende');
      expect(await codeOf(ctx.cases.get(others.number, citizen))).toBe('CASE.NOT_FOUND');
      expect(await codeOf(relations.get(others.number, citizen))).toBe('CASE.NOT_FOUND');
      const timeline = await entries.list(ListEntriesRequestV1.parse({ number: own.number }), citizen);
      expect(timeline.items.map((e) => e.text)).toEqual(['Svar till Åsa']);
      const memo = (await entries.list(ListEntriesRequestV1.parse({ number: own.number }), as(agent()))).items.find(
        (e) => e.kind === 'memo',
      )!;
      expect(await codeOf(entries.get(memo.id, own.number, citizen))).toBe('ENTRY.NOT_FOUND');
      // The customer register itself is the city's: no card, search, case's cards or card's cases for a citizen or
      // contractor, and the same answer whether the card exists or not.
      for (const reader of [citizen, as(contractorA)]) {
        expect(await codeOf(customers.listCases({ id: bo.id, limit: 10 }, reader))).toBe('AUTH.FORBIDDEN');
        expect(await codeOf(customers.listCases({ id: randomUUID(), limit: 10 }, reader))).toBe('AUTH.FORBIDDEN');
        expect(await codeOf(customers.get(bo.id, reader))).toBe('AUTH.FORBIDDEN');
        expect(await codeOf(customers.search({ pin: PNR_BO, limit: 10 }, reader))).toBe('AUTH.FORBIDDEN');
        expect(await codeOf(customers.listByCase(own.number, reader))).toBe('AUTH.FORBIDDEN');
      }
      expect(
        await codeOf(ctx.cases.transition({ number: own.number, version: own.version, to: 'open' }, citizen)),
      ).toBe('AUTH.FORBIDDEN');
    });
  });

  describe('a service account', () => {
    it('sees no case', async () => {
      const c = await ctx.newCase({ title: 'Något' });
      const service = as({ kind: 'service', id: 'open311', roles: ['integration'], groups: [] });
      expect(await codeOf(ctx.cases.get(c.number, service))).toBe('CASE.NOT_FOUND');
      expect((await ctx.cases.listInbox({ inboxId: 'kundtjanst', limit: 10 }, service)).items).toEqual([]);
    });
  });
});
