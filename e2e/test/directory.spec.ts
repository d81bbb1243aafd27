import { type DirectoryHit, type StaffPerson, saveReferenceV1 } from '@arende/contracts';
import { MessagingNames, RpcClient } from '@arende/messaging';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// The staff directory on the whole platform: an administrator adds people through the gateway, agents and
// officers find them as they type, and a renamed department finds its people under the new name at once.
let platform: Platform;
let api: Api;
let nc: NatsConnection;
let rpc: RpcClient;
const admin = {
  actor: { kind: 'staff' as const, id: 'david', name: 'David Ekström', roles: ['admin'], groups: [] },
  correlationId: 'e2e-directory',
};

const orgUnit = (id: string, name: string, parentId: string | null = null, version?: number) =>
  rpc.request(
    saveReferenceV1,
    { kind: 'org-unit', id, name, orgLevel: parentId ? 'unit' : 'department', parentId, version },
    admin,
  );

async function search(q: string, as = 'anna'): Promise<DirectoryHit[]> {
  const { status, body } = await api.call<{ items: DirectoryHit[] }>(
    'GET',
    `/api/v1/directory?q=${encodeURIComponent(q)}`,
    { as },
  );
  expect(status).toBe(200);
  return body.items;
}

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  // Reference data has no gateway routes yet: routing is asked over NATS, as an administrator.
  nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  rpc = new RpcClient({ nc, names: new MessagingNames(platform.prefix) });
  await orgUnit('stadsbyggnad', 'Stadsbyggnadsförvaltningen');
  await orgUnit('bygglovsenheten', 'Bygglovsenheten', 'stadsbyggnad');
  await orgUnit('omvardnad', 'Omvårdnadsförvaltningen');
  await orgUnit('bistandsenheten', 'Biståndsenheten', 'omvardnad');
  const people = [
    {
      name: 'Elin Sjöberg',
      title: 'Bygglovshandläggare',
      departmentId: 'stadsbyggnad',
      unitId: 'bygglovsenheten',
      skills: ['bygglov', 'strandskydd'],
      inboxIds: ['stadsbyggnad'],
      userName: 'elin',
    },
    {
      name: 'Johan Östlund',
      title: 'Bygglovsarkitekt',
      departmentId: 'stadsbyggnad',
      unitId: 'bygglovsenheten',
      skills: ['detaljplan'],
    },
    {
      name: 'Ingrid Holmberg',
      title: 'Biståndshandläggare',
      departmentId: 'omvardnad',
      unitId: 'bistandsenheten',
      skills: ['hemtjänst'],
      inboxIds: ['bistand'],
    },
    { name: 'Elisabeth Ek', title: 'Enhetschef', departmentId: 'omvardnad', skills: ['hemtjänst'] },
  ];
  for (const body of people) {
    const created = await api.call<StaffPerson>('POST', '/api/v1/directory', { as: 'david', body });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await nc?.drain();
  await platform?.stop();
});

describe('staff directory', () => {
  it('finds people as they are typed, names first, and says what matched', async () => {
    expect((await search('el')).map((hit) => hit.person.name)).toEqual(['Elin Sjöberg', 'Elisabeth Ek']);
    const [elin] = await search('elin sjö', 'elin');
    expect(elin).toMatchObject({
      person: { userName: 'elin', inboxIds: ['stadsbyggnad'] },
      departmentName: 'Stadsbyggnadsförvaltningen',
      unitName: 'Bygglovsenheten',
      matched: [{ field: 'name', text: 'Elin Sjöberg' }],
    });
    expect((await search('bygglov')).map((hit) => hit.person.name)).toEqual(['Elin Sjöberg', 'Johan Östlund']);
    expect((await search('hemtj')).map((hit) => hit.person.name)).toEqual(['Elisabeth Ek', 'Ingrid Holmberg']);
    expect((await search('öst')).map((hit) => hit.person.name)).toEqual(['Johan Östlund']);
  });

  it('narrows to the people serving an inbox', async () => {
    const { body } = await api.call<{ items: DirectoryHit[] }>('GET', '/api/v1/directory?q=h&inboxId=bistand');
    expect(body.items.map((hit) => hit.person.name)).toEqual(['Ingrid Holmberg']);
  });

  it('finds people by the new name of their department as soon as it is renamed', async () => {
    await orgUnit('omvardnad', 'Äldre- och omsorgsförvaltningen', null, 1);
    expect((await search('äldre')).map((hit) => hit.person.name)).toEqual(['Elisabeth Ek', 'Ingrid Holmberg']);
    expect(await search('omvårdnad')).toEqual([]);
  });

  it('refuses bad input with a code', async () => {
    expect(await api.call('GET', '/api/v1/directory?q=')).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    const unknown = await api.call('POST', '/api/v1/directory', {
      as: 'david',
      body: { name: 'Ingen Förvaltning', departmentId: 'saknas' },
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'ROUTING.REFERENCE_UNKNOWN' } });
    const taken = await api.call('POST', '/api/v1/directory', {
      as: 'david',
      body: { name: 'Elin Annan', departmentId: 'stadsbyggnad', userName: 'elin' },
    });
    expect(taken).toMatchObject({ status: 409, body: { code: 'ROUTING.USERNAME_TAKEN' } });
  });
});
