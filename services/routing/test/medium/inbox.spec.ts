import type { INestApplicationContext } from '@nestjs/common';
import type { z } from 'zod';
import { loadConfig } from '@arende/config';
import { type RpcContext, RpcClient, ensureStreams, outboxTablesSql } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { type TestContext, createTestContext, expectEventually, factory, readStream } from '@arende/testing';
import {
  type Actor,
  getInboxV1,
  inboxSavedV1,
  listInboxesV1,
  saveInboxV1,
  saveReferenceV1,
  saveTemplateV1,
} from '@arende/contracts';
import { startRouting } from '../../src/boot.js';
import { routingConfig } from '../../src/config.js';
import { SCHEMA } from '../../src/schema.js';

let ctx: TestContext;
let app: INestApplicationContext;
let rpc: RpcClient;

const as = (actor: Partial<Actor> = {}): RpcContext => ({
  actor: factory.actor(actor),
  correlationId: factory.correlationId(),
});
const admin = () => as({ id: 'admin-1', roles: ['admin'] });

const contractor = {
  id: 'snorojning-ab',
  name: 'Snöröjning AB',
  kind: 'external_party' as const,
  group: '/inbox/snorojning-ab',
  orgUnitId: 'stadsbyggnad',
  servicePointId: 'kundtjanst',
  externalOrganisationId: 'snorojning-ab',
  email: 'arbetsorder@snorojning-ab.example',
  acknowledgeMinutes: 120,
};

