import { randomInt, randomUUID } from 'node:crypto';
import {
  CreateCustomerRequestV1,
  type CustomerView,
  DomainError,
  type ErrorCode,
  SearchCustomersRequestV1,
  UpdateCustomerRequestV1,
} from '@arende/contracts';
import type { z } from 'zod';
import { CustomerRepository } from '../../src/repositories/customer.repository.js';
import { CustomerService } from '../../src/services/customer.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;
let customers: CustomerService;
let nudged = 0;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  customers = new CustomerService(ctx.dataSource, new CustomerRepository(ctx.dataSource, 'case_core'), ctx.repository, {
    nudge: () => void nudged++,
  });
});

afterAll(async () => {
  await ctx?.close();
});

async function failureOf(promise: Promise<unknown>): Promise<{ code: ErrorCode | 'resolved'; details?: unknown }> {
  try {
    await promise;
    return { code: 'resolved' };
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
}

function pathsOf(details: unknown): string[] {
  return ((details as { fields: Array<{ path: string }> }).fields ?? []).map((f) => f.path);
}

/** A valid personnummer of a random day in 1950–1999, as `YYMMDD-NNNN`, with its 12-digit form. */
function newPin(): { typed: string; normalized: string } {
  const year = randomInt(1950, 2000);
  const date = `${String(year % 100).padStart(2, '0')}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const nine = `${date}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const sum = [...nine].reduce((acc, d, i) => {
    const v = Number(d) * (i % 2 === 0 ? 2 : 1);
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  const check = String((10 - (sum % 10)) % 10);
  return { typed: `${date}-${nine.slice(6)}${check}`, normalized: `19${nine}${check}` };
}

/** A surname nobody else in this file has, with Swedish letters in it. */
function newSurname(): string {
  return `Öberg${randomUUID().slice(0, 8)}`;
}

function newMobile(): { typed: string; international: string } {
  const rest = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return { typed: `070-${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`, international: `+46 70 ${rest}` };
}

function create(fields: z.input<typeof CreateCustomerRequestV1>): Promise<CustomerView> {
  return customers.create(CreateCustomerRequestV1.parse(fields), ctx.as());
}

function update(id: string, version: number, changes: Record<string, unknown>): Promise<CustomerView> {
  return customers.update(UpdateCustomerRequestV1.parse({ id, version, changes }), ctx.as());
}

function search(query: z.input<typeof SearchCustomersRequestV1>) {
  return customers.search(SearchCustomersRequestV1.parse(query), ctx.as());
}

async function outboxOf(subject: string, key: string, value: string) {
  const rows = await ctx.outbox();
  return rows.filter((r) => r.subject === subject && r.payload.data[key] === value);
}

describe(CustomerService.name, () => {
  describe('create', () => {
    it('stores the personnummer as 12 digits, the organisation number as NNNNNN-NNNN, phones as typed', async () => {
      const pin = newPin();
      const before = nudged;
      const card = await create({
        firstName: 'Åsa',
        lastName: newSurname(),
        personalIdentityNumber: pin.typed,
        organisationNumber: '5560125790',
        mobilePhone: '070-123 45 67',
        email: 'Asa@Example.se',
        propertyDesignation: 'Solna Råsunda 1:23',
      });
      expect(card).toMatchObject({
        version: 1,
        type: 'private_person',
        anonymous: false,
        personalIdentityNumber: pin.normalized,
        organisationNumber: '556012-5790',
        mobilePhone: '070-123 45 67',
        email: 'Asa@Example.se',
        propertyDesignation: { tract: 'Solna Råsunda', block: '1', unit: '23' },
        careOf: null,
      });
      expect(await customers.get(card.id, ctx.as())).toEqual(card);
      const events = await outboxOf('case.evt.customer-registered.v1', 'id', card.id);
      expect(events.map((e) => e.payload.data)).toEqual([card]);
      expect(nudged).toBe(before + 1);
    });

    it('refuses a personnummer with a wrong check digit at its field path, without repeating it', async () => {
      const failure = await failureOf(create({ lastName: 'Fel', personalIdentityNumber: '19121212-1213' }));
      expect(failure.code).toBe('REQUEST.INVALID');
      expect(failure.details).toEqual({
        fields: [{ path: 'personalIdentityNumber', message: expect.any(String) as string, reason: 'CHECKSUM' }],
      });
      expect(JSON.stringify(failure.details)).not.toContain('1213');
    });

    it('reports every bad number at once', async () => {
      const failure = await failureOf(
        create({ organisationNumber: '556012-5791', homePhone: 'ring mig', personalIdentityNumber: '12' }),
      );
      expect(pathsOf(failure.details).sort()).toEqual(['homePhone', 'organisationNumber', 'personalIdentityNumber']);
    });

    it('keeps an anonymous card free of identifying fields', async () => {
      const anonymous = await create({ anonymous: true, city: 'Solna', postcode: '169 67' });
      expect(anonymous).toMatchObject({ anonymous: true, city: 'Solna', firstName: null, email: null });
      const failure = await failureOf(create({ anonymous: true, firstName: 'Åsa', mobilePhone: '0701234567' }));
      expect(failure.code).toBe('REQUEST.INVALID');
      expect(pathsOf(failure.details)).toEqual(['firstName', 'mobilePhone']);
    });
  });

  describe('update', () => {
    it('changes fields, bumps the version and publishes before and after', async () => {
      const card = await create({ firstName: 'Åsa', lastName: newSurname(), mobilePhone: '070-111 22 33' });
      const updated = await update(card.id, 1, { mobilePhone: '+46 70 765 43 21', firstName: 'Åsa', city: 'Solna' });
      expect(updated).toMatchObject({ version: 2, mobilePhone: '+46 70 765 43 21', city: 'Solna' });
      const events = await outboxOf('case.evt.customer-updated.v1', 'customerId', card.id);
      expect(events.map((e) => e.payload.data)).toEqual([
        {
          customerId: card.id,
          version: 2,
          changes: {
            mobilePhone: { before: '070-111 22 33', after: '+46 70 765 43 21' },
            city: { before: null, after: 'Solna' },
          },
        },
      ]);
      expect((await search({ phone: '0707654321' })).items.map((c) => c.id)).toEqual([card.id]);
      expect((await search({ phone: '070-111 22 33' })).items.map((c) => c.id)).not.toContain(card.id);
    });

    it('rejects a stale version with CUSTOMER.VERSION_CONFLICT', async () => {
      const card = await create({ lastName: newSurname() });
      await update(card.id, 1, { city: 'Solna' });
      const failure = await failureOf(update(card.id, 1, { city: 'Sundbyberg' }));
      expect(failure).toEqual({ code: 'CUSTOMER.VERSION_CONFLICT', details: { currentVersion: 2, yourVersion: 1 } });
    });

    it('keeps the version when nothing changes', async () => {
      const card = await create({ lastName: newSurname(), city: 'Solna' });
      expect((await update(card.id, 1, { city: 'Solna' })).version).toBe(1);
    });

    it('refuses a bad personnummer at changes.personalIdentityNumber', async () => {
      const card = await create({ lastName: newSurname() });
      const failure = await failureOf(update(card.id, 1, { personalIdentityNumber: '19121312-1212' }));
      expect(failure.code).toBe('REQUEST.INVALID');
      expect(pathsOf(failure.details)).toEqual(['changes.personalIdentityNumber']);
    });

    it('makes a card anonymous only when its identifying fields are emptied too', async () => {
      const card = await create({ firstName: 'Åsa', lastName: newSurname(), city: 'Solna' });
      const failure = await failureOf(update(card.id, 1, { anonymous: true, firstName: null }));
      expect(pathsOf(failure.details)).toEqual(['changes.lastName']);
      const anonymous = await update(card.id, 1, { anonymous: true, firstName: '', lastName: null });
      expect(anonymous).toMatchObject({ anonymous: true, firstName: null, lastName: null, city: 'Solna' });
    });

    it('is CUSTOMER.NOT_FOUND for an unknown id', async () => {
      expect((await failureOf(update(randomUUID(), 1, { city: 'Solna' }))).code).toBe('CUSTOMER.NOT_FOUND');
      expect((await failureOf(customers.get(randomUUID(), ctx.as()))).code).toBe('CUSTOMER.NOT_FOUND');
    });
  });

  describe('search', () => {
    it('finds by personnummer written in any usual form', async () => {
      const pin = newPin();
      const card = await create({ lastName: newSurname(), personalIdentityNumber: pin.normalized });
      for (const typed of [pin.typed, pin.normalized, pin.typed.replace('-', '')]) {
        expect((await search({ pin: typed })).items.map((c) => c.id)).toEqual([card.id]);
      }
    });

    it('refuses a malformed personnummer at pin', async () => {
      const failure = await failureOf(search({ pin: '19121212-1213' }));
      expect(pathsOf(failure.details)).toEqual(['pin']);
    });

    it('finds by either e-mail address in any case', async () => {
      const local = `kund.${randomUUID().slice(0, 8)}`;
      const card = await create({ lastName: newSurname(), email: `${local}@Solna.se`, otherEmail: `${local}@home.se` });
      expect((await search({ email: `${local.toUpperCase()}@SOLNA.SE` })).items.map((c) => c.id)).toEqual([card.id]);
      expect((await search({ email: `${local}@home.se` })).items.map((c) => c.id)).toEqual([card.id]);
      expect((await search({ email: `${local}@other.se` })).items).toEqual([]);
    });

    it('finds a mobile typed 070… by +4670… and 00467… and the other way round', async () => {
      const mobile = newMobile();
      const work = newMobile();
      const card = await create({ lastName: newSurname(), mobilePhone: mobile.typed, workPhone: work.international });
      const digits = mobile.international.replace(/\D/g, '');
      for (const typed of [mobile.international, `00${digits}`, mobile.typed.replace(/\D/g, '')]) {
        expect((await search({ phone: typed })).items.map((c) => c.id)).toEqual([card.id]);
      }
      expect((await search({ phone: `0${work.international.slice(4)}` })).items.map((c) => c.id)).toEqual([card.id]);
    });

    it('finds by name parts in any case, with or without å ä ö, over first, last and company name', async () => {
      const tag = randomUUID().slice(0, 6);
      const person = await create({ firstName: 'Åsa', lastName: `Öberg${tag}` });
      const company = await create({ type: 'company', companyName: `Ängslyckans Bageri ${tag}` });
      const ids = async (name: string) => (await search({ name })).items.map((c) => c.id);
      expect(await ids(`öberg${tag}`)).toEqual([person.id]);
      expect(await ids(`OBERG${tag} åsa`)).toEqual([person.id]);
      expect(await ids(`asa berg${tag}`)).toEqual([person.id]);
      expect(await ids(`bageri ${tag}`)).toEqual([company.id]);
      expect(await ids(`ÄNGSLYCKANS ${tag}`)).toEqual([company.id]);
      expect(await ids(`anna ${tag}`)).toEqual([]);
    });

    it('pages by name with a cursor', async () => {
      const tag = randomUUID().slice(0, 8);
      const created: string[] = [];
      for (const first of ['Cecilia', 'Anna', 'Bertil'])
        created.push((await create({ firstName: first, lastName: tag })).id);
      const first = await search({ name: tag, limit: 2 });
      expect(first.items.map((c) => c.firstName)).toEqual(['Anna', 'Bertil']);
      expect(first.nextCursor).not.toBeNull();
      const second = await search({ name: tag, limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((c) => c.firstName)).toEqual(['Cecilia']);
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('link', () => {
    it('links a card to a case with a log line and an event; linking again changes nothing', async () => {
      const c = await ctx.newCase();
      const card = await create({ lastName: newSurname() });
      const linked = await customers.link(c.number, card.id, ctx.as());
      expect(linked.items.map((x) => x.id)).toEqual([card.id]);
      const again = await customers.link(c.number, card.id, ctx.as());
      expect(again.items.map((x) => x.id)).toEqual([card.id]);
      const events = await outboxOf('case.evt.customer-linked.v1', 'caseId', c.id);
      expect(events.map((e) => e.payload.data)).toEqual([{ caseId: c.id, number: c.number, customerId: card.id }]);
      const log = await ctx.dataSource.query<Array<{ kind: string; changes: unknown }>>(
        `SELECT kind, changes FROM case_core.case_event WHERE case_id = $1 ORDER BY id`,
        [c.id],
      );
      expect(log).toEqual([
        { kind: 'registered', changes: null },
        { kind: 'customer-linked', changes: { customer: { before: null, after: card.id } } },
      ]);
      expect((await ctx.cases.get(c.number, ctx.as())).version).toBe(c.version);
    });

    it('lists a customer’s cases newest first and a case’s customers', async () => {
      const card = await create({ lastName: newSurname() });
      const other = await create({ lastName: newSurname() });
      const older = await ctx.newCase({ title: 'Äldre ärende' });
      const newer = await ctx.newCase({ title: 'Nyare ärende' });
      await customers.link(older.number, card.id, ctx.as());
      await customers.link(newer.number, card.id, ctx.as());
      await customers.link(newer.number, other.id, ctx.as());
      const page = await customers.listCases({ id: card.id, limit: 1 }, ctx.as());
      expect(page.items).toEqual([
        {
          id: newer.id,
          number: newer.number,
          title: 'Nyare ärende',
          status: 'new',
          registeredAt: newer.registeredAt,
          linkedAt: expect.any(String) as string,
        },
      ]);
      const rest = await customers.listCases({ id: card.id, limit: 1, cursor: page.nextCursor ?? undefined }, ctx.as());
      expect(rest.items.map((x) => x.number)).toEqual([older.number]);
      expect(rest.nextCursor).toBeNull();
      expect((await customers.listByCase(newer.number, ctx.as())).items.map((x) => x.id)).toEqual([card.id, other.id]);
    });

    it('unlinks with a log line and an event; unlinking again changes nothing', async () => {
      const c = await ctx.newCase();
      const card = await create({ lastName: newSurname() });
      await customers.link(c.number, card.id, ctx.as());
      expect((await customers.unlink(c.number, card.id, ctx.as())).items).toEqual([]);
      expect((await customers.unlink(c.number, card.id, ctx.as())).items).toEqual([]);
      const events = await outboxOf('case.evt.customer-unlinked.v1', 'caseId', c.id);
      expect(events).toHaveLength(1);
      expect((await customers.listCases({ id: card.id, limit: 20 }, ctx.as())).items).toEqual([]);
    });

    it('is CUSTOMER.NOT_FOUND for an unknown card and CASE.NOT_FOUND for an unknown case', async () => {
      const c = await ctx.newCase();
      const card = await create({ lastName: newSurname() });
      expect((await failureOf(customers.link(c.number, randomUUID(), ctx.as()))).code).toBe('CUSTOMER.NOT_FOUND');
      expect((await failureOf(customers.link('1999-999999', card.id, ctx.as()))).code).toBe('CASE.NOT_FOUND');
      expect((await failureOf(customers.listCases({ id: randomUUID(), limit: 20 }, ctx.as()))).code).toBe(
        'CUSTOMER.NOT_FOUND',
      );
    });

    it('refuses to link to a case somebody else has locked', async () => {
      const c = await ctx.newCase();
      const card = await create({ lastName: newSurname() });
      await ctx.cases.lock(c.number, ctx.as({ id: 'bertil' }));
      expect((await failureOf(customers.link(c.number, card.id, ctx.as()))).code).toBe('CASE.LOCKED');
    });
  });

  describe('registering a case with a customerId', () => {
    it('links the card in the same statement, its event after the registered one with the real number', async () => {
      const card = await create({ lastName: newSurname() });
      const c = await ctx.newCase({ customerId: card.id });
      expect((await customers.listByCase(c.number, ctx.as())).items.map((x) => x.id)).toEqual([card.id]);
      const rows = (await ctx.outbox()).filter((r) => r.payload.data.id === c.id || r.payload.data.caseId === c.id);
      expect(rows.map((r) => r.subject)).toEqual(['case.evt.registered.v1', 'case.evt.customer-linked.v1']);
      expect(rows[1].payload.data).toEqual({ caseId: c.id, number: c.number, customerId: card.id });
      const log = await ctx.dataSource.query<Array<{ kind: string }>>(
        `SELECT kind FROM case_core.case_event WHERE case_id = $1 ORDER BY id`,
        [c.id],
      );
      expect(log.map((l) => l.kind)).toEqual(['registered', 'customer-linked']);
    });

    it('refuses an unknown customer with CUSTOMER.NOT_FOUND, leaving no case and no gap in the numbers', async () => {
      const before = await ctx.newCase();
      const count = async () =>
        Number((await ctx.dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM case_core."case"`))[0].n);
      const cases = await count();
      expect((await failureOf(ctx.newCase({ customerId: randomUUID() }))).code).toBe('CUSTOMER.NOT_FOUND');
      expect(await count()).toBe(cases);
      const after = await ctx.newCase();
      expect(Number(after.number.slice(5))).toBe(Number(before.number.slice(5)) + 1);
    });
  });
});
