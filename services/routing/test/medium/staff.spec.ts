import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@arende/config';
import { type RpcContext, RpcClient, ensureStreams, outboxTablesSql } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { type TestContext, createTestContext, expectEventually, factory, readStream } from '@arende/testing';
import {
  type Actor,
  getStaffByUserNameV1,
  getStaffV1,
  saveReferenceV1,
  saveStaffV1,
  searchDirectoryV1,
  staffSavedV1,
} from '@arende/contracts';
import type { z } from 'zod';
import { startRouting } from '../../src/boot.js';
import { routingConfig } from '../../src/config.js';
import { SCHEMA } from '../../src/schema.js';
import { StaffService } from '../../src/services/staff.service.js';

let ctx: TestContext;
let app: INestApplicationContext;
let rpc: RpcClient;

const as = (actor: Partial<Actor> = {}): RpcContext => ({
  actor: factory.actor(actor),
  correlationId: factory.correlationId(),
});
const admin = () => as({ id: 'admin-1', roles: ['admin'] });
type NewPerson = z.input<typeof saveStaffV1.request>;
const person = (fields: Partial<NewPerson> & { name: string }) =>
  rpc.request(saveStaffV1, { departmentId: 'sbf', ...fields }, admin());
const search = async (q: string, extra: { inboxId?: string; departmentId?: string; limit?: number } = {}) =>
  (await rpc.request(searchDirectoryV1, { q, ...extra }, as())).items.map((hit) => hit.person.name);

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
  const orgUnit = (id: string, name: string, parentId: string | null = null) =>
    rpc.request(
      saveReferenceV1,
      { kind: 'org-unit', id, name, orgLevel: parentId ? 'unit' : 'department', parentId },
      admin(),
    );
  await orgUnit('sbf', 'Stadsbyggnadsförvaltningen');
  await orgUnit('bygglovsenheten', 'Bygglovsenheten', 'sbf');
  await orgUnit('omv', 'Omvårdnadsförvaltningen');
  await orgUnit('bistand', 'Biståndsenheten', 'omv');
  await orgUnit('ost', 'Östra stadsdelen');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe(StaffService.name, () => {
  describe('save', () => {
    it('is for administrators, with stable ids and optimistic versions', async () => {
      await expect(
        rpc.request(saveStaffV1, { name: 'Ingen Behörighet', departmentId: 'sbf' }, as()),
      ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
      const created = await person({
        name: 'Karin Öberg',
        title: 'Bygglovshandläggare',
        unitId: 'bygglovsenheten',
        phone: '08-746 10 00',
        email: 'karin.oberg@kommun.example',
        skills: ['bygglov', 'strandskydd'],
        inboxIds: ['stadsbyggnad'],
        userName: 'karin',
      });
      expect(created).toMatchObject({ version: 1, name: 'Karin Öberg', mobile: null, active: true });
      const changed = await rpc.request(saveStaffV1, { ...created, title: 'Bygglovsarkitekt', version: 1 }, admin());
      expect(changed).toMatchObject({ id: created.id, version: 2, title: 'Bygglovsarkitekt' });
      await expect(rpc.request(saveStaffV1, { ...created, version: 1 }, admin())).rejects.toMatchObject({
        code: 'ROUTING.VERSION_CONFLICT',
      });
      await expect(rpc.request(saveStaffV1, { ...created, version: undefined }, admin())).rejects.toMatchObject({
        code: 'ROUTING.VERSION_CONFLICT',
      });
      await expect(
        rpc.request(saveStaffV1, { name: 'Saknas', departmentId: 'sbf', id: 'saknas', version: 3 }, admin()),
      ).rejects.toMatchObject({ code: 'ROUTING.NOT_FOUND' });
      expect(await rpc.request(getStaffV1, { id: created.id }, as())).toEqual({
        person: changed,
        departmentName: 'Stadsbyggnadsförvaltningen',
        unitName: 'Bygglovsenheten',
      });
    });

    it('finds a person by login, the same as by id, and nobody by a login no one has', async () => {
      const byId = await rpc.request(getStaffV1, { id: await findId('Karin Öberg') }, as());
      expect(await rpc.request(getStaffByUserNameV1, { userName: 'karin' }, as())).toEqual(byId);
      await expect(rpc.request(getStaffByUserNameV1, { userName: 'ingen' }, as())).rejects.toMatchObject({
        code: 'ROUTING.NOT_FOUND',
      });
      await expect(rpc.request(getStaffByUserNameV1, { userName: '' }, as())).rejects.toMatchObject({
        code: 'REQUEST.INVALID',
      });
    });

    it('refuses unknown org units, a unit outside the department and a login someone else has', async () => {
      await expect(person({ name: 'A', departmentId: 'finns-inte', unitId: 'inte-heller' })).rejects.toMatchObject({
        code: 'ROUTING.REFERENCE_UNKNOWN',
        details: {
          references: [
            { field: 'departmentId', kind: 'org-unit', id: 'finns-inte' },
            { field: 'unitId', kind: 'org-unit', id: 'inte-heller' },
          ],
        },
      });
      await expect(person({ name: 'B', unitId: 'bistand' })).rejects.toMatchObject({
        code: 'ROUTING.REFERENCE_INVALID',
      });
      await expect(person({ name: 'C', departmentId: 'bygglovsenheten' })).rejects.toMatchObject({
        code: 'ROUTING.REFERENCE_INVALID',
      });
      await expect(person({ name: 'D', userName: 'karin' })).rejects.toMatchObject({
        code: 'ROUTING.USERNAME_TAKEN',
      });
      await expect(person({ name: 'E', phone: 'ring mig' })).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
    });

    it('publishes the full new state on the routing stream', async () => {
      await expectEventually(async () => {
        const stored = await readStream(ctx.js, ctx.jsm, ctx.names.stream('routing'));
        const saved = stored.filter((m) => m.subject === ctx.names.subject(staffSavedV1.subject));
        expect(saved.map((m) => staffSavedV1.data.parse((m.json as { data: unknown }).data).name)).toContain(
          'Karin Öberg',
        );
      });
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      await person({ name: 'Anders Sandersson', title: 'Gatuingenjör', skills: ['snöröjning', 'parkering'] });
      await person({ name: 'Ann Lind', title: 'Socialsekreterare', departmentId: 'omv', unitId: 'bistand' });
      await person({ name: 'Anna Ek', title: 'Biståndshandläggare', departmentId: 'omv', inboxIds: ['bistand'] });
      await person({ name: 'Annika Annell', title: 'Administratör', departmentId: 'omv' });
      await person({ name: 'Bo Anker', title: 'Annonssäljare', departmentId: 'ost' });
      await person({ name: 'Östen Åkesson', title: 'Arkivarie', departmentId: 'ost' });
      await person({ name: 'Hélène André', title: 'Tolk', departmentId: 'ost', skills: ['franska'] });
      await person({ name: 'Anna Slutat', title: 'Handläggare', departmentId: 'omv', active: false });
    });

    it('finds a name by the start of a first or last name, case- and accent-insensitively', async () => {
      expect(await search('öberg')).toEqual(['Karin Öberg']);
      expect(await search('KAR öb')).toEqual(['Karin Öberg']);
      expect(await search('östen')).toEqual(['Östen Åkesson']);
      expect(await search('Åke')).toEqual(['Östen Åkesson']);
      expect(await search('helene andre')).toEqual(['Hélène André']);
      // å ä ö are letters of their own, not a, a, o.
      expect(await search('oberg')).toEqual([]);
    });

    it('ranks an exact name first, then whole name words, then names beginning so, shorter first, then titles', async () => {
      // "ann": a whole first name, then names beginning so (shorter first), then a title (Annonssäljare).
      expect(await search('ann')).toEqual(['Ann Lind', 'Anna Ek', 'Annika Annell', 'Bo Anker']);
      expect(await search('an')).toEqual([
        'Anna Ek',
        'Ann Lind',
        'Bo Anker',
        'Hélène André',
        'Annika Annell',
        'Anders Sandersson',
      ]);
      // The exact name before the same words in another order.
      const reversed = await person({ name: 'Ek Anna', departmentId: 'omv' });
      expect(await search('anna ek')).toEqual(['Anna Ek', 'Ek Anna']);
      expect(await search('ek anna')).toEqual(['Ek Anna', 'Anna Ek']);
      await rpc.request(saveStaffV1, { ...reversed, active: false, version: 1 }, admin());
    });

    it('matches every word anywhere: title, skill, department and unit, and says what matched', async () => {
      expect(await search('snöröj')).toEqual(['Anders Sandersson']);
      expect(await search('bygglov')).toEqual(['Karin Öberg']);
      expect(await search('omvård bist')).toEqual(['Anna Ek', 'Ann Lind']);
      const [hit] = (await rpc.request(searchDirectoryV1, { q: 'stadsbygg park' }, as())).items;
      expect(hit.person.name).toBe('Anders Sandersson');
      expect(hit.matched).toEqual([
        { field: 'skill', text: 'parkering' },
        { field: 'department', text: 'Stadsbyggnadsförvaltningen' },
      ]);
      expect(await search('karin tolk')).toEqual([]);
    });

    it('leaves out inactive people and filters by inbox and department', async () => {
      expect(await search('slutat')).toEqual([]);
      expect(await search('anna')).toEqual(['Anna Ek']);
      expect(await search('an', { inboxId: 'bistand' })).toEqual(['Anna Ek']);
      expect(await search('an', { departmentId: 'ost' })).toEqual(['Bo Anker', 'Hélène André']);
      expect(await search('an', { limit: 2 })).toEqual(['Anna Ek', 'Ann Lind']);
      expect(await search('-- !')).toEqual([]);
    });

    it('finds people by the new name of their department or unit once it is renamed', async () => {
      const current = (await rpc.request(getStaffV1, { id: await findId('Östen') }, as())).person;
      await rpc.request(
        saveReferenceV1,
        { kind: 'org-unit', id: 'ost', name: 'Västra stadsdelen', orgLevel: 'department', version: 1 },
        admin(),
      );
      expect(await search('östra')).toEqual([]);
      expect(await search('västra', { limit: 50 })).toEqual(['Bo Anker', 'Hélène André', 'Östen Åkesson']);
      expect((await rpc.request(getStaffV1, { id: current.id }, as())).departmentName).toBe('Västra stadsdelen');
    });

    it('moves the people of a unit with it to another department', async () => {
      const id = await findId('Ann Lind');
      const before = (await rpc.request(getStaffV1, { id }, as())).person;
      await rpc.request(
        saveReferenceV1,
        { kind: 'org-unit', id: 'bistand', name: 'Biståndsenheten', orgLevel: 'unit', parentId: 'sbf', version: 1 },
        admin(),
      );
      const after = await rpc.request(getStaffV1, { id }, as());
      expect(after).toMatchObject({
        person: { departmentId: 'sbf', unitId: 'bistand', version: before.version + 1 },
        departmentName: 'Stadsbyggnadsförvaltningen',
      });
      expect(await search('stadsbygg bist')).toEqual(['Ann Lind']);
      expect(await search('omvård bist')).toEqual(['Anna Ek']);
      // Saved again as it now is: the unit is under the department.
      await rpc.request(saveStaffV1, { ...after.person, version: after.person.version }, admin());
    });

    it('finds a person again when made active, and not when made inactive', async () => {
      const id = await findId('Annika');
      const found = (await rpc.request(getStaffV1, { id }, as())).person;
      const off = await rpc.request(saveStaffV1, { ...found, active: false, version: found.version }, admin());
      expect(await search('annika')).toEqual([]);
      await rpc.request(saveStaffV1, { ...off, active: true, version: off.version }, admin());
      expect(await search('annika')).toEqual(['Annika Annell']);
    });
  });
});

async function findId(name: string): Promise<string> {
  const [hit] = (await rpc.request(searchDirectoryV1, { q: name, limit: 1 }, as())).items;
  return hit.person.id;
}
