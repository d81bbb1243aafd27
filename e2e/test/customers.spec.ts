import type { CaseView, CustomerCase, CustomerView } from '@arende/contracts';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// A Skatteverket test personnummer (1981-12-18), written as agents type it.
const PIN = '811218-9876';
const PIN_DIGITS = '198112189876';

let platform: Platform;
let api: Api;

beforeAll(async () => {
  // Debug logs on: the test below checks that not even they carry the personnummer.
  platform = await startPlatform({ logLevel: 'debug' });
  api = new Api(platform);
});

afterAll(async () => {
  await platform?.stop();
});

interface ErrorBody {
  code: string;
  details?: { fields?: Array<{ path: string }>; currentVersion?: number };
}

async function createCustomer(fields: Record<string, unknown>): Promise<CustomerView> {
  const response = await api.call<CustomerView>('POST', '/api/v1/customers', { body: fields });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function register(fields: Record<string, unknown> = {}): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', {
    body: { title: 'Fråga om bygglov', channel: 'phone', ...fields },
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const search = (query: Record<string, unknown>) =>
  api.call<{ items: CustomerView[]; nextCursor: string | null }>('POST', '/api/v1/customers/search', { body: query });

describe('customer cards through the gateway', () => {
  let card: CustomerView;

  beforeAll(async () => {
    card = await createCustomer({
      firstName: 'Åsa',
      lastName: 'Öberg',
      personalIdentityNumber: PIN,
      mobilePhone: '070-123 45 67',
      email: 'Asa.Oberg@example.se',
      propertyDesignation: 'Råsunda 1:23',
    });
  });

  it('registers a card with 201, a Location and the personnummer in 12 digits', async () => {
    const response = await api.call<CustomerView>('POST', '/api/v1/customers', {
      body: { type: 'company', companyName: 'Ängslyckans Bageri AB', organisationNumber: '5560125790' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/v1/customers/${response.body.id}`);
    expect(response.body).toMatchObject({ type: 'company', organisationNumber: '556012-5790', version: 1 });
    expect(card).toMatchObject({
      personalIdentityNumber: PIN_DIGITS,
      propertyDesignation: { tract: 'Råsunda', block: '1', unit: '23' },
    });
    expect((await api.call('GET', `/api/v1/customers/${card.id}`)).body).toEqual(card);
  });

  it('finds the card by personnummer, e-mail, phone and name', async () => {
    for (const query of [
      { pin: PIN_DIGITS },
      { email: 'asa.oberg@EXAMPLE.se' },
      { phone: '+46 70 123 45 67' },
      { name: 'öberg' },
      { name: 'ASA OBERG' },
    ]) {
      const response = await search(query);
      expect(response.status).toBe(200);
      expect(response.body.items.map((c) => c.id)).toEqual([card.id]);
    }
  });

  it('keeps the personnummer searched for out of every log line', async () => {
    expect((await search({ pin: PIN })).status).toBe(200);
    expect((await search({ pin: '811218-9877' })).status).toBe(400);
    const output = platform.output();
    expect(output).toContain('case-core listening');
    expect(output).not.toContain(PIN_DIGITS);
    expect(output).not.toContain('811218');
  });

  it('answers 400 with the field path for a bad personnummer', async () => {
    const response = await api.call<ErrorBody>('POST', '/api/v1/customers', {
      body: { lastName: 'Fel', personalIdentityNumber: '19121212-1213' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REQUEST.INVALID');
    expect(response.body.details?.fields?.map((f) => f.path)).toEqual(['personalIdentityNumber']);
    const update = await api.call<ErrorBody>('PATCH', `/api/v1/customers/${card.id}`, {
      body: { version: card.version, changes: { personalIdentityNumber: '12' } },
    });
    expect(update.status).toBe(400);
    expect(update.body.details?.fields?.map((f) => f.path)).toEqual(['changes.personalIdentityNumber']);
  });

  it('answers 404 CUSTOMER.NOT_FOUND for an unknown card, also when registering a case with it', async () => {
    const unknown = '01935c4f-0000-7000-8000-000000000000';
    const read = await api.call<ErrorBody>('GET', `/api/v1/customers/${unknown}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('CUSTOMER.NOT_FOUND');
    const registered = await api.call<ErrorBody>('POST', '/api/v1/cases', {
      body: { title: 'Med okänd kund', customerId: unknown },
    });
    expect(registered.status).toBe(404);
    expect(registered.body.code).toBe('CUSTOMER.NOT_FOUND');
  });

  it('answers 409 CUSTOMER.VERSION_CONFLICT for a stale version', async () => {
    const other = await createCustomer({ lastName: 'Lindén' });
    const first = await api.call<CustomerView>('PATCH', `/api/v1/customers/${other.id}`, {
      body: { version: 1, changes: { city: 'Solna' } },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await api.call<ErrorBody>('PATCH', `/api/v1/customers/${other.id}`, {
      body: { version: 1, changes: { city: 'Sundbyberg' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CUSTOMER.VERSION_CONFLICT', details: { currentVersion: 2 } });
  });

  it('links a card to a case: it shows in the case’s customers and the customer’s cases', async () => {
    const older = await register({ title: 'Buller från fläkt', customerId: card.id });
    const newer = await register({ title: 'Trasig gatlykta' });
    const path = `/api/v1/cases/${newer.number}/customers/${card.id}`;
    const linked = await api.call<{ items: CustomerView[] }>('PUT', path);
    expect(linked.status).toBe(200);
    expect(linked.body.items.map((c) => c.id)).toEqual([card.id]);
    expect((await api.call('PUT', path)).status).toBe(200);

    const customers = await api.call<{ items: CustomerView[] }>('GET', `/api/v1/cases/${newer.number}/customers`);
    expect(customers.body.items.map((c) => c.id)).toEqual([card.id]);
    const cases = await api.call<{ items: CustomerCase[] }>('GET', `/api/v1/customers/${card.id}/cases`);
    expect(cases.status).toBe(200);
    expect(cases.body.items.map((c) => [c.number, c.title, c.status])).toEqual([
      [newer.number, 'Trasig gatlykta', 'new'],
      [older.number, 'Buller från fläkt', 'new'],
    ]);

    expect((await api.call('DELETE', path)).status).toBe(200);
    const after = await api.call<{ items: CustomerCase[] }>('GET', `/api/v1/customers/${card.id}/cases`);
    expect(after.body.items.map((c) => c.number)).toEqual([older.number]);
  });

  it('answers 404 CASE.NOT_FOUND when linking to an unknown case and 400 for a malformed card id', async () => {
    const unknownCase = await api.call<ErrorBody>('PUT', `/api/v1/cases/1999-999999/customers/${card.id}`);
    expect(unknownCase.status).toBe(404);
    expect(unknownCase.body.code).toBe('CASE.NOT_FOUND');
    const malformed = await api.call<ErrorBody>('GET', '/api/v1/customers/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details?.fields?.map((f) => f.path)).toEqual(['id']);
  });

  it('refuses a caller without a case-worker role: 401 without a token, 403 for a contractor', async () => {
    expect((await search({ name: 'öberg' })).status).toBe(200);
    const anonymous = await api.call('POST', '/api/v1/customers/search', { as: null, body: { name: 'öberg' } });
    expect(anonymous.status).toBe(401);
    const contractor = await api.call('POST', '/api/v1/customers/search', { as: 'fredrik', body: { name: 'öberg' } });
    expect(contractor.status).toBe(403);
  });
});