beforeAll(async () => {
  ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  await ensureStreams(ctx.jsm, ctx.names, ['routing']);
  app = await startRouting({
    config: loadConfig(routingConfig, { NATS_PREFIX: ctx.prefix }),
    dataSource: ctx.dataSource,
    nc: ctx.nc,
    js: ctx.js,
    names: ctx.names,
    logger: createLogger({ service: 'routing', level: 'silent' }),
    metrics: createMetrics('routing'),
  });
  rpc = new RpcClient({ nc: ctx.nc, names: ctx.names });
  await rpc.request(
    saveReferenceV1,
    { kind: 'org-unit', id: 'stadsbyggnad', name: 'Stadsbyggnadsförvaltningen', orgLevel: 'department' },
    admin(),
  );
  await rpc.request(saveReferenceV1, { kind: 'service-point', id: 'kundtjanst', name: 'Kundtjänst' }, admin());
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('inboxes', () => {
  it('are created by administrators only, with the assignment mode pick-own unless told', async () => {
    await expect(rpc.request(saveInboxV1, contractor, as())).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(rpc.request(saveInboxV1, contractor, as({ roles: ['supervisor'] }))).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    const created = await rpc.request(saveInboxV1, contractor, admin());
    expect(created).toMatchObject({
      ...contractor,
      assignmentMode: 'pick_own',
      ownerId: null,
      customerContactMinutes: null,
      active: true,
      version: 1,
    });
    expect(await rpc.request(getInboxV1, { id: 'snorojning-ab' }, as())).toEqual(created);
  });

  it('keep their id across a rename, bump the version, and refuse a stale or missing version', async () => {
    const created = await rpc.request(
      saveInboxV1,
      { name: 'Kundtjänst', kind: 'work_group', group: '/inbox/kundtjanst', assignmentMode: 'pick_next' },
      admin(),
    );
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const renamed = await rpc.request(
      saveInboxV1,
      {
        id: created.id,
        version: 1,
        name: 'Kundtjänst Solna',
        kind: 'work_group',
        group: '/inbox/kundtjanst',
        assignmentMode: 'dispatcher',
      },
      admin(),
    );
    expect(renamed).toMatchObject({
      id: created.id,
      name: 'Kundtjänst Solna',
      assignmentMode: 'dispatcher',
      version: 2,
    });
    await expect(
      rpc.request(
        saveInboxV1,
        { id: created.id, version: 1, name: 'Gammal', kind: 'work_group', group: '/inbox/kundtjanst' },
        admin(),
      ),
    ).rejects.toMatchObject({ code: 'ROUTING.VERSION_CONFLICT', details: { currentVersion: 2 } });
    await expect(rpc.request(saveInboxV1, { ...contractor, name: 'Dubblett' }, admin())).rejects.toMatchObject({
      code: 'ROUTING.VERSION_CONFLICT',
    });
    await expect(
      rpc.request(saveInboxV1, { ...contractor, id: 'finns-inte', version: 1 }, admin()),
    ).rejects.toMatchObject({ code: 'ROUTING.NOT_FOUND' });
  });

  it('give an external organisation to external parties only and an owner to personal inboxes only', async () => {
    const cases: Array<[Partial<z.input<typeof saveInboxV1.request>>, string]> = [
      [{ kind: 'external_party', externalOrganisationId: null }, 'externalOrganisationId'],
      [{ kind: 'work_group' }, 'externalOrganisationId'],
      [{ kind: 'personal', externalOrganisationId: null }, 'ownerId'],
      [{ kind: 'specialist_group', externalOrganisationId: null, ownerId: 'anna' }, 'ownerId'],
    ];
    for (const [change, field] of cases) {
      await expect(
        rpc.request(saveInboxV1, { ...contractor, id: 'fel-form', ...change }, admin()),
      ).rejects.toMatchObject({ code: 'ROUTING.REFERENCE_INVALID', details: { field } });
    }
    const personal = await rpc.request(
      saveInboxV1,
      { id: 'anna-personlig', name: 'Annas inkorg', kind: 'personal', group: '/inbox/anna', ownerId: 'anna' },
      admin(),
    );
    expect(personal).toMatchObject({ kind: 'personal', ownerId: 'anna', externalOrganisationId: null });
  });

  it('name existing org units and service points only, listing every unknown one', async () => {
    await expect(
      rpc.request(
        saveInboxV1,
        { ...contractor, id: 'okanda', orgUnitId: 'finns-inte', servicePointId: 'stadsbyggnad' },
        admin(),
      ),
    ).rejects.toMatchObject({
      code: 'ROUTING.REFERENCE_UNKNOWN',
      details: {
        references: [
          { field: 'orgUnitId', kind: 'org-unit', id: 'finns-inte' },
          { field: 'servicePointId', kind: 'service-point', id: 'stadsbyggnad' },
        ],
      },
    });
    await expect(rpc.request(getInboxV1, { id: 'okanda' }, as())).rejects.toMatchObject({ code: 'ROUTING.NOT_FOUND' });
  });

  it('refuse a group that is not an inbox group path at the edge', async () => {
    await expect(
      rpc.request(saveInboxV1, { ...contractor, id: 'fel-grupp', group: '/staff/admins' }, admin()),
    ).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
  });

  it('are listed by name, the active ones unless asked, and by the caller’s groups when given', async () => {
    await rpc.request(
      saveInboxV1,
      { id: 'gamla-kontoret', name: 'Gamla kontoret', kind: 'work_group', group: '/inbox/kundtjanst', active: false },
      admin(),
    );
    const active = await rpc.request(listInboxesV1, {}, as());
    expect(active.items.map((inbox) => inbox.name)).toEqual(['Annas inkorg', 'Kundtjänst Solna', 'Snöröjning AB']);
    const all = await rpc.request(listInboxesV1, { includeInactive: true }, as());
    expect(all.items.map((inbox) => inbox.id)).toContain('gamla-kontoret');
    const mine = await rpc.request(listInboxesV1, { groups: ['/inbox/kundtjanst', '/inbox/snorojning-ab'] }, as());
    expect(mine.items.map((inbox) => inbox.name)).toEqual(['Kundtjänst Solna', 'Snöröjning AB']);
    expect((await rpc.request(listInboxesV1, { groups: [] }, as())).items).toEqual([]);
  });

  it('are made inactive, never deleted', async () => {
    const current = await rpc.request(getInboxV1, { id: 'anna-personlig' }, as());
    const inactive = await rpc.request(saveInboxV1, { ...current, active: false, version: current.version }, admin());
    expect(inactive).toMatchObject({ active: false, version: 2 });
    expect(await rpc.request(getInboxV1, { id: 'anna-personlig' }, as())).toMatchObject({ active: false });
  });

  it('must exist when a template sends its cases to one', async () => {
    await expect(
      rpc.request(saveTemplateV1, { title: 'Till ingenstans', inboxId: 'finns-inte' }, admin()),
    ).rejects.toMatchObject({
      code: 'ROUTING.REFERENCE_UNKNOWN',
      details: { references: [{ field: 'inboxId', kind: 'inbox', id: 'finns-inte' }] },
    });
    const template = await rpc.request(saveTemplateV1, { title: 'Snöröjning', inboxId: 'snorojning-ab' }, admin());
    expect(template.inboxId).toBe('snorojning-ab');
  });

  it('reach the routing stream as inbox-saved with their full new state', async () => {
    await expectEventually(async () => {
      const stored = await readStream(ctx.js, ctx.jsm, ctx.names.stream('routing'));
      const saved = stored
        .filter((m) => m.subject === ctx.names.subject(inboxSavedV1.subject))
        .map((m) => inboxSavedV1.envelope.parse(m.json).data);
      expect(saved.find((inbox) => inbox.id === 'snorojning-ab')).toMatchObject({ ...contractor, version: 1 });
      expect(saved.filter((inbox) => inbox.id === 'anna-personlig').map((inbox) => inbox.version)).toEqual([1, 2]);
    });
  });
});
