import type { Inbox, ReferenceItem, Template } from '@arende/contracts';
import { matchTemplateV1 } from '@arende/contracts';
import { DEMO_TEMPLATES, INBOXES } from '@arende/demo-data';
import { DEMO_USERS } from '@arende/local-issuer';
import { MessagingNames, RpcClient } from '@arende/messaging';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// Routing on the whole platform: the demo catalogue seeded through the gateway (twice, as a second
// `npm run up` would), inboxes as each kind of caller sees them, and the seeded rules matching a mail.
let platform: Platform;
let api: Api;
let nc: NatsConnection;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('the routing demo seed', () => {
  it('creates the catalogue once; a second run finds it all there', async () => {
    const first = await platform.seedRouting();
    expect(first.created).toBeGreaterThan(40);
    expect(first.present).toBe(0);
    expect(await platform.seedRouting()).toEqual({ created: 0, present: first.created });
  });

  it('gives agents and officers the inboxes of their own groups, supervisors and admins every inbox', async () => {
    const names = async (as: string) =>
      (await api.call<{ items: Inbox[] }>('GET', '/api/v1/inboxes', { as })).body.items.map((inbox) => inbox.id);
    expect(await names('anna')).toEqual(['kundtjanst']);
    expect(await names('elin')).toEqual(['stadsbyggnad']);
    for (const overseer of ['cecilia', 'david']) {
      expect((await names(overseer)).sort()).toEqual(INBOXES.map((inbox) => inbox.id).sort());
    }
  });

  it('has the contractor inbox for the contractor accounts’ organisation', async () => {
    const { status, body } = await api.call<Inbox>('GET', '/api/v1/inboxes/snorojning-ab');
    expect(status).toBe(200);
    const contractor = DEMO_USERS.find((user) => user.roles.includes('contractor'));
    expect(body).toMatchObject({
      kind: 'external_party',
      externalOrganisationId: contractor?.organisation,
      servicePointId: 'kundtjanst',
      email: expect.stringContaining('@') as string,
    });
  });

  it('finds the snow-clearing template for quick registration, with its contractor inbox, priority and SLA', async () => {
    const { body } = await api.call<{ caseTypes: ReferenceItem[]; templates: Template[] }>(
      'GET',
      `/api/v1/templates/search?q=${encodeURIComponent('snöröj')}`,
    );
    expect(body.caseTypes.map((type) => type.id)).toContain('snorojning-utebliven');
    expect(body.templates.find((t) => t.id === 'snorojning-utebliven')).toMatchObject({
      inboxId: 'snorojning-ab',
      defaultPriority: 'prioritised',
      sla: { responseMinutes: 240, resolutionHours: 24 },
    });
  });

  it('matches a mail about snow clearing to that template, and a newsletter to the one that closes at once', async () => {
    const rpc = new RpcClient({ nc, names: new MessagingNames(platform.prefix) });
    const meta = { actor: { kind: 'system' as const, id: 'e2e', roles: [] }, correlationId: 'e2e-routing-match' };
    const mail = { channel: 'email' as const, from: 'anna@example.se', to: [platform.intakeAddress] };
    const snow = await rpc.request(
      matchTemplateV1,
      { ...mail, subject: 'Ingen har plogat', body: 'Det är halt på trottoaren på Råsundavägen.' },
      meta,
    );
    expect(snow.template).toMatchObject({ id: 'snorojning-utebliven', inboxId: 'snorojning-ab' });
    const newsletter = await rpc.request(
      matchTemplateV1,
      { ...mail, from: 'nyhetsbrev@leverantor.se', subject: 'Vinterns nyheter om snöröjning', body: '' },
      meta,
    );
    expect(newsletter.template).toMatchObject({ id: 'nyhetsbrev', closeAtOnce: true });
    expect(DEMO_TEMPLATES.map((t) => t.id)).toContain(newsletter.template?.id);
  });

  it('refuses a template sending cases to an inbox that does not exist, and an external party without its organisation', async () => {
    const template = await api.call('POST', '/api/v1/templates', {
      as: 'david',
      body: { title: 'Till ingenstans', inboxId: 'finns-inte' },
    });
    expect(template).toMatchObject({
      status: 422,
      body: { code: 'ROUTING.REFERENCE_UNKNOWN', details: { references: [{ field: 'inboxId', id: 'finns-inte' }] } },
    });
    const inbox = await api.call('POST', '/api/v1/inboxes', {
      as: 'david',
      body: { name: 'Sophämtning', kind: 'external_party', group: '/inbox/sophamtning' },
    });
    expect(inbox).toMatchObject({ status: 422, body: { code: 'ROUTING.REFERENCE_INVALID' } });
  });
});
